"""The vector index rebuild at the end of a bulk ingest (graph/store/neo4j_index_upkeep.py): a flush
after many puts rebuilds both vector indexes and returns with them ONLINE and answering as before;
a flush after one put leaves them alone; a search while an index is gone answers from words; a
reconnect recreates an index a cut-short rebuild left missing."""
from __future__ import annotations

import pytest

from govgraph.graph.embedder import CachedEmbedder
from govgraph.graph.search import SearchService
from govgraph.graph.store.neo4j_index_upkeep import REBUILD_MIN_PUTS
from govgraph.graph.store.neo4j_schema import ENTITY_VECTOR_INDEX, PASSAGE_VECTOR_INDEX, VECTOR_INDEXES
from govgraph.graph.store.neo4j_store import Neo4jStore
from govgraph.graph.vectorize import vectors_for
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query
from tests.contract.conftest import open_neo4j
from tests.paths import CORPUS

from .synthetic import synthetic_batch


def _indexes(store) -> dict[str, tuple[int, str]]:
    """Vector index name -> (id, state); a rebuilt index has a new id."""
    rows = store._schema(lambda s: s.run("SHOW VECTOR INDEXES YIELD id, name, state RETURN id, name, state").data())
    return {r["name"]: (r["id"], r["state"]) for r in rows if r["name"] in VECTOR_INDEXES}


def _vector_puts(store) -> int:
    return store._read("MATCH (m:GovgraphMeta {id: 'store'}) RETURN m.vector_puts AS n")[0]["n"]


def _small(i: int):
    return synthetic_batch(n_passages=30, n_nodes=20, n_edges=20, seed=100 + i, file=f"upkeep-{i}.txt")


def test_flush_after_many_puts_rebuilds_vector_indexes(neo4j_uri):
    store = open_neo4j(neo4j_uri)
    try:
        batches = [_small(i) for i in range(REBUILD_MIN_PUTS)]
        store.put_batch(*batches[0])
        first = _indexes(store)
        store.flush()  # one put of one report: nothing to rebuild
        assert _indexes(store) == first and _vector_puts(store) == 1
        for b, v in batches[1:]:
            store.put_batch(b, v)
        assert _vector_puts(store) == REBUILD_MIN_PUTS
        probes = [(v.passages[3], b.passages[3].id) for b, v in batches]
        before = [store.vector_search(q, 5) for q, _ in probes]
        entity_before = store.entity_vector_search(batches[2][1].entities[0], 5)

        store.flush()

        after = _indexes(store)
        assert set(after) == set(VECTOR_INDEXES)
        assert all(state == "ONLINE" for _, state in after.values())
        assert all(after[n][0] != first[n][0] for n in VECTOR_INDEXES), "the indexes were not rebuilt"
        assert _vector_puts(store) == 0
        assert [h[0][0] for h in before] == [pid for _, pid in probes]
        assert [[pid for pid, _ in hits] for hits in (store.vector_search(q, 5) for q, _ in probes)] == \
               [[pid for pid, _ in hits] for hits in before]
        assert [n for n, _ in store.entity_vector_search(batches[2][1].entities[0], 5)] == \
               [n for n, _ in entity_before]
        store.flush()  # nothing new since the rebuild
        assert _indexes(store) == after
    finally:
        store.close()


@pytest.fixture(scope="module")
def service(neo4j_uri):
    embedder = CachedEmbedder()
    store = open_neo4j(neo4j_uri)
    for f in (CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt", CORPUS / "001_fzzf-szgm-2021.txt"):
        batch = build_batch(f)
        store.put_batch(batch, vectors_for(batch, embedder))
    yield SearchService(store, embedder, tokenize_query, analyze_question)
    store.close()


def test_search_while_the_index_is_rebuilt_answers_from_words(service, neo4j_uri):
    store = service.store
    query = "外语标识核查纠错"
    with_vectors = [h.passage for h in service.search(query, k=10).hits]
    words = [pid for pid, _ in store.lexical_search(query, [], 10)]
    # What a concurrent search meets between a rebuild's drop and its ONLINE: no passage index.
    store._schema(lambda s: s.run(f"DROP INDEX {PASSAGE_VECTOR_INDEX}").consume())
    try:
        assert store.vector_search(service._qvec.get_many([query])[0], 10) == []
        hits = [h.passage for h in service.search(query, k=10).hits]
        assert words and words[0] in hits  # the word hits still rank
        assert service.ask("哪些城市与东城区建立了友好关系？", k=10).passages
    finally:
        # A process that connects later finds the index missing and makes it again.
        again = Neo4jStore(neo4j_uri)
        try:
            assert set(_indexes(again)) == {PASSAGE_VECTOR_INDEX, ENTITY_VECTOR_INDEX}
            assert [h.passage for h in SearchService(again, service.embedder, tokenize_query,
                                                     analyze_question).search(query, k=10).hits] == with_vectors
        finally:
            again.close()
