"""Neo4j at collection scale (issue 18): the corpus written at 1x and then 4x (copies under new
report ids and files, so entities gather reports as in real life), against the embedded store
in the same run.

- write: the whole corpus (with vectors) into Neo4j against the embedded store;
- flat writes: per-report write time of the last quarter of a 4x ingest against the first;
- search p50 and ask p95 against the embedded store (queries interleaved, one after the other);
- graph: neighbourhood depth 1 p50, report overview p95, 5 shortest paths p95, called as the API
  calls them (SHOWN_EVIDENCE pieces of evidence per relation), next to a bare `RETURN 1` timed in
  the same run, so a reader can tell the machine's load from the views' own cost.

    GOVGRAPH_NEO4J_URI=... python bench/neo4j_scale_bench.py [--quick] [--clear-neo4j] [--out FILE]
        [--factors 1,4] [--batches-from STORE]
or  python tools/neo4j_server.py run -- python bench/neo4j_scale_bench.py --clear-neo4j

--views-only writes the corpus without vectors and times the graph views alone (no embedded store,
no search); --batches-from STORE takes the batches from an embedded store's segments instead of
parsing the corpus (as scale_bench.py).
"""
from __future__ import annotations

import shutil
import statistics
import sys
import time

import numpy as np

import common
from common import Report, Row, Timer, log, percentiles
from graph_bench import sample_entities
from queries import queries
from scale_bench import _write_timed
from search_bench import Floor, make_service
from workspace import Workspace, clone_batch

FACTORS = (1, 4)
K = 10
WRITE_RATIO = 3.0          # Neo4j write of the corpus <= 3x the embedded store
FLAT_RATIO = 1.2           # last quarter of a 4x ingest <= 1.2x the first quarter, per report
SEARCH_RATIO = 2.0         # search p50 and ask p95 <= 2x the embedded store's
EGO_P50_MS, OVERVIEW_P95_MS, PATHS_P95_MS = 15.0, 100.0, 100.0


def _copy(batches, vectors, c: int):
    return [((b if c == 0 else clone_batch(b, c)), vectors[b.report.id]) for b in batches]


def bench_writes(ws: Workspace, rep: Report, neo, before_flush=None) -> tuple:
    from govgraph.graph.store.embedded import EmbeddedStore

    batches, vectors = ws.batches(), ws.vectors()
    items = _copy(batches, vectors, 0)
    path = ws.workdir / "neo4j-bench-embedded"
    shutil.rmtree(path, ignore_errors=True)
    log(f"embedded store: writing {len(items)} reports with vectors")
    emb = EmbeddedStore(path)
    with Timer() as te:
        emb.begin_bulk()  # as an ingest of a folder writes
        _write_timed(emb, items)
        emb.flush()
    log(f"Neo4j: writing {len(items)} reports with vectors")
    neo.clear()
    server = ServerCpu(neo)
    s0 = server.seconds()
    with Timer() as tp:
        neo.begin_bulk()
        per_report = _write_timed(neo, items)
    s1 = server.seconds()
    if before_flush is not None:
        before_flush(emb)  # timed outside the write
    s2 = server.seconds()
    with Timer() as tf:
        neo.flush()  # an ingest's last step: the vector index rebuild (neo4j_index_upkeep)
    wall, neo_cpu = tp.wall + tf.wall, (s1 - s0) + (server.seconds() - s2) + tp.cpu + tf.cpu
    rep.add(Row("neo4j 1x", "write corpus with vectors (Neo4j)", wall, "s",
                "embedded store, same batches (s)", te.wall, note=f"{len(items)} reports; "
                f"Neo4j {statistics.mean(per_report) * 1000:.0f} ms a report (mean; several reports per transaction); "
                f"flush (vector index rebuild) {tf.wall:.1f} s of it"))
    rep.rows[-1].target = ("<=", WRITE_RATIO * te.wall)
    rep.rows[-1].status = "PASS" if wall <= WRITE_RATIO * te.wall else "MISS"
    if server.found:
        rep.add(Row("neo4j 1x", "write corpus CPU (Neo4j server + client)", neo_cpu, "s",
                    "embedded store CPU (s)", te.cpu,
                    note=f"server {neo_cpu - tp.cpu - tf.cpu:.0f} s (of it flush {server.seconds() - s2:.0f} s), "
                         f"client {tp.cpu + tf.cpu:.0f} s; CPU does not wait on the machine's load as wall does"))
    return emb, per_report


