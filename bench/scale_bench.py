"""How cost grows with size: the corpus at 1x, 4x and 16x (every report filed again under new
report, passage and file ids; same texts and vectors) in the embedded store, and in Neo4j at 1x
and 4x. For each size: write time, index build, reopen, search/ask latency against numpy brute
force over the same (scaled) matrix, and the process's memory.

    python bench/scale_bench.py [--quick] [--skip-neo4j]
"""
from __future__ import annotations

import gc
import shutil
import sys

import numpy as np

import common
from common import Report, Row, Timer, log, peak_rss_mb, percentiles
from queries import queries
from search_bench import Floor, make_service, measure
from workspace import Workspace, clone_batch

FACTORS = (1, 4, 16)
# Neo4j is scaled to 2x only: an entity keeps one list entry per report that names it, and every
# write rewrites the lists of the hub entities it touches (中共中央, the city itself), so writing
# costs grow with the corpus. Measured once: at 4x, 3 s a report and rising after 10 minutes.
NEO4J_FACTORS = (1, 2)
P95_TARGET_16X = 300.0


def copies(batches, vectors, factor: int):
    """(batch, vectors) for copy 0 (the originals) up to factor-1."""
    for c in range(factor):
        for b in batches:
            yield (b if c == 0 else clone_batch(b, c)), vectors[b.report.id]


def _rows(rep: Report, label: str, factor: int, m: dict, base: dict | None) -> None:
    sec = f"scale {factor}x"
    fp = percentiles(m["floor"])
    for op in ("search", "ask"):
        pp = percentiles(m[op])
        for p in ("p50", "p95", "p99"):
            target = ("<=", P95_TARGET_16X) if (op, p, factor) == ("search", "p95", 16) else None
            note = ""
            if base is not None and p == "p95":
                note = f"{pp[p] / percentiles(base[op])[p]:.2f}x the 1x {op} {p}"
            rep.add(Row(sec, f"{op} {p} ({label})", pp[p], "ms", f"numpy brute force {p}", fp[p],
                        target=target, note=note))


def bench_embedded(ws: Workspace, rep: Report, factors) -> None:
    from govgraph.graph.store.embedded import EmbeddedStore

    batches, vectors = ws.batches(), ws.vectors()
    emb = ws.embedder()
    enc = ws.query_encoder()
    base = None
    rounds = 1
    done_1x = getattr(ws, "search_1x", {})
    for factor in factors:
        if factor == 1 and "embedded" in done_1x:
            base = done_1x["embedded"]  # the search benchmark measured this very corpus and store
            rep.note("scale 1x (embedded): the 'search 1x' rows, measured on the same store in this run")
            continue
        path = ws.workdir / f"scale-{factor}x"
        shutil.rmtree(path, ignore_errors=True)
        gc.collect()
        log(f"scale {factor}x: writing {factor * len(batches)} reports into the embedded store")
        store = EmbeddedStore(path)
        with Timer() as tw:
            for b, v in copies(batches, vectors, factor):
                store.put_batch(b, v)
        with Timer() as tf:
            store.flush()
        del store
        gc.collect()
        with Timer() as to:
            store = EmbeddedStore(path)
            st = store.stats()
        passages = st["passages"]
        size_mb = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
        sec = f"scale {factor}x"
        w1, r1 = getattr(ws, "write_1x", None), getattr(ws, "reopen_1x", None)
        rep.add(Row(sec, "write reports + build indexes (embedded)", tw.wall + tf.wall, "s",
                    "1x write (ingest bench)" if w1 else "", w1,
                    note=f"{factor * len(batches)} reports, {passages:,} passages, {size_mb:.0f} MB on disk; "
                         f"flush {tf.wall:.0f} s of it"),
                Row(sec, "reopen embedded store", to.wall, "s", "1x reopen (ingest bench)" if r1 else "", r1,
                    target=("<=", 2.0) if factor == 1 else None))
        matrix = np.vstack([vectors[b.report.id].passages for b in batches] * factor)
        floor = Floor(enc, matrix)
        del matrix
        svc = make_service(store, emb)
        log(f"scale {factor}x: latency, {len(queries(ws.quick))} queries x {rounds}")
        m = measure(svc, floor, queries(ws.quick), rounds)
        _rows(rep, "embedded", factor, m, base)
        rep.add(Row(sec, "process peak RSS so far", peak_rss_mb(), "MiB", "", None,
                    note="bench process: every size so far, plus the batches and the model"))
        if base is None:
            base = m
        if any(r.missed for r in rep.rows[-7:]):
            rep.profile(f"search at {factor}x, 8 queries", lambda: [svc.search(q, k=10) for q in queries(ws.quick)[:8]])
        del svc, store, floor
        gc.collect()
        shutil.rmtree(path, ignore_errors=True)


def bench_neo4j(ws: Workspace, rep: Report, factors) -> None:
    neo = ws.neo4j_loaded()
    if neo is None:
        rep.note(f"Neo4j scaling: {ws.neo4j_reason}")
        return
    batches, vectors = ws.batches(), ws.vectors()
    emb = ws.embedder()
    floor_enc = ws.query_encoder()
    have = 1
    base = None
    rounds = 1
    done_1x = getattr(ws, "search_1x", {})
    for factor in NEO4J_FACTORS:
        if factor == 1 and "Neo4j" in done_1x:
            base = done_1x["Neo4j"]
            rep.note("scale 1x (Neo4j): the 'search 1x' rows, measured on the same store in this run")
            continue
        if factor > have:
            log(f"scale {factor}x: writing {(factor - have) * len(batches)} more reports into Neo4j")
            with Timer() as tw:
                for c in range(have, factor):
                    for b in batches:
                        neo.put_batch(clone_batch(b, c), vectors[b.report.id])
            added = (factor - have) * len(batches)
            have = factor
            rep.add(Row(f"scale {factor}x", "write added copies (Neo4j), per report", tw.wall / added, "s", "", None,
                        note=f"{added} reports in {tw.wall:.0f} s; compare the 1x write in the ingest rows: "
                             "hub entities' per-report lists grow with the corpus"))
        floor = Floor(floor_enc, np.vstack([vectors[b.report.id].passages for b in batches] * factor))
        svc = make_service(neo, emb)
        log(f"scale {factor}x: Neo4j latency")
        m = measure(svc, floor, queries(ws.quick), rounds)
        _rows(rep, "Neo4j", factor, m, base)
        if base is None:
            base = m
    if have > 1:  # the copies stay; whoever needs the 1x corpus in Neo4j again reloads it
        ws._neo4j_loaded = False


def run(ws: Workspace, factors=None) -> Report:
    factors = tuple(factors or ((1, 2) if ws.quick else FACTORS))
    rep = Report()
    rep.note(f"scaling: factors {', '.join(f'{f}x' for f in factors)}; copies keep entity ids, so entities "
             "gather evidence from every copy (entity count stays, evidence and passages grow)")
    bench_embedded(ws, rep, factors)
    bench_neo4j(ws, rep, factors)
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
