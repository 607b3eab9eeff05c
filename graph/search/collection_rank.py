"""How strongly each report of a collection is preferred for one query: a grade in (0, 1].

In a store of one report every passage is of the report meant; in the whole collection (seven
districts, the city, the province and the State Council over twelve years) the same words stand in many
reports. A query that names a place grades the reports that speak for it 1 (else a body named by its
words: 国务院), those of the place's parent (福田 named: Shenzhen's reports, which tell the district's
projects) `parent`, and those of its children (深圳 named: the district reports) `child`. A named year
grades the reports dated, reviewing or planning it 1 and those of the years next to it `neighbour`; when
the question says it asks for the plan of the year or its review (ingest/year_part.py), the year's
other report grades `other_part`. A place and a year together multiply. A grade is a boost the caller
adds (graph/search/service.py: one rank-fusion list per grade, weighted by it), never a filter; the
weights are measured there.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.level import level_of_place
from govgraph.ingest.question import parent_place
from govgraph.ingest.vocabulary import YearPart

from .collection import reports_of_places, reports_of_words, reports_of_years


def _kin(reports: Mapping[str, ReportInfo], places: Sequence[str], parent: float,
         child: float) -> dict[str, float]:
    """Report id -> grade for the reports of a named place's parent (`parent`) or children (`child`)."""
    names = set(places)
    parents = {parent_place(p) for p in names} - {None}
    out: dict[str, float] = {}
    for rid, r in reports.items():
        if not r.place:
            continue
        grade = max(parent if r.place in parents else 0.0, child if parent_place(r.place) in names else 0.0)
        if grade > 0:
            out[rid] = grade
    return out


def place_grades(reports: Mapping[str, ReportInfo], words: Iterable[str], places: Sequence[str],
                 parent: float = 0.0, child: float = 0.0) -> dict[str, float]:
    """Report id -> grade for the places (else the words) a query names: own 1, kin `parent`/`child`.
    A name that covers half the collection or more names nothing in particular."""
    places = [p for p in places if len(p) >= 2]
    own = reports_of_places(reports, places)
    if not own:
        own = reports_of_words(reports, [w for w in (*words, *places) if len(w) >= 2 and not w.isascii()])
    if len(own) * 2 > len(reports):
        return {}
    grades = _kin(reports, places, parent, child) if places and (parent > 0 or child > 0) else {}
    grades.update(dict.fromkeys(own, 1.0))
    return grades


def _of_part(r: ReportInfo, years: set[int], part: str | None) -> bool:
    """Whether report `r` is of the named `years` in the part the question asks about (YearPart)."""
    if part == YearPart.DATED or (part is not None and getattr(r, part, None) is None):
        return r.year in years
    return getattr(r, part, None) in years


def year_grades(reports: Mapping[str, ReportInfo], years: Sequence[int], neighbour: float = 0.0,
                part: str | None = None, other_part: float = 1.0) -> dict[str, float]:
    """Report id -> grade for the years a query names: a report dated, reviewing or planning one 1,
    one of a year next to it `neighbour`. When the question says which part of the year it asks about
    (`part`, a YearPart: the report planning it, reviewing it, or dated it), the year's other reports
    grade `other_part`. A year that half the collection or more is of names none."""
    dated = reports_of_years(reports, years)
    if not dated or len(dated) * 2 > len(reports):
        return {}
    grades: dict[str, float] = {}
    if neighbour > 0:
        near = reports_of_years(reports, {y + d for y in years for d in (-1, 1)})
        grades = dict.fromkeys(near, neighbour)
    ys = set(years)
    # A part no report of the year is of (a year only planned, 2035) leaves the year's reports alike.
    if part is None or not any(_of_part(reports[rid], ys, part) for rid in dated):
        grades.update(dict.fromkeys(dated, 1.0))
        return grades
    for rid in dated:
        grades[rid] = 1.0 if _of_part(reports[rid], ys, part) else max(other_part, grades.get(rid, 0.0))
    return grades


def level_grades(reports: Mapping[str, ReportInfo], levels: Iterable[str], grade: float) -> dict[str, float]:
    """Report id -> `grade` for the reports of the levels of government a query implies (全省 -> the
    provinces' reports). A level that half the collection or more is of (the districts) names none."""
    wanted = set(levels)
    of = {rid for rid, r in reports.items() if wanted and level_of_place(r.place) in wanted}
    if not of or len(of) * 2 > len(reports):
        return {}
    return dict.fromkeys(of, grade)


def report_grades(reports: Mapping[str, ReportInfo], words: Iterable[str], places: Sequence[str] = (),
                  years: Sequence[int] = (), parent: float = 0.0, child: float = 0.0,
                  neighbour: float = 0.0, year_part: str | None = None,
                  other_part: float = 1.0, levels: Sequence[str] = (),
                  level: float = 0.0) -> dict[str, float]:
    """Report id -> grade in (0, 1] for the reports a query names by place, body or year. A place and a
    year multiply; when no report is of both, whichever the query names is used alone. Nothing is named
    in a store of one report."""
    if len(reports) < 2:
        return {}
    by_place = place_grades(reports, words, places, parent, child)
    if not by_place and level > 0 and levels:
        by_place = level_grades(reports, levels, level)
    by_year = year_grades(reports, years, neighbour, year_part, other_part)
    if by_place and by_year:
        both = {rid: g * by_year[rid] for rid, g in by_place.items() if rid in by_year}
        if both:
            return both
    return by_place or by_year
