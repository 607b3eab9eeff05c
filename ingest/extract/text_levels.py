"""A report's city and province read from its text when its author and title name no place.

A bare level (市委, 市政府, 市外办, 省人大) resolves against the report's own place, which is read from the author or
title (深圳市南山区人民政府). Some reports name none: a body's report titled by its abbreviation (市外办2022年工作
报告), a new district's committee (坪山新区管委会: 新区 names are no gazetteer districts), a report with no author
line at all. Every level-prefixed body was then dropped: the session 13 agency audit
(tools/agency_audit.py) found 市委/市政府 missed in nearly every sentence of the 坪山新区 and 光明新区 reports and
市外办, 市政府外办 in the foreign-affairs reports of 青岛 and 重庆.

The city is the one the text names most, when it is named at least twice and twice as often as any other city;
its province is the gazetteer's parent. They resolve a level written before a body and nothing else: the
report's own place (ReportContext.home) stays unknown, so bare bodies (文体教育局 in a new area's report is the
area's) and the new area's own committees read as before. The district is not guessed: a new district's report names its old parent
district (龙岗区) more than itself, and a bare 区 there is the new district. A national author (国务院) keeps no
place: its 市 and 省 are every city and province.
"""
from __future__ import annotations

from collections import Counter

from .places import PlaceInfo, gazetteer

_MIN_NAMED = 2     # a city named once (a partner, a comparison) is not the report's
_LEAD = 2          # and it must lead the next city by this factor
_NATIONAL = ("国务院", "中共中央", "党中央", "全国人大")


def city_from_text(text: str) -> PlaceInfo | None:
    """The city the text names most clearly, or None."""
    g = gazetteer()
    counts: Counter[str] = Counter()
    infos: dict[str, PlaceInfo] = {}
    for _, _, key, _ in g.matcher.find(text):
        name = g.matcher.get(key)
        info = g.resolve(name, set()) if name else None
        if info is None or info.foreign or info.kind != "city":
            continue
        counts[info.canonical] += 1
        infos[info.canonical] = info
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_NAMED:
        return None
    if len(ranked) > 1 and ranked[0][1] < _LEAD * ranked[1][1]:
        return None
    return infos[ranked[0][0]]


def fill_levels_from_text(ctx, text: str, author: str | None) -> None:
    """Set ctx.city and ctx.province from the text when the author and title gave no place at all."""
    if ctx.district is not None or ctx.city is not None or ctx.province is not None or not text:
        return
    if author and author.startswith(_NATIONAL):
        return
    city = city_from_text(text)
    if city is None:
        return
    ctx.city = city
    ctx.levels_from_text = True
    if city.parent:
        parent = gazetteer().resolve(city.parent, set())
        if parent is not None and parent.kind == "province":
            ctx.province = parent
