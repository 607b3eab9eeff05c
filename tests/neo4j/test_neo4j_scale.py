"""A report-sized batch goes into Neo4j in one transaction, replaces itself, and is searchable.

Prints the timings (run with -s to see them); speed itself is measured in the benchmarks.
"""
from __future__ import annotations

import statistics
import time

import pytest

from govgraph.graph.store.base import Filters
from tests.contract.conftest import open_neo4j

from .synthetic import synthetic_batch

pytestmark = pytest.mark.slow


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def test_large_batch_put_replace_and_search(neo4j_uri):
    batch, vectors = synthetic_batch()
    store = open_neo4j(neo4j_uri)
    try:
        _, put = timed(lambda: store.put_batch(batch, vectors))
        stats = store.stats()
        assert stats["passages"] == len(batch.passages)
        assert sum(v for k, v in stats["nodes"].items() if k not in ("Report", "Passage")) == len(batch.nodes)
        assert sum(v for k, v in stats["edges"].items()
                   if k not in ("AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES")) == len(batch.edges)
        # The iterators page through more than one page of each kind.
        assert sorted(n.id for n in store.iter_nodes()) == sorted(n.id for n in batch.nodes)
        assert sorted(e.key for e in store.iter_edges()) == sorted(e.key for e in batch.edges)
        assert sum(1 for _ in store.iter_passages()) == len(batch.passages)
        _, again = timed(lambda: store.put_batch(batch, vectors))
        assert store.stats() == stats

        lex, vec, vec_f = [], [], []
        for i in range(0, len(batch.passages), len(batch.passages) // 40):
            p = batch.passages[i]
            word = p.text[10:14]
            hits, t = timed(lambda: store.lexical_search(word, [], 10))
            lex.append(t)
            assert p.id in [h for h, _ in store.lexical_search(word, [], 200)]
            hits, t = timed(lambda: store.vector_search(vectors.passages[i], 10))
            vec.append(t)
            assert hits[0][0] == p.id
            hits, t = timed(lambda: store.vector_search(vectors.passages[i], 10, Filters(role=p.role, year=p.year)))
            vec_f.append(t)
            assert hits[0][0] == p.id
        print(f"\nneo4j put_batch {len(batch.passages)} passages / {len(batch.nodes)} nodes / "
              f"{len(batch.edges)} edges: {put:.2f}s first, {again:.2f}s replacing; "
              f"lexical p50 {statistics.median(lex) * 1000:.1f} ms, vector p50 {statistics.median(vec) * 1000:.1f} ms, "
              f"filtered vector p50 {statistics.median(vec_f) * 1000:.1f} ms")
        # No bound on the times: speed is measured in bench/neo4j_scale_bench.py (same-run ratios),
        # never asserted in a test (a bound of 120 s failed at load 25 on 2 cores).
        assert store.remove_report(batch.report.id)
        assert store.stats()["passages"] == 0 and store.find_nodes()[0] == 0
    finally:
        store.close()
