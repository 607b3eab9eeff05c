"""The public-security and law-enforcement units of a place, named by the place, their service and their rank:
宝安交警大队, 福田消防大队, 龙岗刑警大队, 区文化执法大队, 区公安消防大队, 坪山派出所 (issue 13, session 12).

A district's police and enforcement work is done by brigades (大队), detachments (支队) and stations (派出所)
named after the district or the street they serve, not by bureaus, so neither the lexicon (agency_names.tsv)
nor shaped_agencies.py (a suffix 局/委/办) reads them, and the place alone stood for the unit (牵头单位：龙岗
交警大队 made 龙岗 the lead). Over the 155 reports (session 12) 交警大队 was missed 19 times, 消防大队 8,
派出所 28 (half of them after a street's or a community's name).

A unit is read when
- a domestic place mention ends right before it (宝安|交警大队), or a bare level character opens it where a
  name can start (区|文化执法大队: the report's district, ReportContext.level); and
- what lies between the place and the rank is a police or enforcement service (交警, 消防, 刑警, 经侦, 公安,
  …执法), or nothing before 派出所 (坪山派出所: a station is named by its place alone).
A station after a community's name the gazetteer does not hold (油松派出所) stays unread: nothing tells that
name from a type of station (试点派出所, 基层派出所).
"""
from __future__ import annotations

import re

from .mentions import Mention
from .shaped_agencies import _opens_name

_UNIT = re.compile(r"((?:公安)?(?:交警|交通警察|消防监管|消防|刑警|刑侦|经侦|治安|巡警|特警|禁毒|"
                   r"[\u4e00-\u9fff]{0,6}?执法)?)(大队|支队|派出所)")
_LEVELS = "区市县"


def find_police_units(text: str, base: int, ctx, found: list[Mention]) -> list[Mention]:
    """Agency mentions of the units above that no other finder read (see the module)."""
    out: list[Mention] = []
    if not any(k in text for k in ("大队", "支队", "派出所")):
        return out
    taken = [(m.start - base, m.end - base) for m in found if m.label != "Place"]
    places = {m.end - base: m for m in found if m.label == "Place" and not m.props.get("foreign")}
    for u in _UNIT.finditer(text):
        s, e = u.span()
        service, rank = u.groups()
        if not service and rank != "派出所":
            continue   # 宝安|大队 alone: a rank with no service names nothing
        if any(x < e and s < y for x, y in taken):
            continue
        place = places.get(s)
        if place is not None:
            # a station is named after its street or community as written (龙华派出所 is 龙华街道's, not 龙华区's)
            start, prefix = place.start - base, place.surface if rank == "派出所" else place.name
        elif s > 0 and text[s - 1] in _LEVELS and service and _opens_name(text, s - 1):
            info = ctx.level(text[s - 1]) if ctx is not None else None
            if info is None:
                continue
            start, prefix = s - 1, info.canonical
        else:
            continue
        surface = text[start:e]
        name = prefix + text[s:e]
        out.append(Mention("Agency", base + start, base + e, surface, name, {surface} - {name}, {"unit": rank}))
        taken.append((start, e))
    return out
