"""An entity's neighbourhood: every entity within `depth` relations, with the edges among them.

Walked breadth-first through `store.edges_of`, not networkx: a query touches only the
neighbourhood, so it costs the same on a store of 60k entities as on one of 60, and on
Neo4j it needs no full read of the graph. A store may offer `edges_of_many(ids) ->
{id: [Edge]}` to answer a whole level at once (one round trip instead of one per node).
"""
from __future__ import annotations

from typing import Iterable

from ingest.batch import ENTITY_LABELS, REL_TYPES, Edge, Node
from graph.store.base import GraphStore, Subgraph
from .errors import UnknownEntity

MAX_DEPTH = 5
# Neighbour ids are looked up in chunks, so a hub with thousands of relations costs only
# as many lookups as it takes to fill the cap.
LOOKUP_CHUNK = 256


def _check_names(param: str, values: Iterable[str] | None, allowed: tuple[str, ...]) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    chosen = frozenset(v.strip() for v in values)
    bad = sorted(chosen - set(allowed))
    if bad:
        raise ValueError(f"{param}: unknown {', '.join(map(repr, bad))}; choose from {', '.join(allowed)}")
    return chosen or None


def ego_network(store: GraphStore, node_id: str, depth: int = 1, labels: Iterable[str] | str | None = None,
                types: Iterable[str] | str | None = None, max_nodes: int = 200) -> Subgraph:
    """The entities within `depth` hops of `node_id` (either direction) and the relations among them.

    labels: only entities of these labels are kept and walked through (the centre always is).
    types: only relations of these types are followed and returned.
    max_nodes: at most this many nodes, nearer ones first; `truncated` tells when some were left out.
    """
    if not isinstance(depth, int) or not 0 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be an integer from 0 to {MAX_DEPTH}, got {depth!r}")
    if not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive integer, got {max_nodes!r}")
    label_set = _check_names("labels", labels, ENTITY_LABELS)
    type_set = _check_names("types", types, REL_TYPES)
    center = store.get_node(node_id)
    if center is None:
        raise UnknownEntity("node_id", node_id)

    nodes: dict[str, Node] = {center.id: center}
    edges: dict[tuple, Edge] = {}
    incident: dict[str, list[Edge]] = {}
    truncated = False

    def fetch(ids: list[str]) -> None:
        """Relations of every id not fetched yet, sorted so that which neighbours make the
        cap does not hang on the order a backend returns them in."""
        missing = [i for i in ids if i not in incident]
        if not missing:
            return
        many = getattr(store, "edges_of_many", None)   # one round trip per level where offered
        found = many(missing) if callable(many) else {i: store.edges_of(i) for i in missing}
        for i in missing:
            incident[i] = sorted((e for e in found.get(i, ()) if type_set is None or e.type in type_set),
                                 key=lambda e: (e.type, e.source, e.target))

    frontier = [center.id]
    for _ in range(depth):
        fetch(frontier)
        nxt: list[str] = []
        for u in frontier:
            candidates: dict[str, None] = {}
            for e in incident[u]:
                other = e.target if e.source == u else e.source
                if other not in nodes:
                    candidates[other] = None
            ids = list(candidates)
            i = 0
            while i < len(ids) and len(nodes) < max_nodes:
                # Without a label filter every candidate is kept, so look up only what fits.
                step = LOOKUP_CHUNK if label_set is not None else max_nodes - len(nodes)
                chunk, i = ids[i:i + step], i + step
                for n in store.get_nodes(chunk):
                    if label_set is not None and n.label not in label_set:
                        continue
                    if n.id in nodes:
                        continue
                    if len(nodes) >= max_nodes:
                        truncated = True
                        break
                    nodes[n.id] = n
                    nxt.append(n.id)
            if len(nodes) >= max_nodes and _has_more(ids, nodes, label_set, store):
                truncated = True
            if truncated:
                break
        frontier = nxt
        if truncated or not frontier:
            break

    # Edges among the kept nodes, including those between two nodes of the outer ring.
    fetch(list(nodes))
    for u in nodes:
        for e in incident[u]:
            if e.source in nodes and e.target in nodes:
                edges.setdefault(e.key, e)
    return Subgraph(list(nodes.values()), sorted(edges.values(), key=lambda e: (e.type, e.source, e.target)),
                    truncated)


def _has_more(ids: list[str], nodes: dict[str, Node], label_set: frozenset[str] | None,
              store: GraphStore) -> bool:
    """Whether a neighbour list still holds a keepable node the cap left out."""
    rest = [i for i in ids if i not in nodes]
    if not rest:
        return False
    if label_set is None:
        return True
    for i in range(0, len(rest), LOOKUP_CHUNK):
        if any(n.label in label_set for n in store.get_nodes(rest[i:i + LOOKUP_CHUNK])):
            return True
    return False
