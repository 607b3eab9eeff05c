"""The sister-city and friendly-exchange network across every report.

PARTNER_OF ties (with `since` where a report states it), each place's LOCATED_IN chain
up to its country, so partners group by country, and on the domestic side the agencies
and places joined to a partner place by PARTNER_OF or VISITED (COOPERATED_WITH is left
out: from a domestic agency it would pull in half the district's offices). With
`events=True`, events held at a partner place and who organised or took part in them.
"""
from __future__ import annotations

from govgraph.ingest.vocabulary import Label, RelType
from govgraph.graph.store.base import GraphStore, NodeBrief, Subgraph

from .foreign_view import ForeignView, foreign_view  # noqa: F401 - the foreign-affairs view's data

# A LOCATED_IN chain longer than venue -> district -> city -> province -> country -> ...
# would be a cycle or an extraction error; stop there.
MAX_CHAIN = 6
DOMESTIC_TYPES = frozenset({RelType.PARTNER_OF, RelType.VISITED})
DOMESTIC_LABELS = frozenset({Label.AGENCY, Label.PLACE})
EVENT_TYPES = frozenset({RelType.ORGANIZED, RelType.PARTICIPATED_IN})


Rel = tuple[str, str, str]  # (type, source, target) as the store keeps it


class _Relations:
    """Relation keys of the nodes visited, asked of the store a level at a time (no evidence)."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.of: dict[str, list[Rel]] = {}

    def fetch(self, ids) -> None:
        missing = sorted({i for i in ids if i not in self.of})
        if missing:
            self.of.update(self.store.relations_of_many(missing))

    def __call__(self, u: str) -> list[Rel]:
        self.fetch([u])
        return self.of[u]


def partner_network(store: GraphStore, events: bool = False, max_evidence: int | None = None) -> Subgraph:
    """The network as a Subgraph of briefs; relations are chosen from their keys and only the
    chosen ones are read with evidence (the first `max_evidence` pieces each, all when None)."""
    chosen: dict[Rel, None] = dict.fromkeys(store.relations_of_type(RelType.PARTNER_OF))
    ids = {x for _, s, t in chosen for x in (s, t)}
    nodes: dict[str, NodeBrief] = {n.id: n for n in store.get_briefs(sorted(ids))}
    partners = set(nodes)
    rel = _Relations(store)

    def add_nodes(new_ids) -> None:
        missing = sorted({i for i in new_ids if i not in nodes})
        for n in store.get_briefs(missing):
            nodes[n.id] = n

    # The domestic side and visitors: whoever is tied to a partner by a partnership-like relation.
    rel.fetch(partners)
    found = [(r, r[2] if r[1] == u else r[1]) for u in sorted(partners) for r in rel(u) if r[0] in DOMESTIC_TYPES]
    add_nodes(other for _, other in found)
    for r, other in found:
        if other in nodes and nodes[other].label in DOMESTIC_LABELS:
            chosen.setdefault(r)

    if events:
        places = [u for u in sorted(partners) if nodes[u].label == Label.PLACE]
        held = [r for u in places for r in rel(u) if r[0] == RelType.HELD_AT and r[2] == u]
        add_nodes(r[1] for r in held)
        rel.fetch(r[1] for r in held)
        for r in held:
            chosen.setdefault(r)
            for r2 in rel(r[1]):
                if r2[0] in EVENT_TYPES and r2[2] == r[1]:
                    add_nodes([r2[1]])
                    chosen.setdefault(r2)

    # Geography last, so the places found above get their countries too.
    frontier = sorted(i for i, n in nodes.items() if n.label == Label.PLACE)
    seen = set(frontier)
    for _ in range(MAX_CHAIN):
        rel.fetch(frontier)
        nxt = []
        for u in frontier:
            for r in rel(u):
                if r[0] == RelType.LOCATED_IN and r[1] == u:
                    chosen.setdefault(r)
                    if r[2] not in seen:
                        seen.add(r[2])
                        nxt.append(r[2])
        add_nodes(nxt)
        frontier = [i for i in nxt if i in nodes]
        if not frontier:
            break

    kept = [r for r in chosen if r[1] in nodes and r[2] in nodes]
    edges = sorted(store.get_edges(kept, max_evidence), key=lambda e: (e.type, e.source, e.target))
    ordered = sorted(nodes.values(), key=lambda n: (n.id not in partners, n.label, n.name, n.id))
    return Subgraph(ordered, edges, False)
