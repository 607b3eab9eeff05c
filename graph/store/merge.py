"""Merging what several reports say about one entity or relation.

Both stores use these rules so that the same batches give the same graph whatever the
backend: evidence and aliases accumulate, the first English name wins, later props fill in.
"""
from __future__ import annotations

from govgraph.ingest.batch import Edge, Evidence, Node


def merge_evidence(into: list[Evidence], more: list[Evidence]) -> list[Evidence]:
    seen = {(e.passage, e.start, e.end) for e in into}
    out = list(into)
    for e in more:
        k = (e.passage, e.start, e.end)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def merge_aliases(name: str, into: list[str], more: list[str]) -> list[str]:
    out = [a for a in into if a != name]
    for a in more:
        if a != name and a not in out:
            out.append(a)
    return out


def merge_node(a: Node, b: Node) -> Node:
    props = dict(a.props)
    for k, v in b.props.items():
        props.setdefault(k, v)
    return Node(a.id, a.label, a.name, merge_aliases(a.name, a.aliases, b.aliases),
                a.name_en or b.name_en, props, merge_evidence(a.evidence, b.evidence))


def merge_edge(a: Edge, b: Edge) -> Edge:
    props = dict(a.props)
    for k, v in b.props.items():
        props.setdefault(k, v)
    return Edge(a.source, a.target, a.type, props, merge_evidence(a.evidence, b.evidence))


def canonical_edge(e: Edge) -> Edge:
    """Symmetric relations are kept once, in id order."""
    s, _, t = e.key
    if (s, t) == (e.source, e.target):
        return e
    return Edge(s, t, e.type, dict(e.props), list(e.evidence))


def edge_id(e: Edge) -> str:
    s, t, ty = e.key[0], e.key[2], e.type
    return f"{s}|{ty}|{t}"
