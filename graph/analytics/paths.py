"""How two entities are connected: shortest paths with the evidence for every hop.

Paths ignore direction (a researcher asking how 区发改委 relates to 首尔市 does not care
which way each relation points); each hop lists every relation between its two ends,
in either direction, with the passages that state it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import networkx as nx

from govgraph.ingest.batch import Edge, Node
from govgraph.graph.store.base import GraphStore, NodeBrief
from govgraph.graph.store.merge import edge_id
from .errors import UnknownEntity
from .to_networkx import state_key, to_networkx_keyed, undirected

MAX_PATHS = 50
MAX_LEN = 10


def node_summary(n: Node | NodeBrief) -> dict[str, Any]:
    return {"id": n.id, "label": n.label, "name": n.name, "aliases": list(n.aliases),
            "name_en": n.name_en, "props": dict(n.props)}


def edge_dict(e: Edge) -> dict[str, Any]:
    return {"id": edge_id(e), **e.to_dict()}


@dataclass
class Hop:
    source: str          # the hop as walked: from the path's previous node ...
    target: str          # ... to its next one
    edges: list[Edge] = field(default_factory=list)  # every relation between them, either way


@dataclass
class Path:
    nodes: list[NodeBrief]
    hops: list[Hop]

    @property
    def length(self) -> int:
        return len(self.hops)

    def to_dict(self) -> dict[str, Any]:
        edges = []
        for i, h in enumerate(self.hops):
            for e in h.edges:
                edges.append({**edge_dict(e), "hop": i})
        return {"length": self.length, "nodes": [node_summary(n) for n in self.nodes], "edges": edges}


def _hop_edges(g: nx.MultiDiGraph, a: str, b: str, max_evidence: int | None) -> list[Edge]:
    out = []
    for s, t in ((a, b), (b, a)):
        for type_, attrs in (g.get_edge_data(s, t) or {}).items():
            out.append(Edge(s, t, attrs.get("type", type_), dict(attrs.get("props") or {}),
                            list(attrs.get("evidence") or [])[:max_evidence]))
    out.sort(key=lambda e: (e.type, e.source, e.target))
    return out


def shortest_paths(store: GraphStore, source: str, target: str, n: int = 5, max_len: int = 6,
                   max_evidence: int | None = None) -> list[Path]:
    """Up to `n` simple paths from `source` to `target`, shortest first, none longer than
    `max_len` hops; [] when they are not connected within that length. Nodes come as briefs;
    each relation with its first `max_evidence` pieces of evidence (all when None)."""
    if not isinstance(n, int) or not 1 <= n <= MAX_PATHS:
        raise ValueError(f"n must be an integer from 1 to {MAX_PATHS}, got {n!r}")
    if not isinstance(max_len, int) or not 1 <= max_len <= MAX_LEN:
        raise ValueError(f"max_len must be an integer from 1 to {MAX_LEN}, got {max_len!r}")
    if source == target:
        raise ValueError(f"source and target are the same entity {source!r}")
    own = store.shortest_path_ids(source, target, n, max_len) if store.networkx_graph() is None else None
    if own is not None:
        return _paths_from_store(store, source, target, own, max_evidence)
    key = state_key(store)
    ug = undirected(store, key)
    for param, nid in (("source", source), ("target", target)):
        if nid not in ug:
            raise UnknownEntity(param, nid)
    g = to_networkx_keyed(store, key)

    found: list[list[str]] = []
    try:
        # Yen's algorithm: yields simple paths in order of length, lazily.
        for p in islice(nx.shortest_simple_paths(ug, source, target), n):
            if len(p) - 1 > max_len:
                break
            found.append(p)
    except nx.NetworkXNoPath:
        pass
    if not found:
        return []
    nodes = {x.id: x for x in store.get_briefs(sorted({v for p in found for v in p}))}
    out = []
    for p in found:
        hops = [Hop(a, b, _hop_edges(g, a, b, max_evidence)) for a, b in zip(p, p[1:])]
        out.append(Path([nodes[v] for v in p if v in nodes], hops))
    return out


def _paths_from_store(store: GraphStore, source: str, target: str, found: list[list[str]],
                      max_evidence: int | None) -> list[Path]:
    """Paths the store found itself (Neo4j's SHORTEST): only their nodes (light) and the relations
    between consecutive ones are read."""
    ids = sorted({v for p in found for v in p} | {source, target})
    hops = sorted({(a, b) if a < b else (b, a) for p in found for a, b in zip(p, p[1:])})
    briefs, edges = store.briefs_and_hops(ids, hops, max_evidence)
    nodes = {x.id: x for x in briefs}
    for param, nid in (("source", source), ("target", target)):
        if nid not in nodes:
            raise UnknownEntity(param, nid)
    if not found:
        return []
    between: dict[frozenset, list[Edge]] = {}
    for e in edges:
        between.setdefault(frozenset((e.source, e.target)), []).append(e)
    out = []
    for p in found:
        hops = [Hop(a, b, sorted(between.get(frozenset((a, b)), []), key=lambda e: (e.type, e.source, e.target)))
                for a, b in zip(p, p[1:])]
        out.append(Path([nodes[v] for v in p], hops))
    return out
