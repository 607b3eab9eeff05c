"""Resolution in a report's own context: whose district 区 is, whose city 市 is, who 我办 is.

The author agency fixes the report's place (东城区人民政府外事办公室 -> 东城区, in 北京市), and
abbreviations written with a bare level (区发改委, 市司法局) resolve against it, so that
区司法局 of one district never merges with 区司法局 of another.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .places import PlaceInfo, gazetteer


@dataclass
class ReportContext:
    report_id: str
    file: str
    year: int | None = None
    author_name: str | None = None          # canonical name of the author agency
    author_surface: str | None = None
    author_is_government: bool = False      # the author is a people's government itself
    district: PlaceInfo | None = None
    city: PlaceInfo | None = None
    province: PlaceInfo | None = None
    country: str = "中国"
    place_names: set[str] = field(default_factory=set)
    genre: str | None = None                # fzzf, gzbg, other: how the report states its lines of work
    # city and province read from the text (text_levels.py), not from the author: they resolve 市委, 省人大,
    # but the report's own place stays unknown (a new area's bare 文体教育局 is no city bureau)
    levels_from_text: bool = False

    @property
    def home(self) -> PlaceInfo | None:
        """The report's own place: the most local level known."""
        if self.levels_from_text:
            return None
        return self.district or self.city or self.province

    def level(self, char: str) -> PlaceInfo | None:
        """The place a bare level character stands for in this report (区 -> its district)."""
        if char in "区县":
            return self.district
        if char == "市":
            # In a district report 市 is its city; in a city report, the city itself.
            return self.city
        if char in "省":
            return self.province
        return None


def place_context(names: list[str]) -> tuple[PlaceInfo | None, PlaceInfo | None, PlaceInfo | None]:
    """District, city and province from place names read in the author's name or title."""
    g = gazetteer()
    district = city = province = None
    near = set(names)
    for n in names:
        info = g.resolve(n, near)
        if info is None or info.foreign:
            continue
        if info.kind == "district" and district is None:
            district = info
        elif info.kind == "city" and city is None:
            city = info
        elif info.kind == "province" and province is None:
            province = info
    if district and city is None and district.parent:
        city = g.places.get(district.parent)
        if city is not None and city.kind == "province":
            province, city = city, None
    if city and province is None and city.parent:
        p = g.places.get(city.parent)
        if p is not None and p.kind == "province":
            province = p
    # Beijing, Shanghai, Tianjin, Chongqing are cities at province level: 市 and 省-level mean the same.
    if province is None and city is not None and not city.parent:
        province = None
    return district, city, province


_YEAR_RANGE = re.compile(r"[（(]\s*(\d{4})\s*[-－—–~～至到]+\s*(\d{4})\s*年?\s*[)）]")
_ANY_PAREN_YEAR = re.compile(r"[（(][^（）()]*\d{4}[^（）()]*[)）]$")


def normalise_policy(title: str) -> str:
    """One spelling per title: full-width brackets, one dash in year ranges, no stray spaces."""
    t = title.strip().replace("(", "（").replace(")", "）").replace(" ", "").replace("\u3000", "")
    t = _YEAR_RANGE.sub(lambda m: f"（{m.group(1)}—{m.group(2)}年）", t)
    t = t.replace("\"", "”")
    return t


def policy_key(title: str, prefixes: tuple[str, ...]) -> str:
    """The key under which variants of a title meet: no year range, no leading place prefix."""
    t = normalise_policy(title)
    t = _ANY_PAREN_YEAR.sub("", t)
    for p in sorted(prefixes, key=len, reverse=True):
        if p and t.startswith(p) and len(t) - len(p) >= 4:
            t = t[len(p):]
            break
    return t
