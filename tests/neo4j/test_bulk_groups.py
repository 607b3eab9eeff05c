"""Several reports per transaction in a Neo4j bulk (neo4j_bulk, issue 18), on a real server: a
grouped write equals one report per transaction, item for item; a group with one bad report
fails only that report; a report is reported done only once its group committed."""
from __future__ import annotations

import pytest

from govgraph.graph.export import collect
from govgraph.graph.store.base import StoreError, Vectors
from govgraph.graph.store.neo4j_bulk import GROUP_REPORTS
from govgraph.graph.store.neo4j_store import Neo4jStore
from govgraph.ingest.batch import Passage
from tests.contract.conftest import open_neo4j
from tests.neo4j.synthetic import synthetic_batch

pytestmark = pytest.mark.neo4j


def reports(n: int, first: int = 0) -> list:
    """Small reports whose entities overlap (names drawn from one pool), as hubs do across reports."""
    return [synthetic_batch(n_passages=12, n_nodes=25, n_edges=30, seed=i, file=f"group-{i}.txt")
            for i in range(first, first + n)]


def graph(store: Neo4jStore) -> tuple:
    """Everything a reader gets: counts, every node and edge with evidence, and what views show."""
    rec = collect(store)
    ids = sorted(n.id for n in store.iter_nodes())
    return store.stats(), rec.nodes, rec.edges, store.get_briefs(ids)


@pytest.fixture
def neo(neo4j_uri):
    store = open_neo4j(neo4j_uri)
    yield store
    store.close()


def test_a_grouped_bulk_equals_one_report_per_transaction(neo):
    items = reports(GROUP_REPORTS + 3)
    for batch, vectors in items:
        neo.put_batch(batch, vectors)
    one_by_one = graph(neo)
    neo.clear()
    neo.begin_bulk()
    done = []
    for batch, vectors in items:
        done += neo.queue_batch(batch, vectors)
    assert len(done) == GROUP_REPORTS  # the first group went in as one transaction
    done += neo.settle_queued()
    neo.flush()
    assert [r.report for r in done] == [b.report.id for b, _ in items]
    assert all(r.error is None for r in done)
    assert graph(neo) == one_by_one


def test_a_group_with_one_bad_report_fails_that_report_only(neo):
    (a, va), (b, vb), (c, vc) = reports(3)
    # b's first passage takes an id a owns: the server refuses it (uniqueness constraint) inside
    # the group's transaction, which then rolls back as a whole.
    p = b.passages[0]
    b.passages[0] = Passage(a.passages[0].id, p.report, p.index, p.text, p.start, p.end, p.section, p.role, p.year)
    neo.begin_bulk()
    done = neo.queue_batch(a, va) + neo.queue_batch(b, vb) + neo.queue_batch(c, vc)
    assert done == []  # nothing is done before its group committed
    done = neo.settle_queued()
    assert [r.report for r in done] == [a.report.id, b.report.id, c.report.id]
    assert done[0].error is None and done[2].error is None
    assert isinstance(done[1].error, StoreError) and "ConstraintValidationFailed" in str(done[1].error)
    neo.flush()
    assert sorted(r.id for r in neo.reports()) == sorted([a.report.id, c.report.id])
    grouped = graph(neo)
    neo.clear()
    neo.put_batch(a, va)
    neo.put_batch(c, vc)
    assert grouped == graph(neo)  # the bad report left nothing behind


def test_a_report_is_visible_when_it_is_reported_done(neo, neo4j_uri):
    other = Neo4jStore(neo4j_uri)  # another process's view of the database
    try:
        neo.begin_bulk()
        items = reports(GROUP_REPORTS + 2, first=20)
        seen_done: set[str] = set()
        for batch, vectors in items:
            for r in neo.queue_batch(batch, vectors):
                assert r.error is None
                seen_done.add(r.report)
            assert {x.id for x in other.reports()} == seen_done
        for r in neo.settle_queued():
            seen_done.add(r.report)
        assert {x.id for x in other.reports()} == seen_done == {b.report.id for b, _ in items}
        neo.flush()
    finally:
        other.close()


def test_flush_writes_what_is_queued_and_names_a_failure(neo):
    (a, va), (b, vb) = reports(2, first=40)
    neo.begin_bulk()
    neo.queue_batch(a, va)
    # b brings vectors of another model: refused inside the write, after a was queued with it
    assert neo.queue_batch(b, Vectors("another-model", vb.passages, vb.entity_ids, vb.entities)) == []
    with pytest.raises(StoreError, match=f"{b.report.id}: .*holds vectors of model 'synthetic'"):
        neo.flush()
    assert [r.id for r in neo.reports()] == [a.report.id]
