"""Analytics on a real embedded store filled with hand-built report batches."""
from __future__ import annotations

import pytest

from govgraph.graph.analytics import (UnknownEntity, centrality_by_label, clear_cache, communities, ego_network,
                             partner_network, shortest_paths, to_networkx, top_central, undirected)
from govgraph.graph.store.base import GraphStore
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.batch import ENTITY_LABELS, Evidence
from tests.unit.sample_graph import filled_store, nid, seed_like, second_report

MATERIALISED = {"AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES"}
WAIBAN = nid("Agency", "东城区人民政府外事办公室")
FGW = nid("Agency", "东城区发展和改革委员会")
ZHOU = nid("Person", "周桂芳")
MEGURO = nid("Place", "目黑区")
JAPAN = nid("Place", "日本")
KOREA = nid("Place", "韩国")
DONGCHENG = nid("Place", "东城区")
ARCHIVE = nid("Organization", "北京市档案馆")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return filled_store(tmp_path_factory.mktemp("analytics"))


def neighbours(store, node_id):
    return {e.target if e.source == node_id else e.source for e in store.edges_of(node_id)}


def entity_ids(store):
    return {n.id for n in store.iter_nodes()}


def assert_evidence_slices(store, ev: Evidence):
    """Evidence must point at the very characters it quotes."""
    (p,) = store.get_passages([ev.passage])
    assert p.report == ev.report
    assert p.text[ev.start - p.start: ev.end - p.start] == ev.text


# -- to_networkx -----------------------------------------------------------------------------

def test_networkx_graph_holds_every_entity_and_relation(store):
    g = to_networkx(store)
    stats = store.stats()
    assert g.number_of_nodes() == sum(v for k, v in stats["nodes"].items() if k in ENTITY_LABELS)
    assert g.number_of_edges() == sum(v for k, v in stats["edges"].items() if k not in MATERIALISED)
    for n, d in g.nodes(data=True):
        assert d["label"] in ENTITY_LABELS and d["name"]
    for s, t, k, d in g.edges(keys=True, data=True):
        assert d["type"] == k
        assert d["evidence"] and all(isinstance(e, Evidence) for e in d["evidence"])


def test_networkx_graph_is_cached_until_the_store_changes(tmp_path):
    s = EmbeddedStore(tmp_path / "st")
    s.put_batch(seed_like())
    s.flush()
    g1 = to_networkx(s)
    u1 = undirected(s)
    assert to_networkx(s) is g1 and undirected(s) is u1
    assert ARCHIVE not in g1 and ARCHIVE not in u1
    s.put_batch(second_report())
    s.flush()
    g2, u2 = to_networkx(s), undirected(s)
    assert u2 is not u1
    assert ARCHIVE in g2 and ARCHIVE in u2
    fresh = to_networkx(s, use_cache=False)
    assert fresh is not g2 and set(fresh.edges(keys=True)) == set(g2.edges(keys=True))


# -- centrality ------------------------------------------------------------------------------

def test_degree_centrality_ranks_by_distinct_neighbours(store):
    ranked = top_central(store, "degree", top=50)
    ids = entity_ids(store)
    assert {r.id for r in ranked} == ids
    n = len(ids)
    for r in ranked:
        assert r.degree == len(neighbours(store, r.id) - {r.id})
        assert r.score == pytest.approx(r.degree / (n - 1))
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    assert ranked[0].degree == max(len(neighbours(store, i)) for i in ids)


def test_centrality_by_label_keeps_to_the_label(store):
    places = top_central(store, "degree", label="Place", top=3)
    assert len(places) == 3 and all(r.label == "Place" for r in places)
    by_label = centrality_by_label(store, "betweenness", top=2)
    assert set(by_label) == {n.label for n in store.iter_nodes()}
    for label, rows in by_label.items():
        assert 1 <= len(rows) <= 2 and all(r.label == label for r in rows)


def test_betweenness_is_zero_for_leaves_and_positive_for_bridges(store):
    scores = {r.id: r.score for r in top_central(store, "betweenness", top=100)}
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores[ZHOU] == 0.0          # one neighbour: on no shortest path between others
    assert scores[ARCHIVE] == 0.0       # isolated
    assert scores[MEGURO] > 0.0         # joins Japan to the district and the office
    sampled = top_central(store, "betweenness", top=100, sample=5, seed=1)
    assert [r.id for r in sampled] == [r.id for r in top_central(store, "betweenness", top=100, sample=5, seed=1)]


@pytest.mark.parametrize("kwargs, word", [
    ({"measure": "pagerank"}, "pagerank"), ({"label": "Planet"}, "Planet"), ({"top": 0}, "top"),
])
def test_centrality_rejects_bad_parameters(store, kwargs, word):
    with pytest.raises(ValueError, match=word):
        top_central(store, **kwargs)


# -- communities -----------------------------------------------------------------------------

