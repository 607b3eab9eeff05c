"""Per-report write cost as the embedded store grows: the corpus filed `--factor` times (copies under
new report ids, as scale_bench.py files them, every batch built afresh) into a new store, no flush,
and the mean per report of the first and the last quarter of the writes, in wall time and in CPU
time (issue 18's target: last <= 1.2x first). Only the write path is timed, so the 16x figure takes
minutes, not the hour a full scale_bench run takes on a loaded machine; it uses only the store's
public API, so the same file runs against another checkout's code for a same-state before/after:

    .venv/bin/python bench/write_growth_bench.py --batches-from STORE --factor 4
    (cd /work/main && PYTHONDONTWRITEBYTECODE=1 .venv/bin/python /work/wt/NAME/bench/write_growth_bench.py ...)

`--gc` adds the CPU spent in full (generation 2) garbage collections per write, from gc.callbacks.
"""
from __future__ import annotations

import argparse
import gc
import inspect
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_bench import _fresh, batches_from_store, copies  # noqa: E402


class FullCollections:
    """CPU seconds spent in generation-2 collections, read before and after each write."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0
        gc.callbacks.append(self._hear)

    def _hear(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start


def _quarters(name: str, times: list[float]) -> dict:
    """First and last quarter means. CPU time as well as wall: on a shared machine whose load
    changes during the run, the wall-clock ratio measures the load as much as the store. CPU is
    split into user time (the store's own work) and system time (the kernel writing and syncing
    1.2 MB a report, which under other processes' I/O and page-cache pressure moved 1.1x-2.2x
    between two runs of the same code)."""
    q = max(1, len(times) // 4)
    first, last = sum(times[:q]) / q, sum(times[-q:]) / q
    return {f"{name} first_quarter_ms": round(first * 1000, 1), f"{name} last_quarter_ms": round(last * 1000, 1),
            f"{name} last_over_first": round(last / first, 3) if first else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batches-from", required=True, type=Path, metavar="STORE")
    ap.add_argument("--factor", type=int, default=16)
    ap.add_argument("--gc", action="store_true", help="also time full garbage collections per write")
    ap.add_argument("--interleaved", action="store_true",
                    help="write the last quarter's reports alternately into a new store (the first quarter's "
                         "situation) and into one holding the first three quarters: the same machine state "
                         "for both, where a sequential run's quarters are minutes apart")
    a = ap.parse_args()
    from govgraph.graph.store.embedded import EmbeddedStore
    batches, vectors = batches_from_store(str(a.batches_from))
    if a.interleaved:
        return interleaved(EmbeddedStore, batches, vectors, a.factor)
    folder = Path(tempfile.mkdtemp(prefix="govgraph-writes-"))
    full = FullCollections() if a.gc else None
    try:
        store = EmbeddedStore(folder / "store")
        times, user, system, gc_cpu = [], [], [], []
        for item, v in copies(batches, vectors, a.factor):
            g0 = full.seconds if full else 0.0
            t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
            store.put_batch(item, v)
            times.append(time.perf_counter() - t0)
            r1 = resource.getrusage(resource.RUSAGE_SELF)
            user.append(r1.ru_utime - r0.ru_utime)
            system.append(r1.ru_stime - r0.ru_stime)
            gc_cpu.append((full.seconds if full else 0.0) - g0)
        out = {"code": inspect.getfile(EmbeddedStore), "reports": len(times),
               **_quarters("wall", times), **_quarters("cpu", [u + s for u, s in zip(user, system)]),
               **_quarters("user_cpu", user), **_quarters("system_cpu", system), "all_writes_s": round(sum(times), 1)}
        if full:
            out.update(_quarters("full_gc_cpu", gc_cpu))
        print(json.dumps(out))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _put_timed(store, item, v) -> tuple[float, float, float]:
    """(wall, user CPU, system CPU) seconds of one write."""
    t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    store.put_batch(item, v)
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter() - t0, r1.ru_utime - r0.ru_utime, r1.ru_stime - r0.ru_stime


def interleaved(store_class, batches, vectors, factor: int) -> int:
    folder = Path(tempfile.mkdtemp(prefix="govgraph-writes-"))
    try:
        items = list(copies(batches, vectors, factor))
        q = len(items) // 4
        grown, new = store_class(folder / "grown"), store_class(folder / "new")
        for item, v in items[:-q]:
            grown.put_batch(item, v)
        small, big = [], []
        for item, v in items[-q:]:
            small.append(_put_timed(new, _fresh(item), v))
            big.append(_put_timed(grown, item, v))
        out = {"code": inspect.getfile(store_class), "reports": len(items), "interleaved": True}
        for k, name in enumerate(("wall", "user_cpu", "system_cpu")):
            first, last = sum(t[k] for t in small) / q, sum(t[k] for t in big) / q
            out.update({f"{name} first_quarter_ms": round(first * 1000, 1),
                        f"{name} last_quarter_ms": round(last * 1000, 1),
                        f"{name} last_over_first": round(last / first, 3) if first else None})
        first = sum(t[1] + t[2] for t in small) / q
        out["cpu last_over_first"] = round(sum(t[1] + t[2] for t in big) / q / first, 3)
        print(json.dumps(out))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
