"""What a store must answer for some batches, worked out from the batches alone."""
from __future__ import annotations

from collections import Counter

from govgraph.ingest.batch import Edge, Evidence, GraphBatch, SYMMETRIC


def edge_key(e: Edge) -> tuple[str, str, str]:
    if e.type in SYMMETRIC:
        s, t = sorted((e.source, e.target))
        return (s, e.type, t)
    return (e.source, e.type, e.target)


def node_evidence(batches: list[GraphBatch]) -> dict[str, set[Evidence]]:
    out: dict[str, set[Evidence]] = {}
    for b in batches:
        for n in b.nodes:
            out.setdefault(n.id, set()).update(n.evidence)
    return out


def edge_evidence(batches: list[GraphBatch]) -> dict[tuple, set[Evidence]]:
    out: dict[tuple, set[Evidence]] = {}
    for b in batches:
        for e in b.edges:
            out.setdefault(edge_key(e), set()).update(e.evidence)
    return out


def labels(batches: list[GraphBatch]) -> dict[str, str]:
    return {n.id: n.label for b in batches for n in b.nodes}


def mentions(batches: list[GraphBatch]) -> dict[str, set[str]]:
    """passage id -> ids of entities with evidence in it."""
    out: dict[str, set[str]] = {}
    for b in batches:
        for n in b.nodes:
            for ev in n.evidence:
                out.setdefault(ev.passage, set()).add(n.id)
    return out


def stats(batches: list[GraphBatch]) -> dict:
    nodes = Counter(labels(batches).values())
    nodes["Report"] = len(batches)
    nodes["Passage"] = sum(len(b.passages) for b in batches)
    edges = Counter(k[1] for k in edge_evidence(batches))
    edges["HAS_PASSAGE"] = nodes["Passage"]
    edges["AUTHORED"] = sum(1 for b in batches if b.report.author_id)
    edges["MENTIONED_IN"] = sum(len(v) for v in mentions(batches).values())
    edges["CITES"] = len({(b.report.id, n.id) for b in batches for n in b.nodes if n.label == "Policy"})
    return {"reports": len(batches), "passages": nodes["Passage"],
            "nodes": {k: v for k, v in sorted(nodes.items()) if v},
            "edges": {k: v for k, v in sorted(edges.items()) if v}}


def passage_index(batches: list[GraphBatch]) -> dict:
    """passage id -> (passage, report info)."""
    return {p.id: (p, b.report) for b in batches for p in b.passages}
