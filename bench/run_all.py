"""Run every benchmark, print one table and write bench/RESULTS.md.

    python bench/run_all.py [--quick] [--skip-neo4j] [--only ingest,search,...] [--out FILE]

`make bench` runs this with a fresh Neo4j started around it (GOVGRAPH_NEO4J_URI). Each script
in bench/ also runs alone with the same flags.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from typing import Callable

import common
from common import BENCH_DIR, Report, format_table, log, machine_info, write_results
from workspace import Workspace

ORDER = ("ingest", "embed", "search", "graph", "quality", "serve", "scale", "time", "neo4j_scale")


MODULES = {"ingest": "ingest_bench", "embed": "embed_bench", "search": "search_bench", "graph": "graph_bench",
           "quality": "quality_bench", "serve": "serve_rss", "scale": "scale_bench", "time": "time_bench",
           "neo4j_scale": "neo4j_scale_bench"}


def _bench(name: str) -> Callable[[Workspace], Report]:
    """Imported when its turn comes, so a long run picks up the latest version of each script."""
    import importlib
    return importlib.import_module(MODULES[name]).run


def parser(prog: str) -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="a subset of the corpus and fewer repetitions (a smoke run, not figures to quote)")
    ap.add_argument("--skip-neo4j", action="store_true", help="embedded store only")
    ap.add_argument("--clear-neo4j", action="store_true",
                    help="allow wiping a Neo4j database that already holds reports")
    ap.add_argument("--workdir", help="scratch folder for the stores (default: a new temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    ap.add_argument("--out", help="write the results as Markdown here")
    ap.add_argument("--embed-chars", type=int,
                    help="characters of corpus/ for the embedding-overhead measurement (default 25000, quick 15000)")
    ap.add_argument("--cached-vectors-only", action="store_true",
                    help="never embed corpus texts: those missing from the persistent cache get stand-in "
                         "vectors (counted in the results); for a cold cache on a busy machine")
    return ap


def _workspace(a) -> Workspace:
    return Workspace(quick=a.quick, skip_neo4j=a.skip_neo4j, workdir=a.workdir, keep=a.keep,
                     clear_neo4j=a.clear_neo4j, cached_vectors_only=a.cached_vectors_only, embed_chars=a.embed_chars)


def _run_one(name: str, fn: Callable[[Workspace], Report], ws: Workspace, total: Report) -> None:
    log(f"=== {name}")
    t0 = time.perf_counter()
    before = len(Report.created)
    try:
        total.extend(fn(ws))
    except Exception as e:  # noqa: BLE001 - one broken benchmark must not lose the others' figures
        traceback.print_exc()
        for partial in Report.created[before:]:  # what it measured before failing still counts
            if partial is not total:
                total.extend(partial)
        total.note(f"{name}: FAILED with {type(e).__name__}: {e}")
    log(f"=== {name} done in {time.perf_counter() - t0:.0f} s")


def _stand_in(ws: Workspace, total: Report) -> None:
    if ws.cached_vectors_only:
        note = ws.stand_in_note()
        total.note(note or "--cached-vectors-only: every vector used was a real embedding from the cache")


def _finish(total: Report, start: dict, out: Path | None, args: str) -> None:
    end = machine_info()
    print()
    print(f"machine: {start['cpus']} x {start['cpu_model']}, {start['ram_gb']} GiB; load at start "
          f"{start['load'][0]:.1f}, at end {end['load'][0]:.1f}")
    print(format_table(total.rows))
    for n in total.notes:
        print(f"- {n}")
    if out is not None:
        write_results(out, total.rows, start, end, total.notes, total.profiles, args)
        print(f"\nwrote {out}")


def standalone(fn: Callable[[Workspace], Report], argv: list[str] | None = None) -> int:
    """What each bench script's main() does: the same flags, its own workspace, its table."""
    prog = Path(sys.argv[0]).name
    a = parser(prog).parse_args(argv)
    start = machine_info()
    ws = _workspace(a)
    total = Report()
    try:
        _run_one(prog, fn, ws, total)
        _stand_in(ws, total)
    finally:
        ws.close()
    _finish(total, start, Path(a.out) if a.out else None, " ".join(sys.argv[1:]))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = parser("run_all.py")
    ap.add_argument("--only", help=f"comma-separated subset of {','.join(ORDER)}")
    a = ap.parse_args(argv)
    only = [s.strip() for s in a.only.split(",")] if a.only else list(ORDER)
    unknown = [s for s in only if s not in ORDER]
    if unknown:
        ap.error(f"--only: unknown {', '.join(unknown)}; choose from {', '.join(ORDER)}")
    # a quick run is a smoke test: its figures never replace the real ones unless asked
    out = Path(a.out) if a.out else (None if a.quick else BENCH_DIR / "RESULTS.md")
    start = machine_info()
    log(f"load average at start: {start['load'][0]:.1f} on {start['cpus']} CPUs")
    ws = _workspace(a)
    log(f"scratch folder {ws.workdir}; corpus: {ws.corpus_label}")
    total = Report()
    try:
        for name in ORDER:
            if name in only:
                _run_one(name, _bench(name), ws, total)
                if out is not None:  # what is measured so far survives an interrupted run
                    write_results(out, total.rows, start, machine_info(), total.notes + ["(run in progress)"],
                                  total.profiles, " ".join(sys.argv[1:] if argv is None else argv))
        _stand_in(ws, total)
    finally:
        ws.close()
    _finish(total, start, out, " ".join(sys.argv[1:] if argv is None else argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
