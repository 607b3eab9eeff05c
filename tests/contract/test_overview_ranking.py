"""A report overview ranks the report's entities by their degree among entities (issue 18): Neo4j
reads it as the untyped degree less the relationships the store draws to reports and passages
(neo4j_view_cypher.RANK_DEGREE). The ranking and each brief's degree must be the full read's,
also for the report's author (AUTHORED) and a policy the report cites (CITES).

Not here: an entity related to itself. The full read counts such a loop twice and Neo4j's
degree store (main's typed COUNT as well as this) once; no report of the corpus states one
(0 of 60,569 relations), and counting them would expand every entity's relations."""
from __future__ import annotations

from govgraph.graph.views import overview

from .batches import report_a, report_b


def degree(store, node_id: str) -> int:
    return len(store.edges_of(node_id))


def test_overview_ranks_by_degree_among_entities_as_the_full_read(store):
    (a, va), (b, vb) = report_a(), report_b()
    store.put_batch(a, va)
    store.put_batch(b, vb)
    office = a.report.author_id
    policies = [n.id for n in a.nodes if n.label == "Policy"]
    assert policies and office
    for batch in (a, b):
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
