"""Time features: what they add to ingest, and how fast series, indicators and plans answer.

- Ingest of corpus-extra (parse + write into an embedded store, no vectors) with the time extraction
  against the same pipeline with it switched off, file by file in the same run (interleaved, so the
  machine's load falls on both alike). Target: no more than 15% slower.
- series / indicators / plans on the whole corpus in an embedded store: the first call (which builds
  the time index and follows the plans) and p95 of repeated calls per series. Target p95 <= 100 ms.

    python bench/time_bench.py [--quick]
"""
from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import common
from common import Report, Row, Timer, log, percentiles
from workspace import Workspace

S_TIME = "time"


def _build_both(files: list[Path]):
    """(with-time batches, without-time batches, CPU seconds with, CPU seconds without)."""
    import govgraph.ingest.pipeline as pipeline
    from govgraph.ingest.errors import IngestError

    real = pipeline.time_nodes
    with_b, without_b, t_with, t_without = [], [], 0.0, 0.0
    for f in files:
        for on in (True, False):
            pipeline.time_nodes = real if on else (lambda *a, **k: [])
            try:
                t0 = time.process_time()
                b = pipeline.build_batch(f)
                dt = time.process_time() - t0
            except IngestError:
                continue
            finally:
                pipeline.time_nodes = real
            if on:
                with_b.append(b)
                t_with += dt
            else:
                without_b.append(b)
                t_without += dt
    return with_b, without_b, t_with, t_without


def _write(batches, folder: Path) -> float:
    from govgraph.graph.store.embedded import EmbeddedStore
    with Timer() as t:
        with EmbeddedStore(folder) as s:
            for b in batches:
                s.put_batch(b)
            s.flush()
    return t.cpu


def _p95(fn, n: int) -> float:
    samples = []
    for _ in range(n):
        with Timer() as t:
            fn()
        samples.append(t.wall * 1000)
    return percentiles(samples)["p95"]


def run(ws: Workspace) -> Report:
    from govgraph.graph.store.embedded import EmbeddedStore
    from govgraph.graph.time import indicators_view, plans_view, series_view

    rep = Report()
    extra = [f for f in ws.files if f.parent.name == "corpus-extra"] or ws.files
    log(f"time: building {len(extra)} reports with and without the time extraction")
    with_b, without_b, c_with, c_without = _build_both(extra)
    folder = ws.workdir / "time-bench"
    shutil.rmtree(folder, ignore_errors=True)
    w_with = _write(with_b, folder / "with")
    w_without = _write(without_b, folder / "without")
    n_time = sum(1 for b in with_b for n in b.nodes if n.label in ("Indicator", "Plan"))
    rep.add(Row(S_TIME, "ingest corpus-extra with time records (parse + embedded write, CPU)", c_with + w_with, "s",
                "same pipeline without them (s)", c_without + w_without,
                note=f"{len(with_b)} reports, {n_time:,} Indicator/Plan nodes; parse {c_with:.1f} vs "
                     f"{c_without:.1f} s, write {w_with:.1f} vs {w_without:.1f} s"))
    row = rep.rows[-1]
    row.target = ("<=", 1.15 * (c_without + w_without))
    row.__post_init__()

    # The whole corpus: corpus-extra plus corpus, with time records, no vectors (the views read none).
    rest = [f for f in ws.files if f.parent.name != "corpus-extra"]
    from govgraph.ingest.pipeline import build_batch
    from govgraph.ingest.errors import IngestError
    more = []
    for f in rest:
        try:
            more.append(build_batch(f))
        except IngestError:
            pass
    store = EmbeddedStore(folder / "all")
    for b in [*with_b, *more]:
        store.put_batch(b)
    with Timer() as index:
        store.stats()  # the store builds its own indexes on first read, whatever is asked: not ours to time
    with Timer() as cold:
        series = series_view(store)["series"]
        indicators_view(store)
        plans_view(store)
    rep.add(Row(S_TIME, "first series + indicators + plans on the whole corpus (builds the time index)",
                cold.wall * 1000, "ms", note=f"{len(series)} series, {len(with_b) + len(more)} reports; the store's "
                                             f"own first-read index build before it: {index.wall:.1f} s"))
    reps = 5 if ws.quick else 20
    ids = [s["id"] for s in series]
    for name, fn in (("series", lambda: series_view(store)),
                     ("indicators (all series)", lambda: indicators_view(store)),
                     ("indicators of each series", lambda: [indicators_view(store, series=i) for i in ids]),
                     ("plans of each series", lambda: [plans_view(store, series=i) for i in ids])):
        per = len(ids) if "each" in name else 1
        p95 = _p95(fn, reps) / per
        rep.add(Row(S_TIME, f"{name}: p95 per call, embedded, whole corpus", p95, "ms", target=("<=", 100.0)))
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
