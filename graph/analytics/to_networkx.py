"""A store's entity graph as networkx, built once per store state and shared.

Whole-graph analytics (centrality, communities, paths) need networkx; building it from a
store of ~60k entities takes a second or two, so the graph is cached per store object and
rebuilt only when the store's state changes. The cached graphs are shared: callers must
not mutate them (copy first).
"""
from __future__ import annotations

import json
import threading
import weakref
from typing import Any, Callable, Hashable

import networkx as nx

from govgraph.graph.store.base import GraphStore

_lock = threading.RLock()
_cache: "weakref.WeakKeyDictionary[GraphStore, dict[Hashable, tuple[Hashable, Any]]]" = weakref.WeakKeyDictionary()


def state_key(store: GraphStore) -> Hashable:
    """What identifies the store's current content.

    A store whose `version` changes on every write says it cheapest and exactly; for
    the others (version None) the counts from stats() plus each report's id and sha256 stand in: a report
    re-ingested with other content changes its sha256 even when the counts stay equal.
    """
    version = store.version
    if version is not None:
        return ("version", version)
    stats = json.dumps(store.stats(), sort_keys=True)
    reports = tuple(sorted((r.id, r.sha256) for r in store.reports()))
    return ("stats", stats, reports)


def cached(store: GraphStore, name: Hashable, build: Callable[[], Any], key: Hashable | None = None) -> Any:
    """`build()` for this store and state, computed once until the store changes."""
    key = state_key(store) if key is None else key
    with _lock:
        try:
            per_store = _cache.setdefault(store, {})
        except TypeError:  # a store that cannot be weakly referenced is simply not cached
            return build()
        hit = per_store.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        if hit is not None:
            per_store.clear()  # the store changed: everything derived from it is stale
    value = build()
    with _lock:
        per_store[name] = (key, value)
    return value


def clear_cache(store: GraphStore | None = None) -> None:
    with _lock:
        if store is None:
            _cache.clear()
        else:
            _cache.pop(store, None)


def build_networkx(store: GraphStore) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in store.iter_nodes():
        g.add_node(n.id, label=n.label, name=n.name)
    for e in store.iter_edges():
        # The type is the key: a store keeps at most one edge per (source, type, target).
        g.add_edge(e.source, e.target, key=e.type, type=e.type, evidence=e.evidence, props=e.props)
    return g


def _native(store: GraphStore):
    """A store that keeps its own networkx graph (the embedded one) lends it, in this same
    shape; building a second copy would double the memory for nothing."""
    return store.networkx_graph()


def to_networkx(store: GraphStore, use_cache: bool = True) -> nx.MultiDiGraph:
    """Entities as nodes (attrs label, name) and their relations as edges keyed by type
    (attrs type, evidence: list[Evidence], props). Shared when cached: do not mutate."""
    if not use_cache:
        return build_networkx(store)
    native = _native(store)
    if native is not None:
        return native
    return cached(store, "multidigraph", lambda: build_networkx(store))


def undirected(store: GraphStore, key: Hashable | None = None) -> nx.Graph:
    """The entity graph without direction or parallel edges; `weight` counts the relations
    between the two ends. Shared when cached: do not mutate."""
    key = state_key(store) if key is None else key

    def build() -> nx.Graph:
        u = nx.Graph()
        native = _native(store)
        if native is not None:
            u.add_nodes_from(native.nodes(data=True))
            pairs = native.edges()
        else:
            # A store without its own graph (Neo4j) sends ids, labels, names and related pairs
            # only: no evidence crosses the wire for communities and centrality.
            nodes, rels = store.skeleton()
            u.add_nodes_from((i, {"label": label, "name": name}) for i, label, name in nodes)
            pairs = ((a, b) for a, b, _ in rels)
        return _add_weighted(u, pairs)

    return cached(store, "undirected", build, key)


def _add_weighted(u: nx.Graph, pairs) -> nx.Graph:
    """Each related pair once as an undirected edge, weighted by how many relations join it;
    self-loops left out."""
    for a, b in pairs:
        if a == b:
            continue
        if u.has_edge(a, b):
            u[a][b]["weight"] += 1
        else:
            u.add_edge(a, b, weight=1)
    return u


def to_networkx_keyed(store: GraphStore, key: Hashable) -> nx.MultiDiGraph:
    """to_networkx with a state key already computed (saves a stats() call)."""
    native = _native(store)
    if native is not None:
        return native
    return cached(store, "multidigraph", lambda: build_networkx(store), key)


def report_graph(store: GraphStore, report: str, key: Hashable | None = None) -> nx.Graph:
    """A bounded subgraph for analytics about one report, shaped as undirected(): the report's
    own entities, their neighbours one relation away, and the relations touching the report's
    entities (weighted by how many). Read as keys and briefs (no evidence): its size follows the
    report and its entities' degrees, not the collection. Shared when cached: do not mutate."""
    key = state_key(store) if key is None else key
    found = store.find_report(report)
    if found is None:
        raise ValueError(f"report: no report {report!r} in the store")

    def build() -> nx.Graph:
        _, own = store.find_briefs(report=found.id, limit=10_000_000)
        rels = {r for found_rels in store.relations_of_many([b.id for b in own]).values() for r in found_rels}
        ring = sorted({x for _, s, t in rels for x in (s, t)} - {b.id for b in own})
        u = nx.Graph()
        # In id order: Louvain's result depends on the order nodes were added, and the stores
        # rank a report's entities with different ties.
        briefs = sorted([*own, *store.get_briefs(ring)], key=lambda b: b.id)
        u.add_nodes_from((b.id, {"label": b.label, "name": b.name}) for b in briefs)
        return _add_weighted(u, ((a, b) for _, a, b in sorted(rels)))

    return cached(store, ("report graph", found.id), build, key)


def analysis_graph(store: GraphStore, report: str | None, key: Hashable | None = None) -> nx.Graph:
    """What communities and centrality run on: report_graph(report), or the whole entity graph."""
    return undirected(store, key) if report is None else report_graph(store, report, key)
