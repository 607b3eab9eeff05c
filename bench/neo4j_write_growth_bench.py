"""Per-report Neo4j write cost as the store grows (issue 18's target: the last quarter of a 4x ingest
<= 1.2x the first), interleaved as write_growth_bench.py --interleaved does for the embedded store:
the corpus is filed `--factor` times (copies under new report ids) into the server given by
GOVGRAPH_NEO4J_URI up to the last quarter, and then the last quarter's reports go group by group
alternately into that grown store and into a second, empty server this bench starts (the first
quarter's situation), so both quarters are measured under the same load, not minutes apart.

    python tools/neo4j_server.py run -- python bench/neo4j_write_growth_bench.py --batches-from STORE [--factor 4]

Each store is written as an ingest of a folder writes it (begin_bulk, queue_batch, a flush after
each copy of the corpus); a group of neo4j_bulk.GROUP_REPORTS reports is timed from its first
queue_batch to its settle_queued (it is then committed): wall, the writer's CPU and the server's
CPU (neo4j_scale_bench.ServerCpu), divided by the reports of the group. The final flushes (the
vector index rebuilds) are timed apart: they are not per-report work.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
from neo4j_scale_bench import ServerCpu  # noqa: E402
from scale_bench import _fresh, _raise_failed, batches_from_store, copies  # noqa: E402


def _timed_group(store, cpu: ServerCpu, group) -> tuple[float, float, float]:
    """(wall, writer CPU, server CPU) seconds of one group, committed."""
    w0, c0, s0 = time.perf_counter(), time.process_time(), cpu.seconds()
    for item, v in group:
        _raise_failed(store.queue_batch(item, v))
    _raise_failed(store.settle_queued())
    return time.perf_counter() - w0, time.process_time() - c0, cpu.seconds() - s0


def _fill(store, items, per_copy: int) -> float:
    """Write `items` as an ingest does, a flush after each copy of the corpus; seconds taken."""
    t0 = time.perf_counter()
    for i in range(0, len(items), per_copy):
        store.begin_bulk()
        for item, v in items[i:i + per_copy]:
            _raise_failed(store.queue_batch(item, v))
        _raise_failed(store.settle_queued())
        store.flush()
    return time.perf_counter() - t0


def _means(small: list, big: list, reports: int) -> dict:
    out = {}
    for k, what in enumerate(("wall", "writer_cpu", "server_cpu")):
        first, last = sum(t[k] for t in small) / reports, sum(t[k] for t in big) / reports
        out[f"{what} first_quarter_ms"] = round(first * 1000, 1)
        out[f"{what} last_quarter_ms"] = round(last * 1000, 1)
        out[f"{what} last_over_first"] = round(last / first, 3) if first else None
    first = sum(t[1] + t[2] for t in small) / reports
    last = sum(t[1] + t[2] for t in big) / reports
    out.update({"cpu first_quarter_ms": round(first * 1000, 1), "cpu last_quarter_ms": round(last * 1000, 1),
                "cpu last_over_first": round(last / first, 3) if first else None})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batches-from", required=True, metavar="STORE", help="an embedded store holding vectors")
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--reports", type=int, help="only the corpus's first N reports (a smoke run)")
    a = ap.parse_args()
    import neo4j_server
    from govgraph.graph.store.neo4j_bulk import GROUP_REPORTS
    from govgraph.graph.store.neo4j_store import Neo4jStore

    batches, vectors = batches_from_store(a.batches_from)
    batches = batches[:a.reports] if a.reports else batches
    items = list(copies(batches, vectors, a.factor))
    q = len(items) // 4
    grown = Neo4jStore.from_env()
    grown.clear()
    fill_s = _fill(grown, items[:-q], len(batches))
    second = neo4j_server.start_server()
    try:
        new = Neo4jStore(second.uri)
        cpus = {"grown": ServerCpu(grown), "new": ServerCpu(new)}
        # A server just started runs its first writes cold (the JVM compiling, caches empty: the
        # first group took 9 s where the same group took 1.6 s into the warm grown store): the
        # new one first writes a group and is emptied, as the grown one was warmed by its fill.
        _fill(new, [(_fresh(b), v) for b, v in items[:GROUP_REPORTS]], GROUP_REPORTS)
        new.clear()
        new.flush()
        last = items[-q:]
        small, big = [], []
        grown.begin_bulk()
        new.begin_bulk()
        for i in range(0, len(last), GROUP_REPORTS):
            group = last[i:i + GROUP_REPORTS]
            small.append(_timed_group(new, cpus["new"], [(_fresh(b), v) for b, v in group]))
            big.append(_timed_group(grown, cpus["grown"], group))
        t0 = time.perf_counter()
        new.flush()
        t1 = time.perf_counter()
        grown.flush()
        t2 = time.perf_counter()
        out = {"reports": len(items), "quarter": q, "group": GROUP_REPORTS, "interleaved": True,
               "fill_first_three_quarters_s": round(fill_s, 1), **_means(small, big, q),
               "flush_new_s": round(t1 - t0, 1), "flush_grown_s": round(t2 - t1, 1),
               "server_cpu_found": all(c.found for c in cpus.values())}
        print(json.dumps(out))
        new.close()
    finally:
        second.stop()
        grown.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
