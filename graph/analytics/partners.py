"""The sister-city and friendly-exchange network across every report.

PARTNER_OF ties (with `since` where a report states it), each place's LOCATED_IN chain
up to its country, so partners group by country, and on the domestic side the agencies
and places joined to a partner place by PARTNER_OF or VISITED (COOPERATED_WITH is left
out: from a domestic agency it would pull in half the district's offices). With
`events=True`, events held at a partner place and who organised or took part in them.
"""
from __future__ import annotations

from govgraph.ingest.batch import Edge, Node
from govgraph.ingest.vocabulary import Label, RelType
from govgraph.graph.store.base import GraphStore, Subgraph

from .foreign_view import ForeignView, foreign_view  # noqa: F401 - the foreign-affairs view's data

# A LOCATED_IN chain longer than venue -> district -> city -> province -> country -> ...
# would be a cycle or an extraction error; stop there.
MAX_CHAIN = 6
DOMESTIC_TYPES = frozenset({RelType.PARTNER_OF, RelType.VISITED})
DOMESTIC_LABELS = frozenset({Label.AGENCY, Label.PLACE})
EVENT_TYPES = frozenset({RelType.ORGANIZED, RelType.PARTICIPATED_IN})


def partner_network(store: GraphStore, events: bool = False) -> Subgraph:
    edges: dict[tuple, Edge] = {}
    for e in store.iter_edges():
        if e.type == "PARTNER_OF":
            edges[e.key] = e
    ids = {x for e in edges.values() for x in (e.source, e.target)}
    nodes: dict[str, Node] = {n.id: n for n in store.get_nodes(sorted(ids))}
    partners = set(nodes)

    incident: dict[str, list[Edge]] = {}

    def rel(u: str) -> list[Edge]:
        if u not in incident:
            incident[u] = store.edges_of(u)
        return incident[u]

    def add_nodes(new_ids) -> None:
        missing = sorted(i for i in new_ids if i not in nodes)
        for n in store.get_nodes(missing):
            nodes[n.id] = n

    # The domestic side and visitors: whoever is tied to a partner by a partnership-like relation.
    for u in sorted(partners):
        for e in rel(u):
            if e.type in DOMESTIC_TYPES:
                other = e.target if e.source == u else e.source
                add_nodes([other])
                if other in nodes and nodes[other].label in DOMESTIC_LABELS:
                    edges.setdefault(e.key, e)

    if events:
        for u in sorted(partners):
            if nodes[u].label != "Place":
                continue
            for e in rel(u):
                if e.type == "HELD_AT" and e.target == u:
                    add_nodes([e.source])
                    edges.setdefault(e.key, e)
                    for e2 in rel(e.source):
                        if e2.type in EVENT_TYPES and e2.target == e.source:
                            add_nodes([e2.source])
                            edges.setdefault(e2.key, e2)

    # Geography last, so the places found above get their countries too.
    frontier = sorted(i for i, n in nodes.items() if n.label == "Place")
    seen = set(frontier)
    for _ in range(MAX_CHAIN):
        nxt = []
        for u in frontier:
            for e in rel(u):
                if e.type == "LOCATED_IN" and e.source == u:
                    edges.setdefault(e.key, e)
                    if e.target not in seen:
                        seen.add(e.target)
                        nxt.append(e.target)
        add_nodes(nxt)
        frontier = [i for i in nxt if i in nodes]
        if not frontier:
            break

    kept = [e for e in edges.values() if e.source in nodes and e.target in nodes]
    kept.sort(key=lambda e: (e.type, e.source, e.target))
    ordered = sorted(nodes.values(), key=lambda n: (n.id not in partners, n.label, n.name, n.id))
    return Subgraph(ordered, kept, False)
