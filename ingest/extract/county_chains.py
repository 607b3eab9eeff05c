"""Counties written short right after their city (issue 13, session 9).

Reports name the counties they help by a chain of two short names: 深化与百色田东扶贫协作, 做好与汕尾陆河对口帮扶,
支持河源东源、梅州五华. The gazetteer gives short forms to provinces and prefecture cities only (a bare
two-character county name, 田东 or 五华, may be anything across the country), so the county was lost while its
city was found. Right after a city the gazetteer found, a child county's name without its level suffix
(田东 for 田东县, 陆河 for 陆河县, 南沙 for 南沙区) is that county: the hierarchy vouches for it. The rule
`located_in` then draws the chain's LOCATED_IN (adjacent places, the nearest known parent).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mentions import Mention
from .places import PlaceInfo, gazetteer

# the level suffixes a county-level name drops when written short after its city
_LEVEL = re.compile(r"(?:自治县|自治旗|新区|林区|特区|县|区|市|旗)$")
# a station or airport named after its city and district (北京通州站, 广州白云站): the district is only part of
# the facility's name there (the report gold draws no LOCATED_IN from 北京通州站)
_FACILITY = re.compile(r"(?:[东西南北]?站|火车站|高铁站|机场)")
_JOINERS = frozenset("、和及与")
# a short form made of location words only (城区 -> 城, 市中区 -> 市中) names no county
_GENERIC = re.compile(r"^[城郊矿市中东西南北老新]{1,2}$")


@lru_cache(maxsize=1)
def _children_index() -> dict[str, tuple[tuple[str, PlaceInfo], ...]]:
    """City -> its counties, county-level cities and districts by their short forms, longest first (built once)."""
    index: dict[str, list[tuple[str, PlaceInfo]]] = {}
    for variants in gazetteer().variants.values():
        for v in variants:
            if v.foreign or v.kind not in ("district", "city") or not v.parent:
                continue
            short = _LEVEL.sub("", v.name)
            if len(short) >= 2 and short != v.name and not _GENERIC.match(short):
                index.setdefault(v.parent, []).append((short, v))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in index.items()}


def _children(city: str) -> tuple[tuple[str, PlaceInfo], ...]:
    return _children_index().get(city, ())


def find_county_chains(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """County mentions written short right after their city (百色|田东); `found`: this passage's mentions."""
    out: list[Mention] = []
    g = gazetteer()
    for m in found:
        if m.label != "Place" or m.props.get("foreign"):
            continue
        info = g.places.get(m.props.get("gazetteer", ""))
        if info is None or info.kind != "city":
            continue
        at = m.end - base
        while True:
            hit = _county_at(text, at, info.name)
            if hit is None:
                break
            short, county = hit
            out.append(Mention("Place", base + at, base + at + len(short), short, county.canonical, {short},
                               {"kind": county.kind, "foreign": False, "gazetteer": county.name,
                                "chained": info.name}))
            # the city's other counties listed after the first (百色田东、德保; 河源连平、和平): siblings
            at += len(short)
            if text[at:at + 1] not in _JOINERS:
                break
            at += 1
    return out


@lru_cache(maxsize=None)
def _first_chars(city: str) -> frozenset[str]:
    return frozenset(short[0] for short, _ in _children(city))


def _county_at(text: str, at: int, city: str) -> tuple[str, PlaceInfo] | None:
    """The county of `city` written short at `at`, if any (not written in full, not a station's name)."""
    if text[at:at + 1] not in _first_chars(city):
        return None   # the common case, tested first: most cities are followed by no county of theirs
    for short, county in _children(city):
        if text.startswith(short, at):
            if text.startswith(county.name, at) or _FACILITY.match(text, at + len(short)):
                return None  # written in full (the gazetteer has it), or a station's name
            return short, county
    return None
