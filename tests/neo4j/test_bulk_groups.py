"""Several reports per transaction in a Neo4j bulk (neo4j_bulk, issue 18), on a real server: a
grouped write equals one report per transaction, item for item; a group with one bad report
fails only that report; a report is reported done only once its group committed."""
from __future__ import annotations

import random
from dataclasses import replace

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
    """Everything a reader gets: counts, every node and edge with evidence, what views show, and
    each entity and relation's own properties (name, names, shown fields, queryable props)."""
    rec = collect(store)
    ids = sorted(n.id for n in store.iter_nodes())
    own = [{**r, "n": shown_sorted(r["n"])} for r in
           store._read("MATCH (n:Entity) RETURN n {.*, embedding: null} AS n, labels(n) AS labels ORDER BY n.id")]
    rels = store._read("MATCH (a:Entity)-[e]->(b:Entity) RETURN a.id AS a, type(e) AS t, b.id AS b, "
                       "properties(e) AS props ORDER BY a, t, b")
    return store.stats(), rec.nodes, rec.edges, store.get_briefs(ids), own, rels


def shown_sorted(n: dict) -> dict:
    """An entity's names sorted, and its shown fields in their order's order: readers use the names
    as a set and sort the shown lists (neo4j_brief), and a re-put, which strips the report's old
    part at the start of its transaction, rebuilds them in report order before the group's reports
    fold in, where one by one it comes last."""
    if n.get("names") is not None:  # a set to readers (full-text index, prefix match); ordered likewise
        n = {**n, "names": sorted(n["names"]), "aliases_text": sorted(n["aliases_text"].split())}
    if n.get("shown_alias_order") is None:
        return n
    aliases = sorted(zip(n["shown_alias_order"], n["shown_aliases"]))
    props = sorted(zip(n["shown_prop_order"], n["shown_prop_keys"], n["shown_prop_values"]))
    return {**n, "shown_alias_order": [o for o, _ in aliases], "shown_aliases": [a for _, a in aliases],
            "shown_prop_order": [o for o, _, _ in props], "shown_prop_keys": [k for _, k, _ in props],
            "shown_prop_values": [v for _, _, v in props]}


def varied(seed: int) -> tuple:
    """A report whose 25 entities (shared with every other report: the same ids) each say a
    different name, aliases, English name and props, and whose relations carry props: what
    reports disagree on when a group folds them (one entity repeats an alias, which views read
    from the MENTIONS instead)."""
    batch, vectors = synthetic_batch(n_passages=12, n_nodes=25, n_edges=30, seed=seed, file=f"varied-{seed}.txt")
    rng = random.Random(seed)
    pool = ["甲", "乙", "丙", "丁"]
    nodes = []
    for i, n in enumerate(batch.nodes):
        aliases = rng.sample(pool, rng.randint(0, 3))
        if i == 20 and seed % 4 == 1:
            aliases = ["甲", "甲"]
        props = {k: rng.choice([1, "二", [3, 4]]) for k in rng.sample(["a", "b", "c", "kind"], rng.randint(0, 3))}
        nodes.append(replace(n, name=f"{n.name}{rng.choice('一二三')}", aliases=aliases,
                             name_en=rng.choice([None, None, f"E{seed}"]), props=props))
    edges = [replace(e, props={"since": rng.randint(2000, 2003)} if rng.random() < 0.5 else {})
             for e in batch.edges]
    return replace(batch, nodes=nodes, edges=edges), vectors


@pytest.fixture
def neo(neo4j_uri):
    store = open_neo4j(neo4j_uri)
    yield store
    store.close()


def test_a_grouped_bulk_equals_one_report_per_transaction(neo):
    items = reports(2 * GROUP_REPORTS + 3)
    for batch, vectors in items:
        neo.put_batch(batch, vectors)
    one_by_one = graph(neo)
    neo.clear()
    neo.begin_bulk()
    done = []
    for batch, vectors in items:
        done += neo.queue_batch(batch, vectors)
    # The first group was written on the writing thread (neo4j_group_writer) while the second was
    # queued, and its results came back by the time the second was handed over; the second's come
    # with the settle at the latest.
    assert GROUP_REPORTS <= len(done) <= 2 * GROUP_REPORTS
    assert [r.report for r in done] == [b.report.id for b, _ in items[:len(done)]]
    done += neo.settle_queued()
    neo.flush()
    assert [r.report for r in done] == [b.report.id for b, _ in items]
    assert all(r.error is None for r in done)
    assert graph(neo) == one_by_one


def trimmed(batch, n: int):
    """The batch with its first n entities only (and the relations among them)."""
    keep = {x.id for x in batch.nodes[:n]}
    return replace(batch, nodes=batch.nodes[:n], edges=[e for e in batch.edges if e.source in keep and e.target in keep])


def test_a_group_folds_what_its_reports_disagree_on_as_one_by_one(neo):
    """Entities and relations of a group are written one row each (neo4j_bulk_rows): the names,
    English names, aliases, props and relation props they end with are those of the same reports
    written one per transaction, queued out of report id order, onto a store that already holds
    some of their entities (and a re-put of a stored report in the group)."""
    # Highest report id first: the first report of a group (which creates an entity) is not the
    # one whose name it keeps. The two stored before name only some of the entities, so others
    # are created by the group, by several of its reports at once.
    items = sorted((varied(seed) for seed in range(GROUP_REPORTS + 4)), key=lambda x: x[0].report.id, reverse=True)
    before = [(trimmed(b, 15), v) for b, v in items[:2]]
    rest = items[2:] + items[:1]

    def write(grouped: bool) -> tuple:
        neo.clear()
        for batch, vectors in before:
            neo.put_batch(batch, vectors)
        if grouped:
            neo.begin_bulk()
            for batch, vectors in rest:
                assert all(r.error is None for r in neo.queue_batch(batch, vectors))
            assert all(r.error is None for r in neo.settle_queued())
            neo.flush()
        else:
            for batch, vectors in rest:
                neo.put_batch(batch, vectors)
        return graph(neo)

    one_by_one = write(False)
    assert write(True) == one_by_one
    own = one_by_one[4]  # the reports disagree: entities gather several names and English names
    assert any(len([x for x in n["n"]["names"] if x.startswith("实体")]) > 1 for n in own)
    assert any(n["n"].get("name_en") for n in own) and any(n["n"].get("shown_prop_keys") for n in own)


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
        handed: set[str] = set()  # the reports of the groups handed to the writing thread
        for i, (batch, vectors) in enumerate(items):
            for r in neo.queue_batch(batch, vectors):
                assert r.error is None
                seen_done.add(r.report)
            if (i + 1) % GROUP_REPORTS == 0:
                handed |= {b.report.id for b, _ in items[:i + 1]}
            # every report reported done is stored; none is stored before its group was handed over
            # (one may be stored a moment before the caller hears of it: its group committed on the
            # writing thread)
            visible = {x.id for x in other.reports()}
            assert seen_done <= visible <= handed
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
