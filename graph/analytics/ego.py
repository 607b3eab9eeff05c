"""An entity's neighbourhood: every entity within `depth` relations, with the edges among them.

A query touches only the neighbourhood, so it costs about the same on a store of 60k
entities as on one of 60. It walks the store's own networkx graph when the store lends
one (`networkx_graph()` and `adjacency()`, the embedded store: plain dict lookups), else
`store.neighbours_of_many` (Neo4j: each node's first neighbours of a whole level in one round
trip, sorted and cut in the server), and then the relations among the kept nodes
(`store.edges_among`, with the evidence shown) and the kept nodes as briefs (no evidence).
Both walks visit neighbours in the same order, so every store gives the same subgraph.
"""
from __future__ import annotations

from typing import Iterable

from govgraph.ingest.batch import ENTITY_LABELS, REL_TYPES, Edge
from govgraph.graph.store.base import Adjacency, GraphStore, NodeBrief, Subgraph
from .errors import UnknownEntity

MAX_DEPTH = 5

Rel = tuple[str, str, str]   # (type, source, target): sorts the same on every store


class _StoreWalk:
    """Neighbours through the GraphStore interface: `neighbours_of_many` sorts, filters and cuts
    each node's neighbours where the data is (Neo4j: a hub's thousands of relations stay in the
    server), then `edges_among` reads the relations among the kept nodes with the evidence shown."""

    def __init__(self, store: GraphStore, types: frozenset[str] | None, labels: frozenset[str] | None,
                 max_evidence: int | None):
        self.store, self.types, self.labels, self.max_evidence = store, types, labels, max_evidence
        self.found: dict[str, list[str]] = {}
        self.kept_edges: dict[Rel, Edge] = {}
        self.nodes: dict[str, NodeBrief] = {}

    def fetch(self, ids: list[str], limit: int) -> None:
        """Make the first `limit` keepable neighbours of each of `ids` known to neighbours()."""
        missing = [i for i in ids if i not in self.found]
        if missing:
            self.found.update(self.store.neighbours_of_many(missing, self.types, self.labels, limit))

    def neighbours(self, u: str) -> list[str]:
        return self.found.get(u, [])

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
                 labels: frozenset[str] | None, max_evidence: int | None):
        super().__init__(store, types, labels, max_evidence)
        self.g = graph
        # Plain dicts, not networkx's views: the views build an object per neighbour, which
        # made hubs ten times slower.
        self.succ = adjacency.succ
        self.pred = adjacency.pred
        self.rels: dict[str, list[Rel]] = {}

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

    def fetch(self, ids: list[str], limit: int) -> None:
        nodes = self.g.nodes
        for i in ids:
            if i not in self.rels:
                others = dict.fromkeys(self.succ.get(i, ()))
                others.update(dict.fromkeys(self.pred.get(i, ())))
                self.rels[i] = sorted(self._pairs(i, others))
                found = (o for o in dict.fromkeys(t if s == i else s for _, s, t in self.rels[i]) if o != i)
                self.found[i] = [o for o in found if self.labels is None or nodes[o].get("label") in self.labels]

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

    def edges_for(self, rels: list[Rel]) -> list[Edge]:
        return [self._edge(r) for r in rels]

    def _edge(self, r: Rel) -> Edge:
        type_, s, t = r
        attrs = self.g.edges[s, t, type_]
        return Edge(s, t, type_, dict(attrs.get("props") or {}),
                    list(attrs.get("evidence") or [])[:self.max_evidence])


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


def _walker(store: GraphStore, types: frozenset[str] | None, labels: frozenset[str] | None,
            max_evidence: int | None) -> _StoreWalk:
    graph, adjacency = store.networkx_graph(), store.adjacency()
    if graph is None or adjacency is None:
        return _StoreWalk(store, types, labels, max_evidence)
    return _GraphWalk(store, graph, adjacency, types, labels, max_evidence)


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
    if depth == 1:
        one = store.one_hop(node_id, type_set, label_set, max_nodes, max_evidence)
        if one is not None and not one.nodes:
            raise UnknownEntity("node_id", node_id)
        if one is not None:
            return one
    found = store.get_briefs([node_id])
    if not found:
        raise UnknownEntity("node_id", node_id)
    center = found[0]

    walk = _walker(store, type_set, label_set, max_evidence)
    walk.nodes[center.id] = center
    kept: dict[str, None] = {center.id: None}
    truncated = False

    frontier = [center.id]
    for _ in range(depth):
        # The first max_nodes + 1 neighbours of a node are enough: at most max_nodes are kept
        # already, so what is left of them fills the cap and tells whether more were left out.
        walk.fetch(frontier, max_nodes + 1)
        nxt: list[str] = []
        for u in frontier:
            fresh = [c for c in walk.neighbours(u) if c not in kept]
            room = max_nodes - len(kept)
            for c in fresh[:room]:
                kept[c] = None
                nxt.append(c)
            if len(fresh) > room:
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
