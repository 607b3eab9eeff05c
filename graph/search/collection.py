"""Which reports of a collection a query names: by the place it speaks of, the body, the year.

In a store of one district's report the question 「福田区与意大利哪个地区缔结了友好城区？」 has one
place to look; in the whole collection (155 reports: seven districts, the city, the province and the
State Council over twelve years) the same words stand in every Futian report and in many others. A
query that names a place prefers the reports that speak for that place (ReportInfo.place: 深圳市 is
the city government's reports, not every district report whose title says 深圳市罗湖区); one that
names a year prefers the reports of that year, which review it (2025's report reviews 2024) or plan
it. Preferring is the caller's business (a rank-fusion bonus, never a filter): a question about
Shenzhen may still be answered by the province's report.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from govgraph.ingest.batch import ReportInfo


def reports_of_places(reports: Mapping[str, ReportInfo], places: Iterable[str]) -> set[str]:
    """Reports that speak for one of `places` (full gazetteer names such as 福田区, or forms of them):
    the report's place is that name, its earlier name (坪山新区), or a body of that place
    (东城区人民政府外事办公室 speaks for 东城区)."""
    names = {p for p in places if len(p) >= 2}
    if not names:
        return set()
    out = set()
    for rid, r in reports.items():
        own = [x for x in (r.place, r.place_before) if x]
        if any(x in names or any(x.startswith(n) and len(n) >= 3 for n in names) for x in own):
            out.add(rid)
    return out


def reports_of_words(reports: Mapping[str, ReportInfo], words: Iterable[str]) -> set[str]:
    """Reports whose author holds one of `words` (国务院). Titles are not read: their generic words
    named bodies that do not speak (区政府 in 福田区政府工作报告 named 29 district reports for
    「区政府外办…」, 第八届 of 第八届人民代表大会 named 7 for "the 8th Import Expo"). Words found in half
    the authors or more (政府) name none in particular and are ignored."""
    named: set[str] = set()
    for w in words:
        hits = {rid for rid, r in reports.items() if w in (r.author or "")}
        if hits and len(hits) * 2 <= len(reports):
            named |= hits
    return named


def reports_of_years(reports: Mapping[str, ReportInfo], years: Iterable[int]) -> set[str]:
    """Reports of a year a query names: dated that year, or reviewing or planning it."""
    ys = set(years)
    if not ys:
        return set()
    return {rid for rid, r in reports.items()
            if r.year in ys or getattr(r, "reviews", None) in ys or getattr(r, "plans", None) in ys}


def series_key(report: ReportInfo | None) -> str | None:
    """The series a report belongs to for folding repeats: the place it speaks for (深圳市坪山区人民政府
    and 坪山区政府筹备组 both speak for 坪山区), else its author."""
    if report is None:
        return None
    return report.place or report.author


def newest_of_series(reports: Mapping[str, ReportInfo], ids: Iterable[str]) -> set[str]:
    """Of the reports `ids`, the newest of each series: a question that names a place and no year
    (「深圳外贸进出口总额达到多少」) asks, as a reader means it, for the latest figure."""
    newest: dict[str, tuple[int, set[str]]] = {}
    for rid in ids:
        r = reports.get(rid)
        if r is None or r.year is None:
            continue
        key = series_key(r) or rid
        year, have = newest.get(key, (r.year, set()))
        if r.year > year:
            newest[key] = (r.year, {rid})
        elif r.year == year:
            newest[key] = (year, have | {rid})
    return {rid for _, ids_ in newest.values() for rid in ids_}


def unsaid(tokens: list[str], words: str, places: Sequence[str]) -> tuple[list[str], str]:
    """A query's tokens and text without the names of `places` (and their parts: 福田 of 福田区), for
    a query whose places the report grades already stand for. A query of nothing but places keeps them."""
    names = sorted({p for p in places if len(p) >= 2}, key=len, reverse=True)
    kept = [t for t in tokens if not any(t == n or (len(t) >= 2 and t in n) for n in names)]
    # Nothing but the places, or stray characters of them (光明区 is cut 光明 / 区): dropping the place would
    # leave a query of 区 alone, which matched no passage of the 光明区 report the query names.
    if not any(len(t) >= 2 for t in kept):
        return tokens, words
    for n in names:
        words = words.replace(n, " ")
    return kept, words


def one_place_said(reports: Mapping[str, ReportInfo], places: Iterable[str]) -> bool:
    """Whether the names `places` (深圳市 and its short form 深圳, which names no report alone) stand for
    one series of reports of the collection, and no more."""
    series = set()
    for p in places:
        series |= {series_key(reports[rid]) for rid in reports_of_places(reports, [p])}
    return len(series) == 1
