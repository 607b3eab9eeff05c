"""What the graph shows after a question, and a hub's neighbours a page at a time.

answer_graph: the answers and the entities named in their evidence passages (the passages the answer
cites and the retrieved ones), with the relations among them, so the canvas shows what the answer
rests on rather than the overview it showed before.
top_neighbours: a node's neighbours ranked by how much evidence ties them to it (the evidence items
of the joining edges, then the neighbour's own), a page at a time: a hub with hundreds of neighbours
shows its 30 best attested first, with "show more", not a starburst.
"""
from __future__ import annotations

from dataclasses import dataclass

from govgraph.graph.store.base import GraphStore, Subgraph

MAX_ANSWER_NODES = 120
PAGE = 30


def answer_graph(store: GraphStore, answer_ids: list[str], passage_ids: list[str],
                 limit: int = MAX_ANSWER_NODES) -> Subgraph:
    """The answers first, then the entities of their evidence passages in passage order."""
    ids: dict[str, None] = dict.fromkeys(answer_ids)
    in_passages = store.nodes_in_passages(passage_ids) if passage_ids else {}
    for p in passage_ids:
        for nid in in_passages.get(p, []):
            ids.setdefault(nid, None)
    ordered = list(ids)
    nodes = store.get_nodes(ordered[:limit])
    return Subgraph(nodes, store.edges_among([n.id for n in nodes]), len(ordered) > limit)


@dataclass
class NeighbourPage:
    graph: Subgraph
    total: int
    offset: int
    limit: int


def top_neighbours(store: GraphStore, node_id: str, offset: int = 0, limit: int = PAGE) -> NeighbourPage | None:
    centre = store.get_node(node_id)
    if centre is None:
        return None
    weight: dict[str, int] = {}
    for e in store.edges_of(node_id):
        other = e.target if e.source == node_id else e.source
        if other != node_id:
            weight[other] = weight.get(other, 0) + max(1, len(e.evidence))
    ranked = sorted(weight, key=lambda i: (-weight[i], i))
    page = ranked[offset:offset + limit]
    nodes = [centre, *store.get_nodes(page)]
    edges = [e for e in store.edges_among([n.id for n in nodes])]
    return NeighbourPage(Subgraph(nodes, edges, offset + limit < len(ranked)), len(ranked), offset, limit)
