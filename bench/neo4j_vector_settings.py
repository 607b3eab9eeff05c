"""What the HNSW settings of Neo4j's vector indexes cost to build and give back in recall (issue 18).

A bulk write's flush builds both vector indexes from every vector in the store (neo4j_index_upkeep);
for the corpus that was ~14 s of server CPU, 1.5x the embedded store's whole write (docs/neo4j.md,
session 11). Neo4j 5.26's vector-2.0 indexes take `vector.hnsw.m` (links per node, default 16),
`vector.hnsw.ef_construction` (candidates kept while linking, default 100) and
`vector.quantization.enabled`. For each setting asked, in turn and for several rounds (the
machine is noisy), this drops both indexes, creates them with it, waits until they are ONLINE and
takes the server's CPU for that; then it asks the passage and the entity index the gold
questions' nearest `k` and scores them against the exact nearest (numpy over every vector the
store holds): recall@k.

    GOVGRAPH_NEO4J_URI=bolt://... python bench/neo4j_vector_settings.py [--rounds 2] [-k 40] [--fetch 80] \\
        m16,ef100 m16,ef50 m8,ef100 m16,ef100,q
"""
from __future__ import annotations

import argparse
import json
import time

import numpy as np

from neo4j_scale_bench import ServerCpu


def parse(text: str):
    from govgraph.graph.store.neo4j_schema import VectorIndexSettings
    parts = dict.fromkeys(text.split(","), True)
    m = next(int(p[1:]) for p in parts if p.startswith("m"))
    ef = next(int(p[2:]) for p in parts if p.startswith("ef"))
    return VectorIndexSettings(m=m, ef_construction=ef, quantized="q" in parts)


def all_vectors(store, label: str) -> tuple[list[str], np.ndarray]:
    rows = store._read(f"MATCH (n:{label}) WHERE n.embedding IS NOT NULL RETURN n.id AS id, n.embedding AS v")
    ids = [r["id"] for r in rows]
    m = np.asarray([r["v"] for r in rows], dtype=np.float32)
    return ids, m / np.linalg.norm(m, axis=1, keepdims=True)


def recall(store, index: str, ids: list[str], m: np.ndarray, queries: np.ndarray, k: int, fetch: int) -> float:
    """Mean share of the exact nearest k that the index returns among its first k, asked for
    `fetch` (the store asks for max(2k, k + 20) and keeps the best k: the HNSW search keeps as
    many candidates as it is asked for)."""
    exact = np.argsort(-(queries @ m.T), axis=1)[:, :k]
    got = []
    for q, ex in zip(queries, exact):
        rows = store._read("CALL db.index.vector.queryNodes($index, $fetch, $v) YIELD node, score "
                           "RETURN node.id AS id ORDER BY score DESC LIMIT $k",
                           index=index, fetch=fetch, k=k, v=q.tolist())
        got.append(len({r["id"] for r in rows} & {ids[i] for i in ex}) / k)
    return float(np.mean(got))


def build(store, settings, dim: int, server: ServerCpu) -> tuple[float, float]:
    """Server CPU and wall of creating both vector indexes with `settings` until ONLINE."""
    from govgraph.graph.store.neo4j_index_upkeep import drop_vector_indexes
    from govgraph.graph.store.neo4j_schema import VECTOR_INDEXES, create_vector_index

    def work(s) -> tuple[float, float]:
        drop_vector_indexes(s)
        s0, w0 = server.seconds(), time.perf_counter()
        for name, label in VECTOR_INDEXES.items():
            create_vector_index(s, name, label, dim, settings)
        for name in VECTOR_INDEXES:
            s.run("CALL db.awaitIndex($name, 3600)", name=name).consume()
        return server.seconds() - s0, time.perf_counter() - w0
    return store._schema(work)


def main() -> None:
    from govgraph.graph.embedder import CachedEmbedder
    from govgraph.graph.store.neo4j_schema import ENTITY_VECTOR_INDEX, PASSAGE_VECTOR_INDEX, VectorIndexSettings
    from govgraph.graph.store.neo4j_store import Neo4jStore
    from govgraph.ingest.checkout import GOLD_QUESTIONS, shipped_gold
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("-k", type=int, default=40)
    ap.add_argument("--fetch", type=int, help="nearest asked of the index (default k)")
    ap.add_argument("settings", nargs="+", help="m<M>,ef<EF>[,q] (q: quantised)")
    a = ap.parse_args()
    store = Neo4jStore.from_env()
    server = ServerCpu(store)
    dim = store._read("MATCH (m:GovgraphMeta {id: 'store'}) RETURN m.dim AS dim")[0]["dim"]
    questions = [json.loads(line)["question"] for line in open(shipped_gold(GOLD_QUESTIONS), encoding="utf-8")
                 if line.strip()]
    emb = CachedEmbedder(store.model)
    queries = np.asarray(emb.queries(questions), dtype=np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    exact = {PASSAGE_VECTOR_INDEX: all_vectors(store, "Passage"), ENTITY_VECTOR_INDEX: all_vectors(store, "Entity")}
    print(f"{len(exact[PASSAGE_VECTOR_INDEX][0])} passage and {len(exact[ENTITY_VECTOR_INDEX][0])} entity vectors, "
          f"{len(questions)} questions, k = {a.k}, fetch = {a.fetch or a.k}", flush=True)
    for rnd in range(a.rounds):
        for text in a.settings:
            settings = parse(text)
            cpu, wall = build(store, settings, dim, server)
            r = {name: recall(store, name, ids, m, queries, a.k, a.fetch or a.k) for name, (ids, m) in exact.items()}
            print(f"round {rnd + 1} {text:14s} build: server CPU {cpu:6.1f} s, wall {wall:6.1f} s | recall@{a.k}"
                  f" passages {r[PASSAGE_VECTOR_INDEX]:.4f}, entities {r[ENTITY_VECTOR_INDEX]:.4f}", flush=True)
    build(store, VectorIndexSettings(), dim, server)  # leave the store as the code makes it
    store.close()


if __name__ == "__main__":
    main()