class ServerCpu:
    """CPU seconds (user + system) of the Neo4j server process, found by the port it listens on
    (a local server, as tools/neo4j_server.py starts it); `found` is False for a remote one."""

    def __init__(self, neo) -> None:
        import psutil
        from urllib.parse import urlparse
        port = urlparse(neo.uri).port
        pids = {c.pid for c in psutil.net_connections(kind="tcp")
                if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port and c.pid}
        self._proc = psutil.Process(pids.pop()) if len(pids) == 1 else None
        self.found = self._proc is not None

    def seconds(self) -> float:
        if self._proc is None:
            return 0.0
        t = self._proc.cpu_times()
        return t.user + t.system


def bench_search(rep: Report, section: str, ws: Workspace, emb, neo, factor: int) -> None:
    """Floor, embedded and Neo4j, query by query in turn, so all three share the machine's load."""
    batches, vectors = ws.batches(), ws.vectors()
    floor = Floor(ws.query_encoder(), np.vstack([vectors[b.report.id].passages for b in batches] * factor))
    svcs = {"embedded": make_service(emb, ws.embedder()), "Neo4j": make_service(neo, ws.embedder())}
    qs = queries(ws.quick)
    for q in qs[:3]:  # warm-up
        floor(q)
        for s in svcs.values():
            s.search(q, k=K), s.ask(q, k=K)
    ms: dict[str, list[float]] = {}
    for q in qs:
        ms.setdefault("floor", []).append(_ms(lambda: floor(q)))
        ms.setdefault("RETURN 1", []).append(_round_trip(neo))
        for name, s in svcs.items():
            ms.setdefault(f"search {name}", []).append(_ms(lambda: s.search(q, k=K)))
            ms.setdefault(f"ask {name}", []).append(_ms(lambda: s.ask(q, k=K)))
    fl = percentiles(ms["floor"])
    note = f"{len(qs)} queries, k={K}; embedded store holds the 1x corpus" if factor > 1 else f"{len(qs)} queries, k={K}"
    # One bare round trip (a session, `RETURN 1`, its result), timed between the queries: what the
    # machine's load adds to every Neo4j call, so absolute latencies can be read against it.
    rt = percentiles(ms["RETURN 1"])
    rep.add(Row(section, "bare round trip RETURN 1 p50 (Neo4j)", rt["p50"], "ms", "", None,
                note=f"{len(qs)} calls between the queries; p95 {rt['p95']:.1f} ms"))
    for op, p in (("search", "p50"), ("search", "p95"), ("ask", "p50"), ("ask", "p95")):
        e, n = percentiles(ms[f"{op} embedded"])[p], percentiles(ms[f"{op} Neo4j"])[p]
        target = ("<=", SEARCH_RATIO * e) if factor == 1 and (op, p) in (("search", "p50"), ("ask", "p95")) else None
        rep.add(Row(section, f"{op} {p} (Neo4j)", n, "ms", f"embedded {op} {p}", e, target=target,
                    note=f"{note}; numpy floor {p} {fl[p]:.1f} ms"))


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def _round_trip(neo) -> float:
    # A bare query through the same read every view uses (Neo4jStore._read: one auto-commit
    # round trip since session 10, three before): the floor of any Neo4j call at this moment.
    return _ms(neo.round_trip)


