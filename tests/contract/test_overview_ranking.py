"""A report overview ranks the report's entities by their degree among entities (issue 18): Neo4j
reads the degree each entity keeps (neo4j_cypher.DEGREE), which leaves out the relationships the
store draws to reports and passages. The ranking and each brief's degree must be the full read's,
also for the report's author (AUTHORED), a policy the report cites (CITES) and an entity related
to itself (a loop counts from both ends, as in the full read; Neo4j's degree store counted it once
before the degree was kept)."""
from __future__ import annotations

from govgraph.graph.views import overview

from .batches import report_a, report_b, report_loop


def degree(store, node_id: str) -> int:
    """Its relations, a loop (listed once by edges_of) from both ends."""
    return sum(2 if e.source == e.target else 1 for e in store.edges_of(node_id))


def test_overview_ranks_by_degree_among_entities_as_the_full_read(store):
    (a, va), (b, vb), (c, vc) = report_a(), report_b(), report_loop()
    store.put_batch(a, va)
    store.put_batch(b, vb)
    store.put_batch(c, vc)
    office = a.report.author_id
    policies = [n.id for n in a.nodes if n.label == "Policy"]
    assert policies and office
    for batch in (a, b, c):
        for limit in (3, 50):
            view = overview(store, report=batch.report.id, limit=limit, max_evidence=1)
            ids = sorted({n.id for n in batch.nodes})
            nodes = {n.id: n for n in store.get_nodes(ids)}
            want = sorted(ids, key=lambda i: (-degree(store, i), nodes[i].name, i))[:limit]
            assert [n.id for n in view.nodes] == want
            assert [n.degree for n in view.nodes] == [degree(store, i) for i in want]
            assert view.truncated == (len(ids) > limit)
    if store.kind == "neo4j":  # the relationships the ranking must leave out are there
        drawn = store._read("MATCH ()-[r:AUTHORED|CITES]->() RETURN type(r) AS t, count(*) AS n ORDER BY t")
        assert [r["t"] for r in drawn] == ["AUTHORED", "CITES"]
