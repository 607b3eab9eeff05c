"""The embedded store's index before and after issue 18, side by side in one process on one
store's segments: flush (merge the segments + save) and reopen (read + stats), for the
whole-index pickle (the old format) and the index folder (disk_index.py).

    python bench/index_format_bench.py STORE [--rounds 2]

STORE: an embedded store folder with vectors (read only: its manifest and segments).
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

from govgraph.graph.store.derived import build_derived
from govgraph.graph.store.disk_index import DiskIndex, write_index


def _segments(src: Path) -> dict:
    m = json.loads((src / "manifest.json").read_text("utf-8"))
    out = {}
    for rid, fname in sorted(m["segments"].items()):
        with open(src / "segments" / fname, "rb") as f:
            out[rid] = pickle.load(f)
    return out


def one_round(segs: dict, work: Path) -> dict:
    gc.collect()
    t0 = time.perf_counter()
    d = build_derived(segs)
    with open(work / "index.pkl", "wb") as f:
        pickle.dump(d, f, protocol=pickle.HIGHEST_PROTOCOL)
        f.flush()
        os.fsync(f.fileno())
    old_flush = time.perf_counter() - t0
    del d
    gc.collect()
    t0 = time.perf_counter()
    folder = work / "index"
    folder.mkdir()
    write_index(build_derived(segs, with_graph=False), folder)
    new_flush = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    with open(work / "index.pkl", "rb") as f:
        pickle.load(f).stats()
    old_reopen = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    DiskIndex(folder).stats()
    new_reopen = time.perf_counter() - t0
    shutil.rmtree(folder)
    return {"old_flush_s": round(old_flush, 2), "new_flush_s": round(new_flush, 2),
            "old_reopen_s": round(old_reopen, 3), "new_reopen_s": round(new_reopen, 4),
            "load": round(os.getloadavg()[0], 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args(argv)
    segs = _segments(Path(a.store))
    work = Path(tempfile.mkdtemp(prefix="govgraph-index-bench-"))
    try:
        for r in range(a.rounds):
            print(json.dumps({"round": r, "reports": len(segs), **one_round(segs, work)}), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
