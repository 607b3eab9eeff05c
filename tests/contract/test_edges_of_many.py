"""A store's batched neighbour lookup, where it has one, agrees with edges_of node by node."""
from __future__ import annotations


def test_edges_of_many_matches_edges_of(loaded):
    many = getattr(loaded, "edges_of_many", None)
    ids = sorted(n.id for n in loaded.iter_nodes())
    assert ids
    expected = {i: sorted((e.source, e.type, e.target) for e in loaded.edges_of(i)) for i in ids}
    assert any(expected.values())
    if many is None:
        # The embedded store answers edges_of from memory; nothing to batch.
        assert loaded.kind == "embedded"
        return
    got = many(ids)
    assert set(got) == set(ids)
    for i in ids:
        assert sorted((e.source, e.type, e.target) for e in got[i]) == expected[i], i
        assert all(e.evidence for e in got[i])
