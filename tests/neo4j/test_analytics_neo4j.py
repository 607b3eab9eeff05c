"""Analytics and exports through the GraphStore interface give the same answers on the real
Neo4j store as on the embedded one, for the same batches."""
from __future__ import annotations

import io
import json
import statistics
import time
from collections import Counter

import pytest

from govgraph.graph.analytics.errors import UnknownEntity
from govgraph.graph.analytics import communities, ego_network, partner_network, shortest_paths, top_central
from govgraph.graph.export import export
from tests.neo4j.paired import paired_stores
from tests.unit.sample_graph import nid

pytestmark = pytest.mark.neo4j

WAIBAN = nid("Agency", "东城区人民政府外事办公室")
MEGURO = nid("Place", "目黑区")
ZHOU = nid("Person", "周桂芳")
JAPAN = nid("Place", "日本")


@pytest.fixture(scope="module")
def stores(neo4j_uri, tmp_path_factory):
    emb, neo = paired_stores(neo4j_uri, tmp_path_factory.mktemp("emb"))
    yield emb, neo
    neo.close()


def shape(sg):
    return ({n.id for n in sg.nodes}, {(e.key, len(e.evidence)) for e in sg.edges}, sg.truncated)


def test_ego_networks_agree(stores):
    emb, neo = stores
    for centre in (WAIBAN, MEGURO, ZHOU):
        for depth in (1, 2):
            assert shape(ego_network(neo, centre, depth=depth)) == shape(ego_network(emb, centre, depth=depth))
    kw = dict(depth=3, labels=["Place"], max_nodes=5)
    assert shape(ego_network(neo, WAIBAN, **kw)) == shape(ego_network(emb, WAIBAN, **kw))


@pytest.mark.parametrize("kw", [dict(max_evidence=1), dict(), dict(max_nodes=3, max_evidence=2),
                                dict(labels=["Place", "Agency"], max_evidence=1),
                                dict(types=["PARTNER_OF", "LOCATED_IN"], max_nodes=2)])
def test_one_hop_in_one_statement_is_the_walk(stores, kw):
    """Depth 1 on Neo4j is one Cypher statement (Neo4jStore.one_hop): for every entity as the
    centre, the same nodes (as briefs), relations, evidence and truncation as the embedded walk."""
    emb, neo = stores
    full = lambda sg: ([(n.id, n.label, n.name, n.aliases, n.name_en, n.props, n.degree) for n in sg.nodes],
                       [(e.key, e.props, e.evidence) for e in sg.edges], sg.truncated)
    centres = sorted(n.id for n in emb.iter_nodes())
    assert neo.one_hop(centres[0], None, None, 200, 1) is not None
    for centre in centres:
        assert full(ego_network(neo, centre, depth=1, **kw)) == full(ego_network(emb, centre, depth=1, **kw)), centre
    assert any(ego_network(emb, c, depth=1, **kw).truncated for c in centres) == ("max_nodes" in kw)
    with pytest.raises(UnknownEntity):
        ego_network(neo, "agency-0000000000000000", depth=1)


def test_paths_partners_and_centrality_agree(stores):
    emb, neo = stores
    p_emb = [[n.id for n in p.nodes] for p in shortest_paths(emb, ZHOU, JAPAN, n=3)]
    p_neo = shortest_paths(neo, ZHOU, JAPAN, n=3)
    assert sorted(p_emb) == sorted([n.id for n in p.nodes] for p in p_neo)
    for p in p_neo:
        assert all(h.edges and all(e.evidence for e in h.edges) for h in p.hops)
    assert shape(partner_network(neo, events=True)) == shape(partner_network(emb, events=True))
    deg = lambda s: {(r.id, r.degree, round(r.score, 9)) for r in top_central(s, "degree", top=100)}
    assert deg(neo) == deg(emb)
    members = [m for c in communities(neo, seed=1) for m in c.members]
    assert sorted(members) == sorted(n.id for n in emb.iter_nodes())


def test_views_and_report_analytics_agree_as_the_api_reads_them(stores):
    emb, neo = stores
    full = lambda sg: ([(n.id, n.name, n.aliases, n.props) for n in sg.nodes],
                       [(e.key, e.props, e.evidence) for e in sg.edges], sg.truncated)
    for centre in (WAIBAN, MEGURO):
        assert full(ego_network(neo, centre, depth=2, max_evidence=1)) == \
            full(ego_network(emb, centre, depth=2, max_evidence=1))
    assert full(partner_network(neo, events=True, max_evidence=1)) == \
        full(partner_network(emb, events=True, max_evidence=1))
    report = sorted(r.id for r in emb.reports())[0]
    members = lambda s: sorted(sorted(c.members) for c in communities(s, seed=1, report=report))
    assert members(neo) == members(emb)
    deg = lambda s: {(r.id, r.degree) for r in top_central(s, "degree", top=100, report=report)}
    assert deg(neo) == deg(emb)


def test_exports_from_neo4j_match_its_stats_and_the_embedded_export(stores):
    emb, neo = stores
    out = {}
    for name, s in (("emb", emb), ("neo", neo)):
        buf = io.StringIO()
        export(s, "jsonl", buf)
        out[name] = [json.loads(line) for line in buf.getvalue().splitlines()]
    st = neo.stats()
    recs = out["neo"]
    assert dict(Counter(r["label"] for r in recs if r["kind"] == "node")) == st["nodes"]
    assert dict(Counter(r["type"] for r in recs if r["kind"] == "edge")) == st["edges"]

    def identity(rs):
        return sorted((r["kind"], r.get("id") or (r["source"], r["type"], r["target"]),
                       len(r["evidence"])) for r in rs)
    assert identity(out["neo"]) == identity(out["emb"])


def test_ego_latency_on_neo4j(stores):
    """Reported, and bounded loosely: ego queries walk edges_of, one round trip per node."""
    _, neo = stores
    lat = []
    for _ in range(5):
        for centre in (WAIBAN, MEGURO, ZHOU):
            t0 = time.perf_counter()
            ego_network(neo, centre, depth=2, max_nodes=200)
            lat.append((time.perf_counter() - t0) * 1000)
    lat.sort()
    print(f"ego depth 2 on Neo4j (sample graph): p50 {statistics.median(lat):.1f} ms, max {lat[-1]:.1f} ms")
    assert statistics.median(lat) < 2000
