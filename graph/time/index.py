"""What the time views read from a store, kept per store and brought up to date report by report.

The index is keyed by the stored reports' (id, sha256, pipeline): a write that adds or removes a report
reads only that report's Indicator and Plan nodes, and follow-up links are kept per (plan report, review
report) pair, so adding the 2025 report links the 2024 plans and computes nothing else; removing a report
drops what it supported.
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from govgraph.ingest.batch import INDICATOR, PLAN, Node, ReportInfo

from .followup import Delivery, follow_up
from .items import PlanItem, plan_items
from .series import Series, Unplaced, build_series

_ALL = 10**9
# Past this many changed reports one read of all nodes is cheaper than one read per report.
_BULK = 8


def _version(r: ReportInfo) -> tuple:
    return (r.id, r.sha256, r.pipeline)


@dataclass
class TimeIndex:
    reports: dict[str, ReportInfo] = field(default_factory=dict)
    versions: dict[str, tuple] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    series_of: dict[str, Series] = field(default_factory=dict)
    indicators: dict[str, list[Node]] = field(default_factory=dict)  # report id -> nodes
    plans: dict[str, list[PlanItem]] = field(default_factory=dict)
    # (plan report version, review report version) -> plan id -> deliveries
    links: dict[tuple, dict[str, list[Delivery]]] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)
    # Answers of the views by their arguments, valid until a report is added, replaced or removed: the
    # whole corpus's indicators take ~150 ms to assemble, a dictionary look-up well under one.
    memo: dict[tuple, dict] = field(default_factory=dict)

    def remembered(self, key: tuple, make) -> dict:
        with self.lock:
            got = self.memo.get(key)
        if got is None:
            got = make()
            with self.lock:
                self.memo[key] = got
        return got

    def find_series(self, ref: str) -> Series | None:
        for s in self.series:
            if ref in (s.id, s.author) or ref in s.places:
                return s
        return None

    def find_report(self, ref: str) -> ReportInfo | None:
        name = ref.replace("\\", "/").rsplit("/", 1)[-1]
        for r in self.reports.values():
            if ref in (r.id, r.file) or name == r.file:
                return r
        return None


_indexes: "weakref.WeakKeyDictionary[object, TimeIndex]" = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _group(nodes: list[Node], keep: set[str]) -> dict[str, list[Node]]:
    out: dict[str, list[Node]] = {rid: [] for rid in keep}
    for n in nodes:
        rid = n.evidence[0].report if n.evidence else None
        if rid in out:
            out[rid].append(n)
    for v in out.values():
        v.sort(key=lambda n: n.evidence[0].start)
    return out


def time_index(store) -> TimeIndex:
    """The store's time index, refreshed for any report added, replaced or removed since last asked."""
    with _guard:
        idx = _indexes.get(store)
        if idx is None:
            idx = _indexes[store] = TimeIndex()
    with idx.lock:
        reports = {r.id: r for r in store.reports()}
        versions = {rid: _version(r) for rid, r in reports.items()}
        if versions == idx.versions:
            return idx
        changed = {rid for rid, v in versions.items() if idx.versions.get(rid) != v}
        for rid in set(idx.versions) - set(versions) | changed:
            idx.indicators.pop(rid, None)
            idx.plans.pop(rid, None)
        live = set(versions.values())
        idx.links = {k: v for k, v in idx.links.items() if k[0] in live and k[1] in live}
        if len(changed) > _BULK:
            idx.indicators.update(_group(store.find_nodes(INDICATOR, limit=_ALL)[1], changed))
            plans = _group(store.find_nodes(PLAN, limit=_ALL)[1], changed)
        else:
            plans = {}
            for rid in changed:
                idx.indicators.update(_group(store.find_nodes(INDICATOR, report=rid, limit=_ALL)[1], {rid}))
                plans.update(_group(store.find_nodes(PLAN, report=rid, limit=_ALL)[1], {rid}))
        idx.plans.update({rid: [it for n in nodes for it in plan_items(n)] for rid, nodes in plans.items()})
        idx.reports, idx.versions = reports, versions
        idx.memo = {}
        idx.series, idx.unplaced = build_series(list(reports.values()))
        idx.series_of = {r.id: s for s in idx.series for r in s.reports}
        return idx


def links_for(store, idx: TimeIndex, plan_report: ReportInfo, review: ReportInfo) -> dict[str, list[Delivery]]:
    """Follow-up of one report's plans in one later report, computed once per pair of versions."""
    key = (idx.versions[plan_report.id], idx.versions[review.id])
    with idx.lock:
        got = idx.links.get(key)
    if got is None:
        plans = idx.plans.get(plan_report.id, [])
        passages = store.passages_of(review.id)
        # the meaning check reads the stored passage vectors (none in a store built without them)
        vectors = store.passage_vectors(list({p.evidence.passage for p in plans} | {p.id for p in passages}))
        got = follow_up(plans, review, passages, vectors)
        with idx.lock:
            idx.links[key] = got
    return got
