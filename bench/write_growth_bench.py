"""Per-report write cost as the embedded store grows: the corpus filed `--factor` times (copies under
new report ids, as scale_bench.py does) into a new store, no flush, and the mean seconds per report of
the first and the last quarter (issue 18's target: last <= 1.2x first). Only the write path is timed,
so the 16x figure takes minutes, not the hour a full scale_bench run takes on a loaded machine; it
uses only the store's public API, so the same file runs against another checkout's code for a
same-state before/after:

    .venv/bin/python bench/write_growth_bench.py --batches-from STORE --factor 16
    (cd /work/main && PYTHONDONTWRITEBYTECODE=1 .venv/bin/python /work/wt/NAME/bench/write_growth_bench.py ...)
"""
from __future__ import annotations

import argparse
import inspect
import json
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workspace import clone_batch  # noqa: E402


def load_corpus(path: Path) -> list[tuple]:
    """(batch, vectors) of every report of a compacted store (manifest.json alone is its state)."""
    manifest = json.loads((path / "manifest.json").read_text("utf-8"))
    log = path / "manifest.log"
    if log.exists() and len(log.read_bytes().splitlines()) > 1:
        raise SystemExit(f"--batches-from {path}: flush it first (its manifest.log holds writes)")
    out = []
    for _rid, fname in sorted(manifest["segments"].items()):
        with open(path / "segments" / fname, "rb") as f:
            out.append(pickle.load(f))
    return out


def _quarters(name: str, times: list[float]) -> dict:
    """First and last quarter means. CPU time as well as wall: on a shared machine whose load
    changes during the run, the wall-clock ratio measures the load as much as the store."""
    q = max(1, len(times) // 4)
    first, last = sum(times[:q]) / q, sum(times[-q:]) / q
    return {f"{name} first_quarter_ms": round(first * 1000, 1), f"{name} last_quarter_ms": round(last * 1000, 1),
            f"{name} last_over_first": round(last / first, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batches-from", required=True, type=Path, metavar="STORE")
    ap.add_argument("--factor", type=int, default=16)
    a = ap.parse_args()
    from govgraph.graph.store.embedded import EmbeddedStore
    pairs = load_corpus(a.batches_from)
    folder = Path(tempfile.mkdtemp(prefix="govgraph-writes-"))
    try:
        store = EmbeddedStore(folder / "store")
        times, cpu = [], []
        for c in range(a.factor):
            for b, v in pairs:
                item = b if c == 0 else clone_batch(b, c)
                t0, c0 = time.perf_counter(), time.process_time()
                store.put_batch(item, v)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        print(json.dumps({"code": inspect.getfile(EmbeddedStore), "reports": len(times),
                          **_quarters("wall", times), **_quarters("cpu", cpu), "all_writes_s": round(sum(times), 1)}))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
