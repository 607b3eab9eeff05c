"""Reports that speak for another jurisdiction than the one a question names.

A question that names a place (「宝安区纳入空间保障范围的重点企业有多少家」, "Beijing economic output last
year") asks about that place. In a collection, the reports of other jurisdictions write the same kind of
sentence about themselves (Longhua's industrial space, Shanghai's foreign trade, Guangdong's GDP) and their
words match as well as the named place's own. They are not the place's kin: a parent's report tells its
districts' projects (Shenzhen's report on Futian's 河套) and a child's report quotes its city's or
province's plans (Futian's report on the Shenzhen-Hong Kong CEPA tower), so kin reports are left alone;
only reports whose place is neither the named place, nor above it, nor under it are "other places".
The caller lowers their passages' scores by a share (a demotion, never a filter); the share is measured
in graph/search/service.py.
"""
from __future__ import annotations

from typing import Callable, Iterable, Mapping

from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.level import level_of_place
from govgraph.ingest.vocabulary import Level

from .collection import reports_of_places

# A chain of parents longer than this is a loop in the gazetteer, not a real hierarchy.
MAX_DEPTH = 6


def _line(place: str, parent: Callable[[str], str | None]) -> list[str]:
    """`place` and its ancestors, nearest first (福田区, 深圳市, 广东省)."""
    out = [place]
    while len(out) <= MAX_DEPTH:
        up = parent(out[-1])
        if not up or up in out:
            break
        out.append(up)
    return out


def _known(place: str, line: list[str]) -> bool:
    """Whether a report's place is placed in the hierarchy: a province, a municipality or the State
    Council stands at its top; a district or a city with no known parent (坪山新区, an earlier name; a
    body named for its district) is of unknown kin and never counted as another place."""
    top = line[-1]
    level = level_of_place(top)
    return level in (Level.NATIONAL, Level.PROVINCE) or (level == Level.CITY and len(line) == 1 and top == place)


def other_place_reports(reports: Mapping[str, ReportInfo], places: Iterable[str],
                        parent: Callable[[str], str | None]) -> set[str]:
    """Ids of the reports that speak for a jurisdiction unrelated to the places a question names: not
    one of them (nor a body of one), not above one, not under one; the State Council's reports speak for
    the whole country and are everyone's kin. Empty when no named place has reports of its own: a
    question naming only places the collection does not speak for (意大利, 首尔) has them as its content."""
    named = [p for p in places if len(p) >= 2]
    own = reports_of_places(reports, named)
    if not own:
        return set()
    own_places = {reports[rid].place for rid in own if reports[rid].place}
    lines = [_line(p, parent) for p in own_places]
    out: set[str] = set()
    for rid, r in reports.items():
        if rid in own or not r.place or level_of_place(r.place) == Level.NATIONAL:
            continue
        line = _line(r.place, parent)
        if not _known(r.place, line):
            continue
        if any(r.place in named_line or named_line[0] in line for named_line in lines):
            continue
        out.add(rid)
    return out