def test_communities_partition_every_entity(store):
    parts = communities(store, seed=3)
    members = [m for c in parts for m in c.members]
    assert len(members) == len(set(members))
    assert set(members) == entity_ids(store)
    assert [c.size for c in parts] == sorted((c.size for c in parts), reverse=True)
    assert [c.index for c in parts] == list(range(len(parts)))
    for c in parts:
        assert c.size == len(c.members) == sum(c.labels.values())
    (alone,) = [c for c in parts if ARCHIVE in c.members]
    assert alone.members == [ARCHIVE]
    # Joining its only neighbour always raises modularity, so Louvain never leaves a leaf apart.
    where = {m: c.index for c in parts for m in c.members}
    leaves = [i for i in entity_ids(store) if len(neighbours(store, i) - {i}) == 1]
    assert ZHOU in leaves and JAPAN in leaves
    for leaf in leaves:
        (other,) = neighbours(store, leaf) - {leaf}
        assert where[leaf] == where[other]


def test_communities_are_reproducible_with_a_seed(store):
    first = [c.members for c in communities(store, seed=7)]
    clear_cache(store)
    assert [c.members for c in communities(store, seed=7)] == first
    assert all(c.size >= 2 for c in communities(store, seed=7, min_size=2))
    with pytest.raises(ValueError, match="resolution"):
        communities(store, resolution=0)


# -- paths -----------------------------------------------------------------------------------

def test_paths_carry_evidence_on_every_hop(store):
    paths = shortest_paths(store, ZHOU, JAPAN, n=4, max_len=6)
    assert paths
    assert [p.length for p in paths] == sorted(p.length for p in paths)
    assert len({tuple(n.id for n in p.nodes) for p in paths}) == len(paths)
    for p in paths:
        assert p.nodes[0].id == ZHOU and p.nodes[-1].id == JAPAN
        assert len(p.nodes) == p.length + 1 and len(set(n.id for n in p.nodes)) == len(p.nodes)
        for hop, (a, b) in zip(p.hops, zip(p.nodes, p.nodes[1:])):
            assert (hop.source, hop.target) == (a.id, b.id)
            assert hop.edges
            for e in hop.edges:
                assert {e.source, e.target} == {a.id, b.id}
                assert e.evidence
                for ev in e.evidence:
                    assert_evidence_slices(store, ev)
    shortest = paths[0]
    assert shortest.length == 4   # 周桂芳 -HEADS- 外办 -VISITED- 目黑区 -LOCATED_IN- 东京都 -LOCATED_IN- 日本
    d = shortest.to_dict()
    assert [n["id"] for n in d["nodes"]] == [n.id for n in shortest.nodes]
    assert {e["hop"] for e in d["edges"]} == set(range(shortest.length))
    assert all(e["evidence"] and e["id"] for e in d["edges"])


def test_paths_respect_max_len_and_count(store):
    assert shortest_paths(store, ZHOU, JAPAN, max_len=3) == []
    assert len(shortest_paths(store, ZHOU, JAPAN, n=1)) == 1
    assert shortest_paths(store, ZHOU, ARCHIVE) == []   # not connected at all
    # Several relations between the same two entities all show on the hop.
    (p,) = shortest_paths(store, WAIBAN, FGW, n=1)
    assert {e.type for e in p.hops[0].edges} == {"COOPERATED_WITH"}
    assert len(p.hops[0].edges[0].evidence) == 2     # one sentence in each report


def test_paths_name_the_bad_parameter(store):
    with pytest.raises(UnknownEntity, match="target"):
        shortest_paths(store, ZHOU, "place-nope")
    with pytest.raises(ValueError, match="max_len"):
        shortest_paths(store, ZHOU, JAPAN, max_len=0)
    with pytest.raises(ValueError, match="same"):
        shortest_paths(store, ZHOU, ZHOU)


# -- ego networks ----------------------------------------------------------------------------

def test_ego_depth_one_is_the_neighbourhood_with_its_edges(store):
    sg = ego_network(store, MEGURO, depth=1)
    ids = {n.id for n in sg.nodes}
    assert ids == neighbours(store, MEGURO) | {MEGURO}
    assert sg.nodes[0].id == MEGURO and not sg.truncated
    for e in sg.edges:
        assert e.source in ids and e.target in ids and e.evidence
    # Induced edges: 外办 organised the exhibition held in Meguro, both one hop from Meguro.
    drawings = nid("Event", "儿童画互展")
    assert any({e.source, e.target} == {WAIBAN, drawings} for e in sg.edges)
    expected = {e.key for i in ids for e in store.edges_of(i) if e.source in ids and e.target in ids}
    assert {e.key for e in sg.edges} == expected


def test_ego_depth_grows_and_zero_is_the_centre(store):
    assert [n.id for n in ego_network(store, MEGURO, depth=0).nodes] == [MEGURO]
    d1 = {n.id for n in ego_network(store, MEGURO, depth=1).nodes}
    d2 = {n.id for n in ego_network(store, MEGURO, depth=2).nodes}
    two_hops = set().union(*(neighbours(store, x) for x in d1)) | d1
    assert d1 < d2 == two_hops


