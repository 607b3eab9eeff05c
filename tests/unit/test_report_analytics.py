"""Communities and centrality over one report's bounded subgraph (issue 18): the report's own
entities, their neighbours one relation away and the relations touching the report's entities,
read as keys and briefs instead of the whole graph."""
from __future__ import annotations

import pytest

from govgraph.graph.analytics import communities, top_central
from govgraph.graph.analytics.to_networkx import report_graph
from tests.unit.sample_graph import filled_store, second_report


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return filled_store(tmp_path_factory.mktemp("report-analytics"))


def expected(store, report_id):
    """The bounded subgraph drawn from the full reads: nodes and weighted undirected pairs."""
    _, own = store.find_nodes(report=report_id, limit=1000)
    own_ids = {n.id for n in own}
    rels = {(e.type, e.source, e.target) for i in own_ids for e in store.edges_of(i)}
    pairs: dict[frozenset, int] = {}
    for _, s, t in rels:
        if s != t:
            pairs[frozenset((s, t))] = pairs.get(frozenset((s, t)), 0) + 1
    return own_ids | {x for _, s, t in rels for x in (s, t)}, pairs


def test_report_graph_is_the_reports_entities_and_their_neighbours(store):
    rid = second_report().report.id
    nodes, pairs = expected(store, rid)
    g = report_graph(store, rid)
    assert set(g.nodes) == nodes
    assert {frozenset((a, b)): d["weight"] for a, b, d in g.edges(data=True)} == pairs
    whole = {n.id for n in store.iter_nodes()}
    assert nodes < whole                       # bounded: some entities of the other report stay out
    assert all(g.nodes[n]["label"] and g.nodes[n]["name"] for n in g.nodes)
    with pytest.raises(ValueError, match="report"):
        report_graph(store, "no-such-report.txt")


def test_communities_and_centrality_of_one_report(store):
    rid = second_report().report.id
    nodes, pairs = expected(store, rid)
    parts = communities(store, seed=2, report=second_report().report.file)
    members = [m for c in parts for m in c.members]
    assert sorted(members) == sorted(nodes)
    ranked = top_central(store, "degree", top=100, report=rid)
    degree = {n: sum(1 for p in pairs if n in p) for n in nodes}
    assert {r.id: r.degree for r in ranked} == degree
    assert ranked[0].degree == max(degree.values())    # best connected first
