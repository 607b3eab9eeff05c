"""answer_context (what ask reads about its passages) gives, in every store, what the general
methods compose: the entities in the passages, their relations there and the other ends, with
evidence cut to the passages, and how widely each entity is named. Neo4j answers in one Cypher,
so this checks that query against the composition on the same data."""
from __future__ import annotations

from govgraph.graph.store.base import GraphStore

from . import expect


def _some_passages(batches) -> list[str]:
    a, b = (batch for batch, _ in batches)
    # both reports, out of reading order, and a passage the store never held
    return [p.id for p in b.passages[::2]] + [p.id for p in a.passages[1::2]] + ["no-such-passage"]


def test_answer_context_matches_the_general_methods(loaded, batches):
    pids = _some_passages(batches)
    got = loaded.answer_context(pids, max_degree=None)
    want = GraphStore.answer_context(loaded, pids, max_degree=None)
    assert got.in_passages == want.in_passages
    assert list(got.in_passages) == pids
    assert got.nodes == want.nodes and got.spread == want.spread
    assert got.edges == want.edges
    assert got.edges and got.nodes


def test_answer_context_keeps_only_the_passages_evidence(loaded, batches):
    pids = _some_passages(batches)
    ctx = loaded.answer_context(pids)
    truth = expect.mentions([b for b, _ in batches])
    assert {p: set(v) for p, v in ctx.in_passages.items()} == {p: truth.get(p, set()) for p in pids}
    full = {n.id: n for n in loaded.get_nodes(list(ctx.nodes))}
    for nid, n in ctx.nodes.items():
        assert {e.passage for e in n.evidence} <= set(pids)
        assert set(n.evidence) == {e for e in full[nid].evidence if e.passage in pids}
        assert (n.name, n.aliases, n.name_en, n.label) == (full[nid].name, full[nid].aliases, full[nid].name_en,
                                                           full[nid].label)
        assert ctx.spread[nid] == len({e.passage for e in full[nid].evidence})
    for nid, edges in ctx.edges.items():
        for e in edges:
            assert nid in (e.source, e.target) and e.evidence
            assert all(ev.passage in pids for ev in e.evidence)
            assert e.source in ctx.nodes and e.target in ctx.nodes


def test_answer_context_leaves_out_hubs(loaded, batches):
    pids = _some_passages(batches)
    full = loaded.answer_context(pids)
    degree = {i: len(loaded.edges_of(i)) for i in full.edges}
    cap = min(degree.values())
    capped = loaded.answer_context(pids, max_degree=cap)
    assert set(capped.edges) == {i for i, d in degree.items() if d <= cap}
    assert set(capped.edges) < set(full.edges) or len(set(degree.values())) == 1


def test_answer_context_names_entities_from_reports_outside_the_passages(loaded, batches):
    """Passages of one report only: the entities both reports name take their names and aliases
    from the other report's MENTIONS too, and their evidence from the passages' report alone."""
    a, b = (batch for batch, _ in batches)
    pids = [p.id for p in b.passages]
    got = loaded.answer_context(pids, max_degree=None)
    want = GraphStore.answer_context(loaded, pids, max_degree=None)
    shared = {n.id for n in a.nodes} & {n.id for n in b.nodes}
    assert shared and shared <= set(got.nodes)
    assert got.nodes == want.nodes and got.spread == want.spread and got.edges == want.edges
    assert all(e.report == b.report.id for nid in shared for e in got.nodes[nid].evidence)
