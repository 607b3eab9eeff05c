"""Subgraphs the UI asks for: an overview filtered by report/year/label, or the ties among given ids."""
from __future__ import annotations

from ingest.batch import Edge, Node
from .store.base import GraphStore, Subgraph


def overview(store: GraphStore, report: str | None = None, year: int | None = None,
             labels: list[str] | None = None, role: str | None = None, limit: int = 300) -> Subgraph:
    """The best-connected entities matching the filters, and the edges among them."""
    if report:
        r = store.find_report(report)
        report = r.id if r else report
    total, nodes = store.find_nodes(report=report, year=year, limit=100_000)
    if labels:
        nodes = [n for n in nodes if n.label in labels]
    if role:
        keep = {p.id for p in store.iter_passages() if p.role == role}
        nodes = [n for n in nodes if any(ev.passage in keep for ev in n.evidence)]
    truncated = len(nodes) > limit
    nodes = nodes[:limit]
    return Subgraph(nodes, _edges_among(store, nodes, report), truncated)


def among(store: GraphStore, ids: list[str], limit: int = 300) -> Subgraph:
    nodes = store.get_nodes(ids[:limit])
    return Subgraph(nodes, _edges_among(store, nodes, None), len(ids) > limit)


def _edges_among(store: GraphStore, nodes: list[Node], report: str | None) -> list[Edge]:
    keep = {n.id for n in nodes}
    seen: dict[tuple, Edge] = {}
    for n in nodes:
        for e in store.edges_of(n.id):
            if e.source in keep and e.target in keep and e.key not in seen:
                if report and not any(ev.report == report for ev in e.evidence):
                    continue
                seen[e.key] = e
    return list(seen.values())
