"""An entity's neighbourhood: every entity within `depth` relations, with the edges among them.

A query touches only the neighbourhood, so it costs about the same on a store of 60k
entities as on one of 60. It walks the store's own networkx graph when the store lends
one (`networkx_graph()` and `adjacency()`, the embedded store: plain dict lookups), else
`store.relations_of_many` (Neo4j: relation keys of a whole level in one round trip, no full
read of the graph), and then the relations among the kept nodes (`store.edges_among`).
Both walks visit neighbours in the same order, so every store gives the same subgraph.
"""
from __future__ import annotations

from typing import Iterable

from govgraph.ingest.batch import ENTITY_LABELS, REL_TYPES, Edge
from govgraph.graph.store.base import Adjacency, GraphStore, NodeBrief, Subgraph
from .errors import UnknownEntity

MAX_DEPTH = 5
# Neighbour ids are looked up in chunks, so a hub with thousands of relations costs only
# as many lookups as it takes to fill the cap.
LOOKUP_CHUNK = 256

Rel = tuple[str, str, str]   # (type, source, target): sorts the same on every store


class _StoreWalk:
    """Neighbours through the GraphStore interface."""

    def __init__(self, store: GraphStore, types: frozenset[str] | None, max_evidence: int | None):
        self.store, self.types, self.max_evidence = store, types, max_evidence
        self.rels: dict[str, list[Rel]] = {}
        self.kept_edges: dict[Rel, Edge] = {}
        self.nodes: dict[str, NodeBrief] = {}

    def fetch(self, ids: list[str]) -> None:
        missing = [i for i in ids if i not in self.rels]
        if not missing:
            return
        # Keys only: a hub's thousands of relations travel without their evidence, which is read
        # for the kept ones alone (edges_for).
        found = self.store.relations_of_many(missing)
        for i in missing:
            self.rels[i] = sorted({r for r in found.get(i, ()) if self.types is None or r[0] in self.types})

    def labels(self, ids: list[str]) -> dict[str, str]:
        found = self.store.get_briefs(ids)
        self.nodes.update((n.id, n) for n in found)
        return {n.id: n.label for n in found}

    def node_objects(self, ids: list[str]) -> list[NodeBrief]:
        missing = [i for i in ids if i not in self.nodes]
        if missing:
            self.nodes.update((n.id, n) for n in self.store.get_briefs(missing))
        return [self.nodes[i] for i in ids if i in self.nodes]

    def edges_for(self, rels: list[Rel]) -> list[Edge]:
        return [self.kept_edges[r] for r in rels]

    def among(self, ids: list[str], kept) -> set[Rel]:
        """Relations with both ends in `kept`, with their evidence, in one call: the store looks
        them up where the data is instead of listing every relation of a hub among the kept."""
        self.kept_edges = {(e.type, e.source, e.target): e
                           for e in self.store.edges_among(ids, max_evidence=self.max_evidence)
                           if e.source in kept and e.target in kept and (self.types is None or e.type in self.types)}
        return set(self.kept_edges)


class _GraphWalk(_StoreWalk):
    """Neighbours from the store's networkx graph: no Edge or Node built until kept."""

    def __init__(self, store: GraphStore, graph, adjacency: Adjacency, types: frozenset[str] | None,
                 max_evidence: int | None):
        super().__init__(store, types, max_evidence)
        self.g = graph
        # Plain dicts, not networkx's views: the views build an object per neighbour, which
        # made hubs ten times slower.
        self.succ = adjacency.succ
        self.pred = adjacency.pred

    def _pairs(self, u: str, others) -> list[Rel]:
        types, out = self.types, []
        su, pu = self.succ.get(u, {}), self.pred.get(u, {})
        for v in others:
            keyed = su.get(v)
            if keyed:
                out.extend((k, u, v) for k in keyed if types is None or k in types)
            keyed = pu.get(v)
            if keyed and v != u:
                out.extend((k, v, u) for k in keyed if types is None or k in types)
        return out

    def fetch(self, ids: list[str]) -> None:
        for i in ids:
            if i not in self.rels:
                others = dict.fromkeys(self.succ.get(i, ()))
                others.update(dict.fromkeys(self.pred.get(i, ())))
                self.rels[i] = sorted(self._pairs(i, others))

    def among(self, ids: list[str], kept) -> set[Rel]:
        out: set[Rel] = set()
        for u in ids:
            if u in self.rels:
                out.update(r for r in self.rels[u] if r[1] in kept and r[2] in kept)
                continue
            su, pu = self.succ.get(u, {}), self.pred.get(u, {})
            # A hub's neighbours outnumber the kept nodes: ask about those instead.
            others = kept if len(su) + len(pu) > len(kept) else [v for v in (*su, *pu) if v in kept]
            out.update(self._pairs(u, others))
        return out

    def labels(self, ids: list[str]) -> dict[str, str]:
        nodes = self.g.nodes
        return {i: nodes[i].get("label", "") for i in ids if i in nodes}

    def edges_for(self, rels: list[Rel]) -> list[Edge]:
        return [self._edge(r) for r in rels]

    def _edge(self, r: Rel) -> Edge:
        type_, s, t = r
        attrs = self.g.edges[s, t, type_]
        return Edge(s, t, type_, dict(attrs.get("props") or {}), list(attrs.get("evidence") or [])[:self.max_evidence])


