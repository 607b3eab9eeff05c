"""A large, valid graph batch made from seeded random Chinese text, for scale tests."""
from __future__ import annotations

import hashlib
import random

import numpy as np

from govgraph.graph.store.base import Vectors
from govgraph.ingest.batch import (ENTITY_LABELS, REL_TYPES, Edge, Evidence, GraphBatch, Node, Passage, ReportInfo,
                          node_id, report_id_for)

# Common characters of government prose; random strings of them make plausible bigrams.
CHARS = ("国家政府工作报告发展改革建设管理服务推进加强完善落实开展组织城市区县部门单位企业合作交流"
         "文化教育科技创新经济社会民生安全生态环境保护规划实施制度法治监督检查标识外语友好")
MATERIALISED = {"AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES"}


def synthetic_batch(n_passages: int = 2000, n_nodes: int = 3000, n_edges: int = 5000, seed: int = 7,
                    file: str = "synthetic-large.txt", dim: int = 384) -> tuple[GraphBatch, Vectors]:
    rng = random.Random(seed)
    rid = report_id_for(file)
    texts = ["".join(rng.choice(CHARS) for _ in range(rng.randint(40, 120))) for _ in range(n_passages)]
    text = "\n".join(texts)
    passages, pos = [], 0
    for i, t in enumerate(texts):
        passages.append(Passage(f"{rid}:p{i}", rid, i, t, pos, pos + len(t), section="synthetic",
                                role=rng.choice(("achievement", "problem", "plan", "other")),
                                year=rng.choice((2020, 2021, 2022))))
        pos += len(t) + 1

    def evidence() -> Evidence:
        p = rng.choice(passages)
        a = rng.randrange(0, len(p.text) - 6)
        b = a + rng.randint(2, 6)
        return Evidence(rid, file, p.id, p.start + a, p.start + b, text[p.start + a:p.start + b])

    nodes = []
    for i in range(n_nodes):
        label = ENTITY_LABELS[i % len(ENTITY_LABELS)]
        name = f"实体{i}"
        nodes.append(Node(node_id(label, name), label, name, [f"别名{i}"], None, {"rank": i},
                          [evidence() for _ in range(rng.randint(1, 3))]))
    types = [t for t in REL_TYPES if t not in MATERIALISED]
    edges, seen = [], set()
    while len(edges) < n_edges:
        s, t = rng.sample(nodes, 2)
        e = Edge(s.id, t.id, rng.choice(types), {}, [evidence()])
        if e.key not in seen:
            seen.add(e.key)
            edges.append(e)
    author = nodes[0]
    report = ReportInfo(rid, "synthetic", file, hashlib.sha256(text.encode()).hexdigest(), 2022,
                        author.name, author.id, chars=len(text))
    batch = GraphBatch(report, passages, nodes, edges, text,
                       tokens={p.id: [p.text[j:j + 2] for j in range(len(p.text) - 1)] for p in passages})
    nrng = np.random.default_rng(seed)
    pv = nrng.normal(size=(n_passages, dim)).astype(np.float32)
    pv /= np.linalg.norm(pv, axis=1, keepdims=True)
    ev = nrng.normal(size=(n_nodes, dim)).astype(np.float32)
    ev /= np.linalg.norm(ev, axis=1, keepdims=True)
    return batch, Vectors("synthetic", pv, [n.id for n in nodes], ev)
