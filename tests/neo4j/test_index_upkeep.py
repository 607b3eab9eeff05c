"""The vector index rebuild at the end of a bulk ingest (graph/store/neo4j_index_upkeep.py): a flush
after many puts rebuilds both vector indexes and returns with them ONLINE and answering as before;
a flush after one put leaves them alone; a search while an index is gone answers from words; a
reconnect recreates an index a cut-short rebuild left missing (the last two in
test_search_service_neo4j.py, on its corpus store)."""
from __future__ import annotations

from govgraph.graph.store import neo4j_index_upkeep, neo4j_schema
from govgraph.graph.store.neo4j_schema import VECTOR_INDEXES
from tests.contract.conftest import open_neo4j

from .synthetic import synthetic_batch


def _indexes(store) -> dict[str, str]:
    """Vector index name -> state."""
    rows = store._schema(lambda s: s.run("SHOW VECTOR INDEXES YIELD name, state RETURN name, state").data())
    return {r["name"]: r["state"] for r in rows if r["name"] in VECTOR_INDEXES}


def _rebuilds(store) -> list[str]:
    """Records each schema call the store makes (they run as before): Neo4j reuses a dropped
    index's id and updates read counts lazily, so the indexes themselves cannot tell a rebuild."""
    calls: list[str] = []
    run = store._schema

    def recorded(fn):
        calls.append(getattr(fn, "__name__", ""))
        return run(fn)
    store._schema = recorded
    return calls


def _vector_puts(store) -> int:
    return store._read("MATCH (m:GovgraphMeta {id: 'store'}) RETURN m.vector_puts AS n")[0]["n"]


def _small(i: int):
    return synthetic_batch(n_passages=30, n_nodes=20, n_edges=20, seed=100 + i, file=f"upkeep-{i}.txt")


def test_flush_after_many_puts_rebuilds_vector_indexes(neo4j_uri, monkeypatch):
    # Three puts make "many" here (8 in the product): the rule is the same, the test is shorter.
    monkeypatch.setattr(neo4j_index_upkeep, "REBUILD_MIN_PUTS", 3)
    store = open_neo4j(neo4j_uri)
    try:
        batches = [_small(i) for i in range(3)]
        store.put_batch(*batches[0])
        calls = _rebuilds(store)
        store.flush()  # one put of one report: nothing to rebuild
        assert "rebuild_vector_indexes" not in calls and _vector_puts(store) == 1
        for b, v in batches[1:]:
            store.put_batch(b, v)
        assert _vector_puts(store) == 3
        probes = [(v.passages[3], b.passages[3].id) for b, v in batches]
        before = [store.vector_search(q, 5) for q, _ in probes]
        entity_before = store.entity_vector_search(batches[2][1].entities[0], 5)

        store.flush()

        assert calls.count("rebuild_vector_indexes") == 1
        assert _indexes(store) == {name: "ONLINE" for name in VECTOR_INDEXES}
        assert _vector_puts(store) == 0
        assert [h[0][0] for h in before] == [pid for _, pid in probes]
        assert [[pid for pid, _ in hits] for hits in (store.vector_search(q, 5) for q, _ in probes)] == \
               [[pid for pid, _ in hits] for hits in before]
        assert [n for n, _ in store.entity_vector_search(batches[2][1].entities[0], 5)] == \
               [n for n, _ in entity_before]
        store.flush()  # nothing new since the rebuild
        assert calls.count("rebuild_vector_indexes") == 1
    finally:
        store.close()


def _named(calls: list[str]) -> list[str]:
    """The store's own schema calls, without the test's index listings."""
    return [c for c in calls if c != "<lambda>"]


def test_bulk_write_drops_vector_indexes_once_a_rebuild_is_due_and_flush_makes_them(neo4j_uri, monkeypatch):
    monkeypatch.setattr(neo4j_index_upkeep, "REBUILD_MIN_PUTS", 3)
    store = open_neo4j(neo4j_uri)
    other = open_neo4j(neo4j_uri)  # another process's view: its searches answer, without vector hits
    try:
        batches = [_small(i) for i in range(7)]
        store.put_batch(*batches[0])
        store.flush()  # one vector put: no rebuild due
        store.begin_bulk()
        store.put_batch(*batches[1])  # the 2nd vector put since the last rebuild: none due yet
        assert set(_indexes(store)) == set(VECTOR_INDEXES)
        calls = _rebuilds(store)
        store.put_batch(*batches[2])  # the 3rd, of 3 reports: the flush will rebuild, so they go now
        assert _named(calls) == ["drop_vector_indexes"] and _indexes(store) == {}
        store.put_batch(*batches[3])
        assert _named(calls) == ["drop_vector_indexes"]
        probe, pid = batches[3][1].passages[3], batches[3][0].passages[3].id
        assert other.vector_search(probe, 5) == [] and other.entity_vector_passages(probe, 5, 10) == ([], {})
        store.flush()
        assert _named(calls) == ["drop_vector_indexes", "rebuild_vector_indexes", "vector_dimensions"]
        assert _indexes(store) == {name: "ONLINE" for name in VECTOR_INDEXES}
        assert store.vector_search(probe, 5)[0][0] == pid and other.vector_search(probe, 5)[0][0] == pid
        for b, v in batches[4:]:  # no bulk declared: puts keep the indexes, a rebuild due or not
            store.put_batch(b, v)
        assert _vector_puts(store) == 3 and set(_indexes(store)) == set(VECTOR_INDEXES)
        assert _named(calls) == ["drop_vector_indexes", "rebuild_vector_indexes", "vector_dimensions"]
    finally:
        other.close()
        store.close()


def test_vector_indexes_are_made_with_the_store_settings(neo4j_uri, monkeypatch):
    """The HNSW settings (neo4j_schema.VECTOR_SETTINGS) reach the server, at the first vectors
    and at a rebuild: Neo4j reports them back in each index's options."""
    store = open_neo4j(neo4j_uri)
    try:
        def options() -> list[tuple]:
            rows = store._schema(lambda s: s.run("SHOW VECTOR INDEXES YIELD name, options RETURN name, options").data())
            return sorted((r["name"], r["options"]["indexConfig"]["vector.hnsw.m"],
                           r["options"]["indexConfig"]["vector.hnsw.ef_construction"],
                           r["options"]["indexConfig"]["vector.quantization.enabled"])
                          for r in rows if r["name"] in VECTOR_INDEXES)
        s = neo4j_schema.VECTOR_SETTINGS
        store.put_batch(*_small(0))
        assert options() == sorted((name, s.m, s.ef_construction, s.quantized) for name in VECTOR_INDEXES)
        other = neo4j_schema.VectorIndexSettings(m=8, ef_construction=40, quantized=not s.quantized)
        monkeypatch.setattr(neo4j_schema, "VECTOR_SETTINGS", other)
        assert store._schema(neo4j_index_upkeep.rebuild_vector_indexes)
        assert options() == sorted((name, 8, 40, other.quantized) for name in VECTOR_INDEXES)
    finally:
        monkeypatch.undo()  # the next test's indexes as the store makes them
        store._schema(neo4j_index_upkeep.rebuild_vector_indexes)
        store.clear()
        store.close()
