"""Subgraphs the UI asks for: an overview filtered by report/year/label, or the ties among given ids."""
from __future__ import annotations

from govgraph.ingest.batch import Edge, Node
from .store.base import GraphStore, Subgraph


def overview(store: GraphStore, report: str | None = None, year: int | None = None,
             labels: list[str] | None = None, role: str | None = None, limit: int = 300) -> Subgraph:
    """The best-connected entities matching the filters, and the edges among them."""
    if report:
        r = store.find_report(report)
        report = r.id if r else report
    total, nodes = store.find_nodes(labels or None, report, year, limit=limit, role=role)
    return Subgraph(nodes, _edges_among(store, nodes, report), total > limit)


def among(store: GraphStore, ids: list[str], limit: int = 300) -> Subgraph:
    nodes = store.get_nodes(ids[:limit])
    return Subgraph(nodes, _edges_among(store, nodes, None), len(ids) > limit)


def _edges_among(store: GraphStore, nodes: list[Node], report: str | None) -> list[Edge]:
    return store.edges_among([n.id for n in nodes], report)
