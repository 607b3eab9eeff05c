"""Search and ask latency without query vectors (BM25, entity look-ups, evidence reads: what the store
format decides), on one store, for a same-state before/after of two checkouts' code:

    .venv/bin/python bench/lexical_ab_bench.py STORE [--rounds 3]
    (cd /work/main && PYTHONDONTWRITEBYTECODE=1 .venv/bin/python /work/wt/NAME/bench/lexical_ab_bench.py STORE2)

Run both at once on stores of the same reports (the index is built on first open if missing).
"""
from __future__ import annotations

import argparse
import inspect
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from queries import queries  # noqa: E402
from search_bench import make_service  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    from govgraph.graph.store.embedded import EmbeddedStore
    t0 = time.perf_counter()
    store = EmbeddedStore(a.store)
    store.stats()
    opened = time.perf_counter() - t0
    svc = make_service(store, None)
    qs = queries(False)
    for q in qs[:3]:   # warm: the first query builds caches either way
        svc.search(q, k=10)
    out: dict[str, list[float]] = {"search": [], "ask": []}
    for _ in range(a.rounds):
        for q in qs:
            for op in out:
                t = time.perf_counter()
                getattr(svc, op)(q, k=10)
                out[op].append(time.perf_counter() - t)
    print(json.dumps({"code": inspect.getfile(EmbeddedStore), "open_s": round(opened, 3), "queries": len(qs),
                      **{f"{op} p{p}_ms": round(float(np.percentile(v, p)) * 1000, 1)
                         for op, v in out.items() for p in (50, 95)}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
