"""Subgraphs the UI asks for: an overview filtered by report/year/label, or the ties among given ids.

Views read entities light (GraphStore.get_briefs: no evidence) and, with `max_evidence`, only
the first pieces of evidence of each relation they return: what the API shows.
"""
from __future__ import annotations

from .store.base import GraphStore, Subgraph

# Pieces of evidence the API shows per relation in a view (neighbourhood, overview, paths).
SHOWN_EVIDENCE = 3


def overview(store: GraphStore, report: str | None = None, year: int | None = None,
             labels: list[str] | None = None, role: str | None = None, limit: int = 300,
             max_evidence: int | None = None) -> Subgraph:
    """The best-connected entities matching the filters, and the edges among them. With a
    report, its own entities only (a bounded subgraph, whatever the collection's size)."""
    if report and max_evidence is not None:
        one = store.report_overview(report, labels or None, year, role, limit, max_evidence)
        if one is not None:
            return one
    if report:
        r = store.find_report(report)
        report = r.id if r else report
    total, nodes = store.find_briefs(labels or None, report, year, limit=limit, role=role)
    edges = store.edges_among([n.id for n in nodes], report, max_evidence=max_evidence)
    return Subgraph(nodes, edges, total > limit)


def among(store: GraphStore, ids: list[str], limit: int = 300, max_evidence: int | None = None) -> Subgraph:
    nodes = store.get_briefs(ids[:limit])
    return Subgraph(nodes, store.edges_among([n.id for n in nodes], None, max_evidence=max_evidence),
                    len(ids) > limit)