def bench_graph(rep: Report, section: str, neo, ids: list[str], reports: list[str]) -> None:
    from govgraph.graph.analytics.ego import ego_network
    from govgraph.graph.analytics.paths import shortest_paths
    from govgraph.graph.views import SHOWN_EVIDENCE, overview

    shown = {"max_evidence": SHOWN_EVIDENCE}
    floor: list[float] = []
    server: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}

    def interleaved(fn, items, rounds=1, warmup=2, name=""):
        """fn's latencies (ms), a RETURN 1 timed after each call so both see the same load, the
        server's own time of each call (Neo4jStore.server_ms: summed from the result summaries)
        and this process's CPU time for it (decoding and building the view: what the machine's
        load stretches least)."""
        for item in list(items)[:warmup]:
            fn(item)
        out = []
        for _ in range(rounds):
            for item in items:
                before, cpu0 = getattr(neo, "server_ms", 0.0), time.process_time()
                out.append(_ms(lambda: fn(item)))
                cpu.setdefault(name, []).append((time.process_time() - cpu0) * 1000)
                server.setdefault(name, []).append(getattr(neo, "server_ms", 0.0) - before)
                floor.append(_round_trip(neo))
        return out

    ego = interleaved(lambda i: ego_network(neo, i, depth=1, **shown), ids, rounds=2, name="ego")
    sizes = sorted(len(ego_network(neo, i, depth=1, **shown).nodes) for i in ids)
    ov = interleaved(lambda r: overview(neo, report=r, **shown), reports, warmup=1, name="overview")
    pairs = [(ids[i], ids[(i + len(ids) // 2) % len(ids)]) for i in range(len(ids))]
    pairs = [(a, b) for a, b in pairs if a != b]
    found = sum(1 for a, b in pairs if shortest_paths(neo, a, b, n=5, **shown))
    pt = interleaved(lambda ab: shortest_paths(neo, *ab, n=5, **shown), pairs, warmup=0, name="paths")
    one = percentiles(floor)
    rep.add(Row(section, "bare RETURN 1 p50 (Neo4j)", one["p50"], "ms", "", None,
                note=f"{len(floor)} calls, one after each view call below; p95 {one['p95']:.1f} ms"))

    def ratio(v: float) -> str:
        return f"{v / one['p50']:.0f}x RETURN 1 p50" if one["p50"] else ""

    e, o, p = percentiles(ego), percentiles(ov), percentiles(pt)
    se, so, sp = (percentiles(server[k]) for k in ("ego", "overview", "paths"))
    ce, co, cp = (percentiles(cpu[k]) for k in ("ego", "overview", "paths"))
    rep.add(Row(section, "neighbourhood depth 1 p50 (Neo4j)", e["p50"], "ms", "", None,
                target=("<=", EGO_P50_MS),
                note=f"{len(ids)} entities across the degree ranking, median {sizes[len(sizes) // 2]} nodes; "
                     f"p95 {e['p95']:.0f} ms; {ratio(e['p50'])}; server p50 {se['p50']:.0f} ms; "
                     f"client CPU p50 {ce['p50']:.1f} ms"))
    rep.add(Row(section, "report overview p95 (Neo4j)", o["p95"], "ms", "", None,
                target=("<=", OVERVIEW_P95_MS),
                note=f"{len(reports)} reports, graph.views.overview (limit 300); p50 {o['p50']:.0f} ms; "
                     f"{ratio(o['p95'])}; server p95 {so['p95']:.0f} ms; client CPU p95 {co['p95']:.1f} ms"))
    rep.add(Row(section, "5 shortest paths p95 (Neo4j)", p["p95"], "ms", "", None,
                target=("<=", PATHS_P95_MS),
                note=f"{len(pairs)} pairs, {found} connected; allShortestPaths, then SHORTEST k when fewer "
                     f"than 5; no graph read into Python; p50 {p['p50']:.0f} ms; {ratio(p['p95'])}; "
                     f"server p95 {sp['p95']:.0f} ms; client CPU p95 {cp['p95']:.1f} ms"))


def _sample_briefs(neo, n: int) -> list[str]:
    """graph_bench.sample_entities over the light read: entities spread over the degree ranking."""
    _, briefs = neo.find_briefs(limit=10_000_000)  # best connected first
    connected = [b.id for b in briefs if b.degree]
    return connected[::max(1, len(connected) // n)][:n]


def run_views_only(ws: Workspace, factors=FACTORS) -> Report:
    """The graph views alone, at 1x and the largest factor: the corpus written without vectors."""
    rep = Report()
    neo = ws.neo4j()
    if neo is None:
        rep.note(f"Neo4j scale bench: {ws.neo4j_reason}")
        return rep
    batches = ws.batches()
    neo.clear()
    for c in range(max(factors)):
        log(f"Neo4j: writing copy {c} ({len(batches)} reports, no vectors)")
        with Timer() as t:
            for b in batches:
                neo.put_batch(b if c == 0 else clone_batch(b, c))
        log(f"  {t.wall:.0f} s")
        if c + 1 in factors:
            if c == 0:
                ids = _sample_briefs(neo, 12 if ws.quick else 20)
                reports = [b.report.id for b in batches][:10 if ws.quick else 20]
            log(f"Neo4j {c + 1}x: graph queries")
            bench_graph(rep, f"neo4j {c + 1}x", neo, ids, reports)
    _note_size(rep, neo)
    rep.note("--views-only: the corpus written without vectors; no embedded store, no search")
    return rep


def _note_size(rep: Report, neo) -> None:
    st = neo.stats()
    rep.note(f"Neo4j at the end: {st['reports']} reports, {st['passages']:,} passages, "
             f"{sum(v for k, v in st['nodes'].items() if k not in ('Report', 'Passage')):,} entities")


def run(ws: Workspace, factors=FACTORS, unflushed=False, views=True) -> Report:
    rep = Report()
    neo = ws.neo4j()
    if neo is None:
        rep.note(f"Neo4j scale bench: {ws.neo4j_reason}")
        return rep
    batches, vectors = ws.batches(), ws.vectors()
    # --unflushed-too: search and ask also before the flush's index rebuild, as main left the
    # indexes (one Lucene segment per put), in the same run and on the same data.
    before = (lambda emb: bench_search(rep, "neo4j 1x, before flush", ws, emb, neo, 1)) if unflushed else None
    emb, first = bench_writes(ws, rep, neo, before)
    ws.mark_neo4j_loaded()
    ids = sample_entities(emb, 12 if ws.quick else 20)
    reports = [b.report.id for b in batches][:10 if ws.quick else 20]
    log("Neo4j 1x: search, ask and graph queries")
    bench_search(rep, "neo4j 1x", ws, emb, neo, 1)
    if views:
        bench_graph(rep, "neo4j 1x", neo, ids, reports)
    if max(factors) > 1:
        last: list[float] = []
        flushes: list[float] = []
        for c in range(1, max(factors)):
            log(f"Neo4j: writing copy {c} ({len(batches)} reports)")
            neo.begin_bulk()
            last = _write_timed(neo, _copy(batches, vectors, c))
            with Timer() as tf:
                neo.flush()
            log(f"  flush (vector index rebuild) {tf.wall:.1f} s")
            flushes.append(tf.wall)
        ws._neo4j_loaded = False  # the copies stay; whoever needs the 1x corpus reloads it
        f = max(factors)
        q1, q4 = statistics.mean(first), statistics.mean(last)
        rep.add(Row(f"neo4j {f}x", "write per report, last quarter of the ingest (Neo4j)", q4 * 1000, "ms",
                    "first quarter (ms a report)", q1 * 1000, target=None,
                    note=f"{f * len(batches)} reports written in order, several per transaction (so means, not "
                         f"medians); flush after each copy (vector index "
                         f"rebuild) {', '.join(f'{x:.0f}' for x in flushes)} s, not in the per-report times"))
        rep.rows[-1].target = ("<=", FLAT_RATIO * q1 * 1000)
        rep.rows[-1].status = "PASS" if q4 <= FLAT_RATIO * q1 else "MISS"
        log(f"Neo4j {f}x: search, ask and graph queries")
        bench_search(rep, f"neo4j {f}x", ws, emb, neo, f)
        if views:
            bench_graph(rep, f"neo4j {f}x", neo, ids, reports)
    _note_size(rep, neo)
    emb.close()
    return rep


def main(argv: list[str] | None = None) -> int:
    import argparse
    from run_all import standalone
    from scale_bench import batches_from_store
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--views-only", action="store_true",
                     help="write the corpus without vectors and time the graph views alone (no search)")
    own.add_argument("--factors", default="1,4", help="copies of the corpus, 1 and the largest are measured (default 1,4)")
    own.add_argument("--unflushed-too", action="store_true",
                     help="also time search and ask at 1x before the flush rebuilds the vector indexes")
    own.add_argument("--no-views", action="store_true", help="writes, search and ask only (no graph views)")
    own.add_argument("--batches-from", metavar="STORE",
                     help="take the corpus's batches and vectors from this embedded store's segments "
                          "instead of parsing and embedding")
    a, rest = own.parse_known_args(sys.argv[1:] if argv is None else argv)

    def run_here(ws: Workspace) -> Report:
        if a.batches_from:
            batches, vectors = batches_from_store(a.batches_from)
            ws.set_batches(batches)
            ws._vectors = vectors
        factors = tuple(int(x) for x in a.factors.split(","))
        return run_views_only(ws, factors) if a.views_only else run(ws, factors, a.unflushed_too, not a.no_views)
    return standalone(run_here, rest)


if __name__ == "__main__":
    sys.exit(main())
