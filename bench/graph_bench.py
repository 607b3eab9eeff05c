"""Graph queries on each store: ego networks (depth 1 and 2), paths, subgraphs, p50/p95, beside
the same answers computed by networkx on an in-memory graph already built (the floor).

    python bench/graph_bench.py [--quick] [--skip-neo4j]
"""
from __future__ import annotations

import sys
from collections import deque
from itertools import islice

import common
from common import Report, Row, Timer, log, percentiles
from workspace import Workspace

SAMPLE = 20
MAX_NODES = 200  # ego_network's default cap; the floor walks with the same cap


def sample_entities(store, n: int) -> list[str]:
    """Entities spread evenly over the degree ranking: hubs, middling and sparse ones."""
    _, nodes = store.find_nodes(limit=10_000_000)  # best connected first
    degree = getattr(store, "degree", None) or (lambda i: len(store.edges_of(i)))
    connected = [x for x in nodes if degree(x.id)]
    if not connected:
        return []
    step = max(1, len(connected) // n)
    return [x.id for x in connected[::step][:n]]


def ego_floor(g, center: str, depth: int, cap: int = MAX_NODES) -> set:
    seen = {center}
    q = deque([(center, 0)])
    while q:
        u, d = q.popleft()
        if d == depth:
            continue
        for v in g.adj[u]:
            if v not in seen:
                if len(seen) >= cap:
                    return seen
                seen.add(v)
                q.append((v, d + 1))
    return seen


def bench_store(rep: Report, store, label: str, ids: list[str], g, quick: bool) -> None:
    import networkx as nx

    from govgraph.graph.analytics.ego import ego_network
    from govgraph.graph.analytics.paths import shortest_paths
    from govgraph.graph.views import among, overview

    rounds = 1 if quick else 2
    sec = "graph"

    def row(metric, samples, floor_samples, note=""):
        p, f = percentiles(samples, (50, 95)), percentiles(floor_samples, (50, 95))
        rep.add(Row(sec, f"{metric} p50 ({label})", p["p50"], "ms", "networkx in memory p50", f["p50"], note=note),
                Row(sec, f"{metric} p95 ({label})", p["p95"], "ms", "networkx in memory p95", f["p95"]))

    for depth in (1, 2):
        sizes = [len(ego_network(store, i, depth=depth).nodes) for i in ids]
        t = common.latencies(lambda i: ego_network(store, i, depth=depth), ids, rounds)
        fl = common.latencies(lambda i: ego_floor(g, i, depth), ids, rounds)
        row(f"ego network depth {depth}", t, fl,
            note=f"{len(ids)} entities, median {sorted(sizes)[len(sizes) // 2]} nodes (cap {MAX_NODES})")

    pairs = [(ids[i], ids[(i + len(ids) // 2) % len(ids)]) for i in range(len(ids)) if len(ids) > 1]
    pairs = [(a, b) for a, b in pairs if a != b]
    with Timer() as cold:
        shortest_paths(store, *pairs[0])
    t = common.latencies(lambda ab: shortest_paths(store, *ab), pairs, rounds, warmup=0)

    def path_floor(ab):
        try:
            return list(islice(nx.shortest_simple_paths(g, *ab), 5))
        except nx.NetworkXNoPath:
            return []
    fl = common.latencies(path_floor, pairs, rounds, warmup=0)
    found = sum(1 for ab in pairs if path_floor(ab))
    row("paths (5 shortest)", t, fl,
        note=f"{len(pairs)} pairs, {found} connected; first call {cold.wall * 1000:.0f} ms builds networkx")

    egos = [ego_network(store, i, depth=1) for i in ids]
    groups = [[n.id for n in sg.nodes] for sg in egos]
    t = common.latencies(lambda ns: among(store, ns), groups, rounds)
    fl = common.latencies(lambda ns: list(g.subgraph(ns).edges()), groups, rounds)
    row("subgraph among ego ids", t, fl, note="graph.views.among, the UI's 'ties among these'")

    reports = [r.id for r in store.reports()][:10 if quick else 20]
    t = common.latencies(lambda r: overview(store, report=r), reports, 1, warmup=1)

    def overview_floor(r):
        ns = [n for n, d in g.nodes(data=True) if r in d.get("reports", ())]
        return list(g.subgraph(ns[:300]).edges())
    fl = common.latencies(overview_floor, reports, 1, warmup=1)
    row("subgraph overview of a report", t, fl, note=f"{len(reports)} reports, graph.views.overview (limit 300)")


def floor_graph(store):
    """Undirected networkx graph of the entities, each node knowing its reports (for overview)."""
    import networkx as nx
    g = nx.Graph()
    for n in store.iter_nodes():
        g.add_node(n.id, reports={ev.report for ev in n.evidence})
    for e in store.iter_edges():
        if e.source != e.target:
            g.add_edge(e.source, e.target)
    return g


def run(ws: Workspace) -> Report:
    rep = Report()
    store = ws.embedded_store()
    ids = sample_entities(store, 12 if ws.quick else SAMPLE)
    with Timer() as tb:
        g = floor_graph(store)
    rep.note(f"graph: {g.number_of_nodes():,} entities, {g.number_of_edges():,} undirected ties; the floor's "
             f"networkx graph took {tb.wall:.1f} s to build (not counted in the floor)")
    log("graph queries on the embedded store")
    bench_store(rep, store, "embedded", ids, g, ws.quick)
    neo = ws.neo4j_loaded()
    if neo is None:
        rep.note(f"Neo4j graph queries: {ws.neo4j_reason}")
    else:
        log("graph queries on Neo4j")
        bench_store(rep, neo, "Neo4j", ids, g, ws.quick)
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
