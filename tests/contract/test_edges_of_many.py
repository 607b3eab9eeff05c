"""A store's batched neighbour lookup agrees with edges_of node by node (the embedded store keeps
GraphStore's default, Neo4j answers in one round trip)."""
from __future__ import annotations


def test_edges_of_many_matches_edges_of(loaded):
    ids = sorted(n.id for n in loaded.iter_nodes())
    assert ids
    expected = {i: sorted((e.source, e.type, e.target) for e in loaded.edges_of(i)) for i in ids}
    assert any(expected.values())
    got = loaded.edges_of_many(ids)
    assert set(got) == set(ids)
    for i in ids:
        assert sorted((e.source, e.type, e.target) for e in got[i]) == expected[i], i
        assert all(e.evidence for e in got[i])
