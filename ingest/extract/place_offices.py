"""The government office of a place written right after the place: 西乡街道办, 福永街道办事处 (the street
office, the level below the district), 大鹏新区管委会, 横琴合作区管委会 (the management committee that governs
a new area, a cooperation zone or a development zone).

The place finder reads 西乡街道 and 大鹏新区 and stops, so the body was lost and the place stood for it
(主办：西乡街道办 made the street the organiser). Over the 155 reports (session 10) 街道办 follows a street's
name about 120 times, 管委会 a zone's about 30 (the 大鹏 and 坪山 reports' own author among them). The
office is named in full, as the government writes it on its seal: 西乡街道办事处, 大鹏新区管理委员会.
"""
from __future__ import annotations

import re

from .mentions import Mention

_OFFICE = re.compile(r"办事处|办|管委会|管理委员会")
# the places that have such an office, by how their name ends, and the full name of the office
_FULL = (("街道", ("办事处", "办"), "办事处"),
         (("新区", "合作区", "开发区", "高新区", "试验区"), ("管理委员会", "管委会"), "管理委员会"))


def _office_of(place: str, after: str) -> tuple[int, str] | None:
    """(length written, full office word) when `after` opens with the office of `place`, else None."""
    for ends, written, full in _FULL:
        if place.endswith(ends):
            w = next((w for w in written if after.startswith(w)), None)
            if w is not None and not after.startswith(("办法", "办理", "办学", "办好", "办实事"), 0):
                return len(w), full
    return None


def find_place_offices(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Agency mentions of the offices written right after a place mention of `found` (see the module)."""
    out: list[Mention] = []
    if not _OFFICE.search(text):
        return out
    for m in found:
        if m.label != "Place" or m.props.get("foreign"):
            continue
        e = m.end - base
        office = _office_of(m.name, text[e:e + 5])
        if office is None:
            continue
        n, full = office
        surface = text[m.start - base:e + n]
        name = m.name + full
        out.append(Mention("Agency", m.start, m.end + n, surface, name, {surface} - {name}, {"office": True}))
    return out
