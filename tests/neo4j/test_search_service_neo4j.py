"""The search service on Neo4j, with the real model: what it reads concurrently from a networked
store (the words, the passage vectors, the entity lookup) ranks exactly as the same reads one
after the other, and ask's one-call answer context finds answers with evidence in the hits;
while a vector index is being rebuilt (neo4j_index_upkeep), search and ask answer from words."""
from __future__ import annotations

import pytest

from govgraph.graph.embedder import CachedEmbedder
from govgraph.graph.search import SearchService
from govgraph.graph.store.neo4j_schema import ENTITY_VECTOR_INDEX, PASSAGE_VECTOR_INDEX
from govgraph.graph.store.neo4j_store import Neo4jStore
from govgraph.graph.vectorize import vectors_for
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query
from tests.contract.conftest import open_neo4j
from tests.paths import CORPUS

REPORTS = [CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt", CORPUS / "001_fzzf-szgm-2021.txt"]
# Chinese and English, keywords and questions: an English query also takes the entity lookup.
QUERIES = ["外语标识核查纠错", "哪些城市与东城区建立了友好关系？", "sister city",
           "Which office organized foreign-language signage inspections?"]


@pytest.fixture(scope="module")
def service(neo4j_uri):
    embedder = CachedEmbedder()
    store = open_neo4j(neo4j_uri)
    for f in REPORTS:
        batch = build_batch(f)
        store.put_batch(batch, vectors_for(batch, embedder))
    yield SearchService(store, embedder, tokenize_query, analyze_question)
    store.close()


def _search(service, q):
    return [(h.passage, h.score) for h in service.search(q, k=10).hits]


def _ask(service, q):
    res = service.ask(q, k=10)
    return res.label, [(a.id, a.score, a.evidence, a.via) for a in res.answers], [h.passage for h in res.passages]


@pytest.mark.parametrize("query", QUERIES)
def test_concurrent_reads_rank_as_sequential_ones(service, query):
    assert service.store.parallel_reads
    together = (_search(service, query), _ask(service, query))
    service.store.parallel_reads = False  # the instance only; the class keeps its flag
    try:
        one_by_one = (_search(service, query), _ask(service, query))
    finally:
        del service.store.parallel_reads
    assert together == one_by_one
    assert together[0], query


def test_ask_answers_with_evidence_in_its_passages(service):
    res = service.ask("哪些城市与东城区建立了友好关系？", k=10)
    assert res.label == "Place" and res.answers
    shown = {h.passage for h in res.passages}
    for a in res.answers:
        assert a.evidence and all(ev.passage in shown for ev in a.evidence)


def _vector_indexes(store) -> set[str]:
    rows = store._schema(lambda s: s.run("SHOW VECTOR INDEXES YIELD name RETURN name").data())
    return {r["name"] for r in rows} & {PASSAGE_VECTOR_INDEX, ENTITY_VECTOR_INDEX}


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
            assert set(_vector_indexes(again)) == {PASSAGE_VECTOR_INDEX, ENTITY_VECTOR_INDEX}
            assert [h.passage for h in SearchService(again, service.embedder, tokenize_query,
                                                     analyze_question).search(query, k=10).hits] == with_vectors
        finally:
            again.close()