def test_ego_label_and_type_filters(store):
    sg = ego_network(store, WAIBAN, depth=3, labels=["Place"])
    assert all(n.label == "Place" for n in sg.nodes[1:])
    # Walked through places only: 外办 -> 目黑区 -> 东城区/东京都 -> 钟路区/北京市/酒店/日本;
    # 首尔市 and 韩国 lie four and five place-hops away.
    assert {n.name for n in sg.nodes[1:]} == {"目黑区", "东京都", "日本", "东城区", "钟路区",
                                              "北京市", "王府半岛酒店"}
    assert {n.name for n in ego_network(store, WAIBAN, depth=5, labels="Place").nodes[1:]} >= {"首尔市", "韩国"}
    # Without the filter, the festival (an Event) is one hop away.
    assert nid("Event", "首尔友谊节") in {n.id for n in ego_network(store, WAIBAN, depth=1).nodes}
    only = ego_network(store, MEGURO, depth=5, types="LOCATED_IN")
    assert {n.name for n in only.nodes} == {"目黑区", "东京都", "日本"}
    assert {e.type for e in only.edges} == {"LOCATED_IN"}
    with pytest.raises(ValueError, match="labels"):
        ego_network(store, MEGURO, labels=["Planet"])
    with pytest.raises(ValueError, match="depth"):
        ego_network(store, MEGURO, depth=-1)
    with pytest.raises(UnknownEntity, match="node_id"):
        ego_network(store, "agency-missing")


def test_ego_node_cap_truncates_nearest_first(store):
    full = ego_network(store, WAIBAN, depth=2)
    capped = ego_network(store, WAIBAN, depth=2, max_nodes=4)
    assert len(capped.nodes) == 4 and capped.truncated and not full.truncated
    assert {n.id for n in capped.nodes} <= neighbours(store, WAIBAN) | {WAIBAN}
    ids = {n.id for n in capped.nodes}
    assert all(e.source in ids and e.target in ids for e in capped.edges)
    exact = ego_network(store, WAIBAN, depth=2, max_nodes=len(full.nodes))
    assert len(exact.nodes) == len(full.nodes) and not exact.truncated


# -- partner network -------------------------------------------------------------------------

def test_partner_network_reaches_countries_and_the_domestic_side(store):
    sg = partner_network(store)
    by_id = {n.id: n for n in sg.nodes}
    partner_edges = [e for e in sg.edges if e.type == "PARTNER_OF"]
    assert {e.key for e in partner_edges} == {e.key for e in store.iter_edges() if e.type == "PARTNER_OF"}
    assert any(e.props.get("since") == 1991 for e in partner_edges)
    for e in sg.edges:
        assert e.source in by_id and e.target in by_id and e.evidence
    # Every place has its LOCATED_IN chain up to a country.
    up = {e.source: e.target for e in sg.edges if e.type == "LOCATED_IN"}
    for n in sg.nodes:
        if n.label == "Place":
            x, hops = n.id, 0
            while x in up and hops < 10:
                x, hops = up[x], hops + 1
            assert by_id[x].props.get("kind") in ("country", "city"), n.name
    assert {JAPAN, KOREA} <= set(by_id)
    assert WAIBAN in by_id                  # visited Meguro
    assert nid("Event", "儿童画互展") not in by_id
    with_events = partner_network(store, events=True)
    assert nid("Event", "儿童画互展") in {n.id for n in with_events.nodes}


class InterfaceOnly:
    """The same real store, with GraphStore's default answers where the embedded store has faster
    ones: no graph of its own lent, no version, edges_of_many answered node by node through
    edges_of; ego then walks as it does on Neo4j."""

    version = None

    def __init__(self, store):
        self._store = store

    def networkx_graph(self):
        return GraphStore.networkx_graph(self)

    def adjacency(self):
        return GraphStore.adjacency(self)

    def edges_of_many(self, node_ids):
        return GraphStore.edges_of_many(self, node_ids)

    def __getattr__(self, name):
        return getattr(self._store, name)


@pytest.mark.parametrize("kwargs", [
    {"depth": 1}, {"depth": 2}, {"depth": 3, "max_nodes": 6}, {"depth": 4, "labels": "Place,Agency"},
    {"depth": 2, "types": ["LOCATED_IN", "PARTNER_OF"]}, {"depth": 2, "max_nodes": 2},
])
def test_ego_walks_agree_with_and_without_the_stores_graph(store, kwargs):
    plain = InterfaceOnly(store)
    for centre in (WAIBAN, MEGURO, ZHOU, DONGCHENG, ARCHIVE):
        a, b = ego_network(store, centre, **kwargs), ego_network(plain, centre, **kwargs)
        assert [n.id for n in a.nodes] == [n.id for n in b.nodes]
        assert [(e.key, e.props, e.evidence) for e in a.edges] == [(e.key, e.props, e.evidence) for e in b.edges]
        assert a.truncated == b.truncated
