"""The views Neo4j answers in one statement (issue 18): a report overview (`report_overview`) and
a path's nodes and hops (`briefs_and_hops`, with the SHORTEST fallback run alongside
allShortestPaths) give what the embedded store gives, and what Neo4j's own step-by-step reads give."""
from __future__ import annotations

import pytest

from govgraph.graph.analytics import shortest_paths
from govgraph.graph.store.base import GraphStore
from govgraph.graph.store.neo4j_store import Neo4jStore
from govgraph.graph.views import overview
from tests.neo4j.synthetic import synthetic_batch
from tests.neo4j.paired import paired_stores
from tests.unit.sample_graph import nid

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def stores(neo4j_uri, tmp_path_factory):
    emb, neo = paired_stores(neo4j_uri, tmp_path_factory.mktemp("emb"))
    yield emb, neo
    neo.close()


def full(sg):
    return ([(n.id, n.label, n.name, n.aliases, n.name_en, n.props, n.degree) for n in sg.nodes],
            [(e.key, e.props, e.evidence) for e in sg.edges], sg.truncated)


def across_stores(sg):
    """The stores list an overview's relations in different orders (Neo4j by type, source,
    target; the embedded store by its own), so across stores they are compared as a set."""
    nodes, edges, truncated = full(sg)
    return nodes, sorted(edges, key=lambda e: e[0]), truncated


def step_by_step(neo: Neo4jStore, **kw):
    """The overview as the store's separate reads give it (report_overview declined)."""
    neo.report_overview = lambda *a, **k: None
    try:
        return overview(neo, **kw)
    finally:
        del neo.report_overview


@pytest.mark.parametrize("kw", [{}, {"limit": 3}, {"labels": ["Place", "Event"]}, {"year": 2021},
                                {"role": "achievement", "limit": 4}, {"max_evidence": 0}])
def test_report_overview_in_one_statement_is_the_overview(stores, kw):
    emb, neo = stores
    kw = {"max_evidence": 1, **kw}
    for r in emb.reports():
        for ref in (r.id, r.file):
            one = overview(neo, report=ref, **kw)
            assert one.nodes, (ref, kw)
            assert full(one) == full(step_by_step(neo, report=ref, **kw))
            assert across_stores(one) == across_stores(overview(emb, report=ref, **kw))
    assert full(overview(neo, report="no-such-report.txt", **kw)) == ([], [], False)


def test_overview_without_report_or_evidence_cap_reads_step_by_step(stores):
    emb, neo = stores
    for kw in ({"max_evidence": 1}, {"report": sorted(r.id for r in emb.reports())[0]}):
        assert across_stores(overview(neo, **kw)) == across_stores(overview(emb, **kw))


def test_path_views_agree_with_evidence_on_every_hop(stores):
    emb, neo = stores
    zhou, japan = nid("Person", "周桂芳"), nid("Place", "日本")
    for k in (0, 1, None):
        got = [p.to_dict() for p in shortest_paths(neo, zhou, japan, n=3, max_evidence=k)]
        assert got and all(p["edges"] for p in got)
        assert sorted(got, key=str) == sorted((p.to_dict() for p in shortest_paths(emb, zhou, japan, n=3,
                                                                                  max_evidence=k)), key=str)


def test_briefs_and_hops_in_one_statement_are_the_separate_reads(neo4j_uri):
    batch, _ = synthetic_batch(n_passages=40, n_nodes=60, n_edges=90, seed=5, file="hops-graph.txt")
    neo = Neo4jStore(neo4j_uri)
    try:
        neo.clear()
        neo.put_batch(batch)
        ids = sorted({e.source for e in batch.edges} | {e.target for e in batch.edges})
        hops = sorted({(e.source, e.target) if e.source < e.target else (e.target, e.source) for e in batch.edges})[:25]
        hops.append((ids[0], ids[0] + "-unknown"))   # a hop to an unknown entity has no relations
        for k in (0, 2, None):
            briefs, edges = neo.briefs_and_hops(ids[:30] + ["agency-0000000000000000"], hops, k)
            want_briefs, want_edges = GraphStore.briefs_and_hops(neo, ids[:30] + ["agency-0000000000000000"], hops, k)
            assert [b.id for b in briefs] == ids[:30]
            assert briefs == want_briefs
            assert edges and sorted(edges, key=lambda e: e.key) == sorted(want_edges, key=lambda e: e.key)
    finally:
        neo.clear()
        neo.close()
