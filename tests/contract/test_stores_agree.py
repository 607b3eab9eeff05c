"""Both stores, fed the same sequence of puts and removals, hold the same graph at every step."""
from __future__ import annotations

import re

import numpy as np
import pytest

from govgraph.graph.store.embedded import EmbeddedStore

from .batches import bigrams, report_a, report_b
from .conftest import open_neo4j

pytestmark = pytest.mark.neo4j


def snapshot(store) -> dict:
    """Everything a caller can see, in an order that does not depend on the backend."""
    nodes = sorted((n.to_dict() for n in store.iter_nodes()), key=lambda d: d["id"])
    for d in nodes:
        d["evidence"].sort(key=lambda e: (e["report"], e["start"], e["end"]))
    edges = sorted((e.to_dict() for e in store.iter_edges()), key=lambda d: (d["source"], d["type"], d["target"]))
    for d in edges:
        d["evidence"].sort(key=lambda e: (e["report"], e["start"], e["end"]))
    return {
        "stats": store.stats(),
        "reports": sorted((r.to_dict() for r in store.reports()), key=lambda d: d["id"]),
        "passages": sorted((p.to_dict() for p in store.iter_passages()), key=lambda d: d["id"]),
        "nodes": nodes,
        "edges": edges,
        "browse": [n.id for n in store.find_nodes(limit=1000)[1]],
        "model": store.model,
    }


STEPS = [
    ("put", report_a), ("put", report_b), ("put", lambda: report_a(drop_exchange=True)),
    ("put", report_a), ("remove", "xicheng-waiban-2022.txt"), ("put", report_b),
    ("remove", "dongcheng-waiban-2021.txt"),
]


def test_same_graph_after_every_step(neo4j_uri, tmp_path):
    neo = open_neo4j(neo4j_uri)
    emb = EmbeddedStore(tmp_path / "store")
    try:
        for i, (op, arg) in enumerate(STEPS):
            for store in (emb, neo):
                if op == "put":
                    store.put_batch(*arg())
                else:
                    assert store.remove_report(arg) is True
            assert snapshot(neo) == snapshot(emb), f"step {i}: {op}"
    finally:
        neo.close()
        emb.close()


def test_same_search_results(neo4j_uri, tmp_path):
    neo = open_neo4j(neo4j_uri)
    emb = EmbeddedStore(tmp_path / "store")
    loaded = [report_a(), report_b()]
    try:
        for store in (emb, neo):
            for batch, vectors in loaded:
                store.put_batch(batch, vectors)
        for batch, vectors in loaded:
            for i in range(len(batch.passages)):
                n_hits, e_hits = (s.vector_search(vectors.passages[i], 5) for s in (neo, emb))
                assert [h[0] for h in n_hits] == [h[0] for h in e_hits]
                assert [h[1] for h in n_hits] == pytest.approx([h[1] for h in e_hits], abs=1e-4)
            for i in range(len(vectors.entity_ids)):
                n_hits, e_hits = (s.entity_vector_search(vectors.entities[i], 4) for s in (neo, emb))
                assert [h[0] for h in n_hits] == [h[0] for h in e_hits]
            # BM25 and Lucene score differently, but both find the passages holding the words.
            for p in batch.passages:
                for word in re.findall(r"[\u4e00-\u9fff]{2,6}", p.text):
                    n_ids, e_ids = ({pid for pid, _ in s.lexical_search(word, bigrams(word), 50)}
                                    for s in (neo, emb))
                    assert n_ids == e_ids, word
    finally:
        neo.close()
        emb.close()


def test_same_passages_hold_each_whole_word(neo4j_uri, tmp_path):
    """term_passages (which senses of an English question's words the reports use) reads whole
    words on both stores: the same number of passages for each token and for each pair of tokens
    together; a word held only inside a longer word (甲乙 in 甲乙丙丁) is not held, where Neo4j's
    character bigrams would find it."""
    neo = open_neo4j(neo4j_uri)
    emb = EmbeddedStore(tmp_path / "store")
    a, b = report_a(), report_b()
    first = a[0].passages[0].id
    a[0].tokens[first] = a[0].tokens[first] + ["甲乙丙丁"]
    try:
        for store in (emb, neo):
            for batch, vectors in (a, b):
                store.put_batch(batch, vectors)
            store.flush()
        held = sorted({t for batch, _ in (a, b) for toks in batch.tokens.values() for t in toks})
        asked = held[:40] + ["甲乙丙丁", "甲乙", "从未出现的词语"]
        got_n, got_e = (s.term_passages(asked) for s in (neo, emb))
        assert got_n is not None and set(got_n) == set(got_e)
        assert "甲乙丙丁" in got_n and "甲乙" not in got_n
        assert {t: len(r) for t, r in got_n.items()} == {t: len(r) for t, r in got_e.items()}
        together = {(s, t): len(np.intersect1d(got[s], got[t])) for got in (got_n,) for s in got for t in got}
        assert together == {(s, t): len(np.intersect1d(got_e[s], got_e[t])) for s in got_e for t in got_e}
        for s in (neo, emb):
            assert [pid for pid, _ in s.lexical_search("甲乙丙丁", ["甲乙丙丁"], 10)] == [first]
            assert s.lexical_search("甲乙", ["甲乙"], 10) == []
    finally:
        neo.close()
        emb.close()
