"""What a bulk write saves Neo4j (issue 18): the first N corpus reports written into an emptied
Neo4j, then flush, in the modes asked, so runs alternate on one server under the same load:

- plain: put_batch, one report per transaction, the vector indexes kept up to date;
- bulk: begin_bulk, then put_batch (one report per transaction; the vector indexes dropped once a
  rebuild is due at the flush);
- group: begin_bulk, then queue_batch as ingest and import call it (several reports per
  transaction, neo4j_bulk).

Wall, the server's CPU and the writer's CPU of each.

    GOVGRAPH_NEO4J_URI=bolt://... python bench/neo4j_bulk_bench.py --batches-from STORE [-n 40] bulk group bulk group
"""
from __future__ import annotations

import argparse
import time

from neo4j_scale_bench import ServerCpu
from scale_bench import _write_timed, batches_from_store


def main() -> None:
    from govgraph.graph.store.neo4j_store import Neo4jStore
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches-from", required=True, metavar="STORE", help="an embedded store holding vectors")
    ap.add_argument("-n", type=int, default=40, help="reports written each run (default 40)")
    ap.add_argument("modes", nargs="+", choices=("plain", "bulk", "group"))
    a = ap.parse_args()
    batches, vectors = batches_from_store(a.batches_from)
    store = Neo4jStore.from_env()
    server = ServerCpu(store)
    for mode in a.modes:
        store.clear()
        store.flush()
        s0, w0, c0 = server.seconds(), time.perf_counter(), time.process_time()
        if mode != "plain":
            store.begin_bulk()
        if mode == "group":
            _write_timed(store, [(b, vectors[b.report.id]) for b in batches[:a.n]])
        else:
            for b in batches[:a.n]:
                store.put_batch(b, vectors[b.report.id])
        s1, w1, c1 = server.seconds(), time.perf_counter(), time.process_time()
        store.flush()
        s2, w2, c2 = server.seconds(), time.perf_counter(), time.process_time()
        print(f"{mode:5s} {a.n} puts: wall {w1 - w0:6.1f} s, server CPU {s1 - s0:6.1f} s, client CPU {c1 - c0:5.1f} s"
              f" | flush: wall {w2 - w1:5.1f} s, server CPU {s2 - s1:5.1f} s"
              f" | total CPU {s2 - s0 + c2 - c0:6.1f} s", flush=True)
    store.close()


if __name__ == "__main__":
    main()
