"""Passages keep their words (ingest's tokens) in Neo4j, for term_passages and the word search; a
database with a passage written before they did answers as it did: no term_passages (None) and the word search
over the text's character bigrams."""
from __future__ import annotations

import pytest

from govgraph.graph.store.neo4j_store import Neo4jStore
from tests.contract.batches import report_a, report_b
from tests.contract.conftest import open_neo4j

pytestmark = pytest.mark.neo4j


def test_a_database_without_words_searches_the_text(neo4j_uri):
    batch, vectors = report_a()
    first = batch.passages[0]
    word = first.text[:4]  # the first 4 characters: a run the bigram index holds, no token of the batch
    assert word not in {t for toks in batch.tokens.values() for t in toks}
    store = open_neo4j(neo4j_uri)
    try:
        store.put_batch(batch, vectors)
        assert store.term_passages([]) == {}
        assert first.id not in [pid for pid, _ in store.lexical_search(word, [word], 10)]
        # A database written in part before passages kept their words: one passage without them.
        store._call(lambda tx: tx.run("MATCH (p:Passage {id: $id}) REMOVE p.words", id=first.id).consume(),
                    write=True)
    finally:
        store.close()
    old = Neo4jStore(neo4j_uri)  # not open_neo4j: that empties the database
    try:
        assert old.term_passages([word]) is None
        assert first.id in [pid for pid, _ in old.lexical_search(word, [word], 10)]
    finally:
        old.close()


def test_a_write_shows_in_the_words_at_once(neo4j_uri):
    """Each word's passages are kept for MODEL_TTL between reads; this process's own write and removal
    must not wait for that."""
    batch_a, vectors_a = report_a()
    batch_b, vectors_b = report_b()
    tokens_a = {t for toks in batch_a.tokens.values() for t in toks}
    shared = sorted(tokens_a & {t for toks in batch_b.tokens.values() for t in toks})
    assert shared, "the two contract reports share words"
    word = shared[0]
    b_passages = {p.id for p in batch_b.passages if word in batch_b.tokens.get(p.id, [])}
    store = open_neo4j(neo4j_uri)
    try:
        store.put_batch(batch_a, vectors_a)
        before = len(store.term_passages([word])[word])
        store.put_batch(batch_b, vectors_b)
        assert len(store.term_passages([word])[word]) == before + len(b_passages)
        store.remove_report(batch_b.report.id)
        assert len(store.term_passages([word])[word]) == before
    finally:
        store.close()
