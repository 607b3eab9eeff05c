"""The Neo4j write of a base revision's store code against this tree's, alternately on one server
(issue 18). A write's server CPU falls by half over a fresh server's first runs and moves by
~20% with the shared machine's load (docs/neo4j.md, session 11), so the two are compared in one
process, on one warm server, in an order that cancels a steady drift (base, tree, tree, base).

The base's `graph/store` is read from git (`git show REV:graph/store/...`) into a temporary folder
and imported as the package `govgraph.graph._base_store` (its relative imports stay inside it; the
rest of govgraph is this tree's). Every run empties the database, writes the first N reports of an
embedded store as `govgraph ingest` does (begin_bulk, queue_batch, settle, flush) and prints wall,
the server's CPU and the writer's CPU of the puts and of the flush, and the node and relationship
counts per label and type, which must be equal across runs.

`embedded` writes them into a new embedded store (its CPU is this process's): the baseline.

`--profile K` instead writes the first K reports, then the next 3 groups with every write
statement run under PROFILE, and prints each statement's database hits (robust where CPU seconds
are noise).

    GOVGRAPH_NEO4J_URI=bolt://... python bench/neo4j_write_ab.py --batches-from STORE \\
        [--base main] [-n 155] [--warmup 40] embedded base tree tree base embedded
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from neo4j_scale_bench import ServerCpu
from scale_bench import _write_timed, batches_from_store

ROOT = Path(__file__).resolve().parent.parent
BASE_PACKAGE = "govgraph.graph._base_store"


def load_base(rev: str, into: Path):
    """The base revision's graph/store as an importable package; returns its neo4j_store module."""
    names = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", f"{rev}:graph/store"],
                           check=True, capture_output=True, text=True).stdout.split()
    pkg = into / "_base_store"
    pkg.mkdir()
    for name in names:
        if name.endswith(".py"):
            text = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:graph/store/{name}"],
                                  check=True, capture_output=True, text=True).stdout
            (pkg / name).write_text(text, "utf-8")
    spec = importlib.util.spec_from_file_location(BASE_PACKAGE, pkg / "__init__.py",
                                                  submodule_search_locations=[str(pkg)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[BASE_PACKAGE] = module
    spec.loader.exec_module(module)
    return importlib.import_module(f"{BASE_PACKAGE}.neo4j_store")


def counts(store) -> tuple:
    """Nodes per label and relationships per type: what two codes' writes must agree on."""
    labels = Counter({r["l"]: r["n"] for r in store._read(
        "MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n")})
    types = Counter({r["t"]: r["n"] for r in store._read(
        "MATCH ()-[e]->() RETURN type(e) AS t, count(*) AS n")})
    return tuple(sorted(labels.items())), tuple(sorted(types.items()))


def write(store, items, server: ServerCpu) -> dict:
    store.clear()
    store.flush()
    s0, w0, c0 = server.seconds(), time.perf_counter(), time.process_time()
    store.begin_bulk()
    _write_timed(store, items)
    s1, w1, c1 = server.seconds(), time.perf_counter(), time.process_time()
    store.flush()
    s2, w2 = server.seconds(), time.perf_counter()
    return {"puts_wall": w1 - w0, "puts_server": s1 - s0, "writer": c1 - c0,
            "flush_wall": w2 - w1, "flush_server": s2 - s1}


# -- PROFILE of the write statements ---------------------------------------------------------------

def db_hits(plan: dict) -> int:
    return int(plan.get("dbHits", 0)) + sum(db_hits(c) for c in plan.get("children", []))


class _Profiled:
    """A result whose summary's database hits are added to `hits[name]` once consumed."""

    def __init__(self, result, name: str, hits: Counter) -> None:
        self._result, self._name, self._hits = result, name, hits

    def _count(self) -> None:
        self._hits[self._name] += db_hits(self._result.consume().profile or {})

    def single(self):
        rec = self._result.single()
        self._count()
        return rec

    def consume(self):
        self._count()


class ProfilingTx:
    """A transaction that runs every statement under PROFILE, named after the module constant
    holding its text."""

    def __init__(self, tx, names: dict[str, str], hits: Counter) -> None:
        self._tx, self._names, self._hits = tx, names, hits

    def run(self, query: str, **params):
        name = self._names.get(query, query.strip().splitlines()[0][:40])
        return _Profiled(self._tx.run("PROFILE " + query, **params), name, self._hits)


def statement_names(store_module) -> dict[str, str]:
    out = {}
    for mod_name in ("neo4j_cypher", "neo4j_brief"):
        mod = importlib.import_module(store_module.__name__.rsplit(".", 1)[0] + "." + mod_name)
        out.update({v: k for k, v in vars(mod).items() if isinstance(v, str) and k.isupper()})
    return out


def profile(store_module, items, skip: int, server: ServerCpu) -> Counter:
    """Database hits per statement of the 3 groups written after the first `skip` reports."""
    from govgraph.graph.store.neo4j_bulk import GROUP_REPORTS
    store = store_module.Neo4jStore.from_env()
    store.clear()
    store.flush()
    store.begin_bulk()
    _write_timed(store, items[:skip])
    hits: Counter = Counter()
    names = statement_names(store_module)
    plain = store_module._write_new_reports
    store_module._write_new_reports = lambda tx, puts: plain(ProfilingTx(tx, names, hits), puts)
    try:
        _write_timed(store, items[skip:skip + 3 * GROUP_REPORTS])
    finally:
        store_module._write_new_reports = plain
    store.flush()
    store.close()
    return hits


def write_embedded(items, into: Path) -> tuple[float, float]:
    """Wall and CPU seconds (this process: the embedded store writes in it) of the same write into
    a new embedded store, the baseline the issue's 3x is measured against."""
    import shutil
    from govgraph.graph.store.embedded import EmbeddedStore
    path = into / "embedded"
    shutil.rmtree(path, ignore_errors=True)
    w0, c0 = time.perf_counter(), time.process_time()
    store = EmbeddedStore(path)
    store.begin_bulk()
    _write_timed(store, items)
    store.flush()
    store.close()
    return time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batches-from", required=True, metavar="STORE", help="an embedded store holding vectors")
    ap.add_argument("--base", default="main", help="the revision whose graph/store is compared (default main)")
    ap.add_argument("-n", type=int, default=155, help="reports written each run (default all)")
    ap.add_argument("--warmup", type=int, default=40, help="reports written once by each code first (default 40)")
    ap.add_argument("--profile", type=int, metavar="K", help="PROFILE 3 groups after the first K reports instead")
    ap.add_argument("runs", nargs="*", choices=("base", "tree", "embedded"), default=["base", "tree", "tree", "base"])
    a = ap.parse_args()
    batches, vectors = batches_from_store(a.batches_from)
    items = [(b, vectors[b.report.id]) for b in batches]
    from govgraph.graph.store import neo4j_store as tree_module
    with tempfile.TemporaryDirectory() as tmp:
        modules = {"base": load_base(a.base, Path(tmp)), "tree": tree_module}
        probe = tree_module.Neo4jStore.from_env()
        server = ServerCpu(probe)
        probe.close()
        if a.profile is not None:
            for name in a.runs:
                hits = profile(modules[name], items, a.profile, server)
                print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in hits.most_common())
                      + f" | total {sum(hits.values())}", flush=True)
            return
        stores = {k: m.Neo4jStore.from_env() for k, m in modules.items()}
        for name in ("base", "tree"):
            write(stores[name], items[:a.warmup], server)
        seen = {}
        for name in a.runs:
            if name == "embedded":
                wall, cpu = write_embedded(items[:a.n], Path(tmp))
                print(f"embedded {a.n} reports: wall {wall:6.1f} s, CPU {cpu:6.1f} s", flush=True)
                continue
            r = write(stores[name], items[:a.n], server)
            seen[name] = counts(stores[name])
            total = r["puts_server"] + r["writer"] + r["flush_server"]
            print(f"{name:4s} {a.n} reports: puts wall {r['puts_wall']:6.1f} s, server CPU {r['puts_server']:6.1f} s,"
                  f" writer CPU {r['writer']:5.1f} s | flush wall {r['flush_wall']:5.1f} s, server CPU"
                  f" {r['flush_server']:5.1f} s | total CPU {total:6.1f} s, wall {r['puts_wall'] + r['flush_wall']:6.1f} s",
                  flush=True)
        if len(set(seen.values())) > 1:
            print("COUNTS DIFFER:", seen)
        else:
            print("node and relationship counts equal:", dict(next(iter(seen.values()))[0]),
                  dict(next(iter(seen.values()))[1]))
        for s in stores.values():
            s.close()


if __name__ == "__main__":
    main()
