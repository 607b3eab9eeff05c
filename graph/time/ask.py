"""Ask with time: a question naming years and an indicator gets the indicator's points, one per year
asked, with their passages first among the evidence; a question naming a year or a series prefers the
passages of that year's report.

This wraps the search service instead of changing it: everything but `ask` passes through, and the
question's time is read by a function handed in (ingest.time.question), so graph parses no Chinese.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from govgraph.ingest.batch import ACTUAL, TARGET, Node

from ..search.results import AskResult, Hit
from .index import TimeIndex, time_index
from .series import Series

_PLACE_SUFFIX = re.compile(r"(?:新区|省|市|区|县)$")


def _named_series(idx: TimeIndex, words: list[str]) -> list[Series]:
    """Series whose place the question names (坪山区, 坪山, or 广东 for 广东省)."""
    text = " ".join(words)
    out = []
    for s in idx.series:
        names = {*s.places, s.author}
        stems = {_PLACE_SUFFIX.sub("", p) for p in s.places}
        if any(n and n in text for n in names) or any(len(st) >= 2 and st in text for st in stems):
            out.append(s)
    return out


def _pick_name(nodes: list[Node], canonical: str, growth: bool) -> str | None:
    names = {n.name for n in nodes if n.name.startswith(canonical) or n.name == "新增" + canonical}
    for want in ((canonical + "增长", canonical) if growth else (canonical, canonical + "增长")):
        if want in names:
            return want
    return min(names, key=len) if names else None


def _points(idx: TimeIndex, series: list[Series], tq) -> list[tuple[Series, Node]]:
    """One point per (series, indicator, year, kind) asked, from the report that speaks of that year
    first-hand (the plan of that year for a target, the review of it for a result)."""
    kinds = [tq.kind] if tq.kind else [TARGET, ACTUAL]
    out = []
    for s in series:
        nodes = [n for r in s.reports for n in idx.indicators.get(r.id, [])]
        for canonical in tq.indicators:
            name = _pick_name(nodes, canonical, tq.growth)
            if name is None:
                continue
            for year in tq.years:
                for kind in kinds:
                    cands = [n for n in nodes if n.name == name and n.props.get("year") == year
                             and n.props.get("kind") == kind]
                    if not cands:
                        continue
                    first_hand = [n for n in cands if _speaks_of(idx, n, year, kind)]
                    out.append((s, (first_hand or cands)[0]))
    return out


def _speaks_of(idx: TimeIndex, n: Node, year: int, kind: str) -> bool:
    r = idx.reports.get(n.evidence[0].report)
    return r is not None and (r.plans == year if kind == TARGET else r.reviews == year)


class TimeAwareSearch:
    """The search service with a time-aware `ask`; every other attribute is the service's own."""

    def __init__(self, service, time_analyzer: Callable[[str, list[str]], Any], terms_of: Callable[[str], list[str]]):
        self._service = service
        self._analyze = time_analyzer
        self._terms_of = terms_of

    def __getattr__(self, name):
        return getattr(self._service, name)

    def ask(self, question: str, k: int = 10, filters=None, mode: str = "hybrid") -> AskResult:
        base = self._service.ask(question, k=k, filters=filters, mode=mode)
        tq = self._analyze(question, self._terms_of(question))
        if not tq.years:
            return base
        store = self._service.store
        idx = time_index(store)
        named = _named_series(idx, tq.words)
        points = _points(idx, named or idx.series, tq) if tq.indicators else []
        first: list[Hit] = self._point_hits(store, idx, points)
        rest = [h for h in base.passages if h.passage not in {x.passage for x in first}]
        preferred = {r.id for s in (named or []) for r in s.reports if r.year in tq.years or r.reviews in tq.years}
        # A question naming a year (and a series) prefers that year's report; a stable partition keeps the
        # search's own order inside each part.
        rest = ([h for h in rest if h.report in preferred or (not named and h.year in tq.years)]
                + [h for h in rest if not (h.report in preferred or (not named and h.year in tq.years))])
        time = None
        if points:
            time = {"years": tq.years, "series": list(dict.fromkeys(s.id for s, _ in points)),
                    "points": [{"series": s.id, "indicator": n.name, "year": n.props.get("year"),
                                "kind": n.props.get("kind"), "value": n.props.get("value"), "unit": n.props.get("unit"),
                                "text": n.evidence[0].text, "report": n.evidence[0].report,
                                "file": n.evidence[0].file, "passage": n.evidence[0].passage,
                                "start": n.evidence[0].start, "end": n.evidence[0].end} for s, n in points]}
        # replace() keeps whatever else the service's result carries (an aggregation's rows, say)
        return replace(base, passages=first + rest, time=time)

    def _point_hits(self, store, idx: TimeIndex, points: list[tuple[Series, Node]]) -> list[Hit]:
        ordered = sorted(points, key=lambda sn: (sn[1].props.get("year") or 0, sn[1].props.get("kind") != TARGET))
        pids = list(dict.fromkeys(n.evidence[0].passage for _, n in ordered))
        passages = {p.id: p for p in store.get_passages(pids)}
        out = []
        for i, pid in enumerate(pids):
            p = passages.get(pid)
            r = idx.reports.get(p.report) if p else None
            if p is None or r is None:
                continue
            out.append(Hit(passage=p.id, report=p.report, file=r.file, title=r.title, section=p.section, role=p.role,
                           year=p.year, text=p.text, start=p.start, end=p.end, score=1.0 - i * 1e-3))
        return out
