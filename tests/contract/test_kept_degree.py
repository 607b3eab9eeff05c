"""An entity's degree (its relations to other entities) is kept right by every write and removal
(issue 18): Neo4j keeps it on the entity (neo4j_cypher.DEGREE, `n.degree`), set by each relation
created and counted again when one goes; views, the overview's ranking and the answers' hub filter
read it. After single puts, grouped puts, re-puts with fewer relations, a relation of an entity to
itself and removals, every entity's degree as the store shows it equals the count of the relations
its stored reports state (derived from the batches, not typed in); on Neo4j the kept property
itself equals Neo4j's count of the entity's relationships, also for a database written before the
property was kept, whose entities are counted until they are filled."""
from __future__ import annotations

from collections import Counter

from govgraph.graph.store import neo4j_cypher as Q
from govgraph.ingest.batch import SYMMETRIC, GraphBatch

from .batches import report_a, report_b, report_loop


def expected_degrees(stored: list[GraphBatch]) -> Counter:
    """Each entity's relations among the stored reports' distinct relations (a symmetric one in
    either direction is one), a loop from both ends."""
    relations = {(e.type, *sorted((e.source, e.target))) if e.type in SYMMETRIC else (e.type, e.source, e.target)
                 for b in stored for e in b.edges}
    degree: Counter = Counter()
    for _, s, t in relations:
        degree[s] += 1
        degree[t] += 1
    return degree


def check(store, stored: list[GraphBatch]) -> None:
    want = expected_degrees(stored)
    ids = sorted({n.id for b in stored for n in b.nodes})
    assert sorted(n.id for n in store.iter_nodes()) == ids
    assert {b.id: b.degree for b in store.get_briefs(ids)} == {i: want[i] for i in ids}
    _, found = store.find_briefs(limit=len(ids))
    assert [b.degree for b in found] == sorted((want[i] for i in ids), reverse=True)
    if store.kind == "neo4j":
        rows = store._read(f"MATCH (n:Entity) RETURN n.id AS id, n.degree AS kept, {Q.counted_degree('n')} AS counted")
        assert {r["id"]: r["kept"] for r in rows} == {r["id"]: r["counted"] for r in rows} == {i: want[i] for i in ids}


def test_degree_is_kept_through_puts_re_puts_loops_and_removals(store):
    (a, va), (b, vb), (c, vc) = report_a(), report_b(), report_loop()
    store.put_batch(a, va)
    store.put_batch(b, vb)
    check(store, [a, b])
    small, vsmall = report_a(drop_exchange=True)  # three of A's relations go
    store.put_batch(small, vsmall)
    check(store, [small, b])
    store.begin_bulk()  # a grouped write: the loop, and A's relations back
    store.queue_batch(c, vc)
    store.queue_batch(a, va)
    store.flush()
    assert any(e.source == e.target for e in c.edges)
    check(store, [a, b, c])
    assert store.remove_report(b.report.id)
    check(store, [a, c])
    assert store.remove_report(c.report.id)
    check(store, [a])


def test_entities_written_before_the_degree_was_kept_are_counted_and_filled(store):
    (a, va), (b, vb), (c, vc) = report_a(), report_b(), report_loop()
    store.put_batch(a, va)
    store.put_batch(b, vb)
    if store.kind == "neo4j":  # as a database written before the property existed
        store._call(lambda tx: tx.run("MATCH (n:Entity) REMOVE n.degree").consume(), write=True)
    store.put_batch(c, vc)  # new relations of entities without a kept degree, the loop's too
    small, vsmall = report_a(drop_exchange=True)
    store.put_batch(small, vsmall)  # relations removed from them
    stored = [b, c, small]
    want = expected_degrees(stored)
    ids = sorted({n.id for x in stored for n in x.nodes})
    assert {x.id: x.degree for x in store.get_briefs(ids)} == {i: want[i] for i in ids}
    if store.kind == "neo4j":
        missing = store._read("MATCH (n:Entity) WHERE n.degree IS NULL RETURN count(n) AS n")[0]["n"]
        assert missing > 0  # some entities took part in none of the later writes
        assert store.fill_degrees(page=2) == missing
        assert store.fill_degrees() == 0
    check(store, stored)