def _check_names(param: str, values: Iterable[str] | str | None, allowed: tuple[str, ...]) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    chosen = frozenset(v.strip() for v in values)
    bad = sorted(chosen - set(allowed))
    if bad:
        raise ValueError(f"{param}: unknown {', '.join(map(repr, bad))}; choose from {', '.join(allowed)}")
    return chosen or None


def _walker(store: GraphStore, types: frozenset[str] | None, max_evidence: int | None) -> _StoreWalk:
    graph, adjacency = store.networkx_graph(), store.adjacency()
    if graph is None or adjacency is None:
        return _StoreWalk(store, types, max_evidence)
    return _GraphWalk(store, graph, adjacency, types, max_evidence)


def ego_network(store: GraphStore, node_id: str, depth: int = 1, labels: Iterable[str] | str | None = None,
                types: Iterable[str] | str | None = None, max_nodes: int = 200,
                max_evidence: int | None = None) -> Subgraph:
    """The entities within `depth` hops of `node_id` (either direction) and the relations among them.

    labels: only entities of these labels are kept and walked through (the centre always is).
    types: only relations of these types are followed and returned.
    max_nodes: at most this many nodes, nearer ones first; `truncated` tells when some were left out.
    max_evidence: each relation's first pieces of evidence only (all when None); nodes come as
    briefs (no evidence), so a hub's reports are never read whole.
    """
    if not isinstance(depth, int) or not 0 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be an integer from 0 to {MAX_DEPTH}, got {depth!r}")
    if not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    label_set = _check_names("labels", labels, ENTITY_LABELS)
    type_set = _check_names("types", types, REL_TYPES)
    found = store.get_briefs([node_id])
    if not found:
        raise UnknownEntity("node_id", node_id)
    center = found[0]

    walk = _walker(store, type_set, max_evidence)
    walk.nodes[center.id] = center
    kept: dict[str, None] = {center.id: None}
    truncated = False

    def keepable(ids: list[str]) -> list[str]:
        if label_set is None:
            return ids
        lab = walk.labels(ids)
        return [i for i in ids if lab.get(i) in label_set]

    frontier = [center.id]
    for _ in range(depth):
        walk.fetch(frontier)
        nxt: list[str] = []
        for u in frontier:
            candidates = list(dict.fromkeys(
                t if s == u else s for _, s, t in walk.rels[u] if (t if s == u else s) not in kept))
            i = 0
            while i < len(candidates) and len(kept) < max_nodes:
                # Without a label filter every candidate is kept, so look up only what fits.
                step = LOOKUP_CHUNK if label_set is not None else max_nodes - len(kept)
                for c in keepable(candidates[i:i + step]):
                    if len(kept) >= max_nodes:
                        break
                    kept[c] = None
                    nxt.append(c)
                i += step
            if len(kept) >= max_nodes and keepable([c for c in candidates if c not in kept]):
                truncated = True
                break
        frontier = nxt
        if truncated or not frontier:
            break

    # Edges among the kept nodes, including those between two nodes of the outer ring.
    ids = list(kept)
    rels = sorted(walk.among(ids, kept))
    nodes = walk.node_objects(ids)
    return Subgraph(nodes, walk.edges_for(rels), truncated)
