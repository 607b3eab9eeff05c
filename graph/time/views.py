"""The time views as JSON-ready dicts: series, indicators, plans with follow-up, diff, timeline.

Their forms are the contract of `govgraph series|indicators|plans|diff|timeline --json` and the HTTP
routes of the same names (DESIGN.md, docs/time.md).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from govgraph.ingest.batch import ENTITY_LABELS, INDICATOR, PLAN, Node
from govgraph.ingest.vocabulary import FollowUp

from .errors import NotFound
from .index import TimeIndex, links_for, time_index
from .series import Series

_TIME_LABELS = (INDICATOR, PLAN)
REPORTED, NOT_REPORTED, PENDING = FollowUp.REPORTED, FollowUp.NOT_REPORTED, FollowUp.PENDING


def series_view(store) -> dict:
    idx = time_index(store)
    return idx.remembered(("series",), lambda: {"series": [s.to_dict() for s in idx.series],
                                                 "unplaced": [u.to_dict() for u in idx.unplaced]})


def _series(idx: TimeIndex, ref: str | None) -> list[Series]:
    if ref is None:
        return idx.series
    s = idx.find_series(ref)
    if s is None:
        raise NotFound(f"series {ref!r} not found (see `govgraph series`)")
    return [s]


def _indicator_id(series_id: str, name: str, unit: str) -> str:
    return "indicator-" + hashlib.sha1(f"{series_id}\x1f{name}\x1f{unit}".encode("utf-8")).hexdigest()[:12]


def _point(n: Node, idx: TimeIndex) -> dict:
    ev = n.evidence[0]
    p = n.props
    out = {"year": p.get("year"), "kind": p.get("kind"), "value": p.get("value"), "approx": bool(p.get("approx")),
           "text": ev.text, "report": ev.report, "file": ev.file, "start": ev.start, "end": ev.end,
           "report_year": idx.reports[ev.report].year if ev.report in idx.reports else None}
    for k in ("qualifier", "high"):
        if p.get(k) is not None:
            out[k] = p[k]
    return out


def indicators_view(store, series: str | None = None, q: str | None = None, year: int | None = None) -> dict:
    """Indicators of a series (or all), each with its points by year; `q` keeps names containing it."""
    idx = time_index(store)
    return idx.remembered(("indicators", series, q, year), lambda: _indicators(idx, series, q, year))


def _indicators(idx: TimeIndex, series: str | None, q: str | None, year: int | None) -> dict:
    out = []
    for s in _series(idx, series):
        groups: dict[tuple[str, str], list[Node]] = defaultdict(list)
        names_en: dict[str, str | None] = {}
        for r in s.reports:
            for n in idx.indicators.get(r.id, []):
                if q and q.casefold() not in n.name.casefold() and q.casefold() not in (n.name_en or "").casefold():
                    continue
                if year is not None and n.props.get("year") != year:
                    continue
                groups[(n.name, n.props.get("unit", ""))].append(n)
                names_en[n.name] = n.name_en
        for (name, unit), nodes in groups.items():
            points = sorted((_point(n, idx) for n in nodes), key=lambda p: (p["year"] or 0, p["kind"], p["start"]))
            out.append({"id": _indicator_id(s.id, name, unit), "name": name, "name_en": names_en.get(name),
                        "unit": unit, "series": s.id, "points": points})
    out.sort(key=lambda d: (d["series"], -len(d["points"]), d["name"]))
    return {"indicators": out}


def plans_view(store, series: str | None = None, year: int | None = None) -> dict:
    """Plan items with their follow-up in the report reviewing their year: reported, not_reported or pending."""
    idx = time_index(store)
    return idx.remembered(("plans", series, year), lambda: _plans(store, idx, series, year))


def _plans(store, idx: TimeIndex, series: str | None, year: int | None) -> dict:
    out = []
    for s in _series(idx, series):
        for r in s.reports:
            items = [it for it in idx.plans.get(r.id, []) if year is None or it.year == year]
            by_year: dict[int | None, list] = defaultdict(list)
            for it in items:
                by_year[it.year].append(it)
            for y, group in sorted(by_year.items(), key=lambda kv: kv[0] or 0):
                later = [f for f in s.following(y) if f.id != r.id] if y is not None else []
                links: dict[str, list] = defaultdict(list)
                for f in later:
                    for pid, ds in links_for(store, idx, r, f).items():
                        links[pid].extend(ds)
                for it in group:
                    ev = it.evidence
                    delivery = sorted(links.get(it.id, []), key=lambda d: -d.score)
                    status = PENDING if not later else REPORTED if delivery else NOT_REPORTED
                    out.append({"id": it.id, "text": ev.text, "year": y, "series": s.id,
                                "report": ev.report, "file": ev.file, "start": ev.start, "end": ev.end,
                                "status": status, "delivery": [d.to_dict() for d in delivery]})
    return {"plans": out}


def _report(idx: TimeIndex, ref: str):
    r = idx.find_report(ref)
    if r is None:
        raise NotFound(f"report {ref!r} not found (see `govgraph reports`)")
    return r


_ENTITY_LABELS = tuple(lab for lab in ENTITY_LABELS if lab not in _TIME_LABELS)


def _entities(store, rid: str) -> dict[str, Node]:
    return {n.id: n for n in store.find_nodes(list(_ENTITY_LABELS), report=rid, limit=10**9)[1]}


def diff_view(store, a: str, b: str) -> dict:
    """Entities added, dropped and kept between two reports, by label."""
    idx = time_index(store)
    ra, rb = _report(idx, a), _report(idx, b)
    ea, eb = _entities(store, ra.id), _entities(store, rb.id)

    def by_label(ids) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for i in ids:
            n = ea.get(i) or eb[i]
            out[n.label].append({"id": n.id, "name": n.name})
        return {lab: sorted(v, key=lambda d: d["name"]) for lab, v in sorted(out.items())}

    return {"a": {"id": ra.id, "file": ra.file, "year": ra.year}, "b": {"id": rb.id, "file": rb.file, "year": rb.year},
            "added": by_label(eb.keys() - ea.keys()), "dropped": by_label(ea.keys() - eb.keys()),
            "kept": by_label(ea.keys() & eb.keys())}


def timeline_view(store, entity_id: str) -> dict:
    """The years and reports that mention an entity, with how often and where."""
    idx = time_index(store)
    n = store.get_node(entity_id)
    if n is None:
        raise NotFound(f"entity {entity_id!r} not found (see `govgraph entities`)")
    per: dict[str, list] = defaultdict(list)
    for ev in n.evidence:
        per[ev.report].append(ev)
    points = []
    for rid, evs in per.items():
        r = idx.reports.get(rid)
        evs.sort(key=lambda e: e.start)
        points.append({"year": r.year if r else None, "report": rid, "file": evs[0].file, "mentions": len(evs),
                       "series": idx.series_of[rid].id if rid in idx.series_of else None,
                       "evidence": [e.to_dict() for e in evs]})
    points.sort(key=lambda p: (p["year"] or 0, p["file"]))
    return {"entity": {"id": n.id, "label": n.label, "name": n.name}, "points": points}
