"""Search and ask latency over the whole corpus with vectors, on each store, beside the floor:
numpy brute force over the same vectors (query embedding + matrix product + argpartition).

Every query is embedded afresh (the service's query-vector cache is off and the tokenizer's
memo bypassed), and the three measurements are interleaved query by query so that they share
the machine's load.

    python bench/search_bench.py [--quick] [--skip-neo4j]
"""
from __future__ import annotations

import sys
import time

import numpy as np

import common
from common import Report, Row, log, percentiles
from queries import queries
from workspace import Workspace

K = 10
TARGETS = {("search", "p50"): 30.0, ("search", "p95"): 100.0, ("ask", "p95"): 150.0}


def make_service(store, embedder):
    """A SearchService that caches nothing between queries, so each one pays its full cost."""
    from govgraph.graph.search.service import SearchService
    from govgraph.ingest.question import analyze_question
    from govgraph.ingest.tokenize import tokenize_query
    tokenizer = getattr(tokenize_query, "__wrapped__", tokenize_query)
    return SearchService(store, embedder, tokenizer, analyze_question, query_cache=0)


class Floor:
    """The least any vector search must do: embed the query, one matrix product, top-k."""

    def __init__(self, encoder, matrix: np.ndarray):
        self.encoder = encoder
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)

    def __call__(self, q: str, k: int = K):
        v = self.encoder.encode_query(q)
        s = self.matrix @ v
        idx = np.argpartition(-s, k - 1)[:k]
        return idx[np.argsort(-s[idx])]


def passage_matrix(batches, vectors) -> np.ndarray:
    return np.vstack([vectors[b.report.id].passages for b in batches]).astype(np.float32)


def measure(svc, floor: Floor, queries: list[str], rounds: int) -> dict[str, list[float]]:
    """ms per call of floor, search and ask, interleaved; plus process CPU ms per call of each."""
    out: dict[str, list[float]] = {"floor": [], "search": [], "ask": []}
    cpu = {"floor": 0.0, "search": 0.0, "ask": 0.0}
    calls = {"floor": lambda q: floor(q), "search": lambda q: svc.search(q, k=K), "ask": lambda q: svc.ask(q, k=K)}
    for q in queries[:3]:  # warm-up: first-call costs (model, indexes, connections) are not latency
        for fn in calls.values():
            fn(q)
    for _ in range(rounds):
        for q in queries:
            for name, fn in calls.items():
                c0 = time.process_time()
                t0 = time.perf_counter()
                fn(q)
                out[name].append((time.perf_counter() - t0) * 1000)
                cpu[name] += time.process_time() - c0
    n = len(out["floor"])
    out["cpu"] = {name: 1000 * c / n for name, c in cpu.items()}  # type: ignore[assignment]
    return out


def report_rows(rep: Report, section: str, m: dict, store_label: str, targets: bool = True,
                extra_note: str = "") -> None:
    fp = percentiles(m["floor"])
    cpu = m["cpu"]
    for op in ("search", "ask"):
        pp = percentiles(m[op])
        for p in ("p50", "p95", "p99"):
            thr = TARGETS.get((op, p)) if targets else None
            rep.add(Row(section, f"{op} {p} ({store_label})", pp[p], "ms", f"numpy brute force {p}", fp[p],
                        target=("<=", thr) if thr else None, note=extra_note if p == "p50" else ""))
        rep.add(Row(section, f"{op} CPU per call ({store_label})", cpu[op], "ms", "numpy brute force CPU",
                    cpu["floor"]))


def bench_store(rep: Report, section: str, store, store_label: str, ws: Workspace, floor: Floor,
                targets: bool = True) -> dict:
    svc = make_service(store, ws.embedder())
    rounds = 1
    log(f"search/ask latency on {store_label}: {len(queries(ws.quick))} queries x {rounds} rounds")
    m = measure(svc, floor, queries(ws.quick), rounds)
    report_rows(rep, section, m, store_label, targets,
                extra_note=f"{len(queries(ws.quick))} queries x {rounds}, k={K}, query embedded every time")
    missed = [r for r in rep.rows[-8:] if r.missed]
    if missed:
        ops = {r.metric.split()[0] for r in missed}
        for op in sorted(ops):
            fn = (lambda: [svc.search(q, k=K) for q in queries(ws.quick)[:8]]) if op == "search" \
                else (lambda: [svc.ask(q, k=K) for q in queries(ws.quick)[:8]])
            rep.profile(f"{op} on {store_label}, 8 queries", fn)
    return m


def run(ws: Workspace) -> Report:
    rep = Report()
    section = "search 1x"
    store = ws.embedded_store()
    batches = ws.batches()
    vecs = ws.vectors()
    floor = Floor(ws.query_encoder(), passage_matrix(batches, vecs))
    passages = floor.matrix.shape[0]
    rep.note(f"search corpus: {len(batches)} reports, {passages:,} passages with {floor.matrix.shape[1]}-d vectors")
    # what a query embedding alone costs: most of the floor
    enc = ws.query_encoder()
    qe = percentiles(common.latencies(enc.encode_query, queries(ws.quick), rounds=1))
    rep.add(Row(section, "query embedding alone p50", qe["p50"], "ms", "", None,
                note=f"p95 {qe['p95']:.1f} ms, engine {ws.query_engine()}; part of every figure below"))
    ws.search_1x = {"embedded": bench_store(rep, section, store, "embedded", ws, floor)}
    neo = ws.neo4j_loaded()
    if neo is None:
        rep.note(f"Neo4j search: {ws.neo4j_reason}")
    else:
        ws.search_1x["Neo4j"] = bench_store(rep, section, neo, "Neo4j", ws, floor)
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
