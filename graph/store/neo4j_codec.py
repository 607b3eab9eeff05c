"""Turning batch items into Neo4j property rows and back.

Neo4j properties hold scalars and flat lists only, never maps. So each entity and
relation keeps one JSON string per report that contributed to it (`contrib`, parallel to
`reports`): removing a report is a list filter in Cypher, and reading merges the
contributions in Python with the same rules as the embedded store (graph.store.merge), in
report-id order, so both stores give identical nodes and edges for the same batches.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

from govgraph.ingest.batch import Edge, Evidence, Node, Passage, ReportInfo
from .merge import canonical_edge, merge_edge, merge_node

# Properties the store manages itself; a batch prop with one of these names stays in the
# JSON contribution only, so it cannot clobber bookkeeping.
RESERVED = frozenset({
    "id", "label", "name", "aliases", "name_en", "reports", "contrib", "name_list",
    "name_reports", "names", "aliases_text", "embedding", "embedding_report", "report", "text",
})

_SCALARS = (str, int, float, bool)


def _storable(v: Any) -> bool:
    """Values Neo4j can keep as a property as they are: a scalar or a non-empty flat list of one type."""
    if isinstance(v, _SCALARS):
        return not (isinstance(v, int) and not isinstance(v, bool) and not -2**63 <= v < 2**63)
    if isinstance(v, list) and v:
        t = type(v[0])
        return t in _SCALARS and all(type(x) is t for x in v)
    return False


def flat_props(props: dict[str, Any]) -> dict[str, Any]:
    """The props a Cypher user can query directly (n.kind, r.since); the JSON stays the truth."""
    return {k: v for k, v in props.items() if k not in RESERVED and _storable(v)}


def _dumps(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def node_contrib(n: Node) -> str:
    return _dumps({"name": n.name, "aliases": list(n.aliases), "name_en": n.name_en,
                   "props": n.props, "evidence": [e.to_dict() for e in n.evidence]})


def edge_contrib(e: Edge) -> str:
    return _dumps({"props": e.props, "evidence": [ev.to_dict() for ev in e.evidence]})


def merge_batch_nodes(nodes: Iterable[Node]) -> list[Node]:
    """One node per id: a batch may name an entity twice."""
    out: dict[str, Node] = {}
    for n in nodes:
        out[n.id] = merge_node(out[n.id], n) if n.id in out else n
    return list(out.values())


def merge_batch_edges(edges: Iterable[Edge]) -> list[Edge]:
    """One edge per key, symmetric ones in id order, as they are stored."""
    out: dict[tuple, Edge] = {}
    for e in edges:
        e = canonical_edge(e)
        out[e.key] = merge_edge(out[e.key], e) if e.key in out else e
    return list(out.values())


def node_row(n: Node) -> dict[str, Any]:
    names = [n.name, *n.aliases] + ([n.name_en] if n.name_en else [])
    return {"id": n.id, "name": n.name, "name_en": n.name_en, "contrib": node_contrib(n),
            "names": [s for s in dict.fromkeys(names) if s], "flat": flat_props(n.props)}


def edge_row(e: Edge) -> dict[str, Any]:
    return {"s": e.source, "t": e.target, "contrib": edge_contrib(e), "flat": flat_props(e.props)}


def _ordered(reports: list[str], contrib: list[str]) -> list[dict]:
    pairs = sorted(zip(reports or [], contrib or []), key=lambda rc: rc[0])
    return [json.loads(c) for _, c in pairs]


def node_from(props: dict[str, Any]) -> Node:
    """A stored entity with every report's contribution merged, lowest report id first."""
    node: Node | None = None
    for c in _ordered(props.get("reports"), props.get("contrib")):
        part = Node(props["id"], props["label"], c.get("name") or props["name"], list(c.get("aliases") or []),
                    c.get("name_en"), dict(c.get("props") or {}),
                    [Evidence.from_dict(e) for e in c.get("evidence") or []])
        node = part if node is None else merge_node(node, part)
    if node is None:  # only a half-written node could lack contributions
        node = Node(props["id"], props["label"], props["name"])
    return node


def edge_from(source: str, target: str, rel_type: str, props: dict[str, Any]) -> Edge:
    edge: Edge | None = None
    for c in _ordered(props.get("reports"), props.get("contrib")):
        part = Edge(source, target, rel_type, dict(c.get("props") or {}),
                    [Evidence.from_dict(e) for e in c.get("evidence") or []])
        edge = part if edge is None else merge_edge(edge, part)
    return edge or Edge(source, target, rel_type)


_REPORT_FIELDS = ("id", "title", "file", "sha256", "year", "author", "author_id", "genre", "chars",
                  "encoding", "format", "pipeline", "reviews", "plans", "place", "place_before")
_PASSAGE_FIELDS = ("id", "report", "index", "text", "start", "end", "section", "role", "year")


def report_props(r: ReportInfo) -> dict[str, Any]:
    return {k: v for k, v in r.to_dict().items() if v is not None}


def report_from(props: dict[str, Any]) -> ReportInfo:
    required = {k: props.get(k) for k in ("id", "title", "file", "sha256")}
    return ReportInfo(**required, **{k: props[k] for k in _REPORT_FIELDS if k in props and k not in required})


def passage_row(p: Passage, embedding: list[float] | None) -> dict[str, Any]:
    row = {k: v for k, v in p.to_dict().items() if v is not None}
    if embedding is not None:
        row["embedding"] = embedding
    return row


def passage_from(props: dict[str, Any]) -> Passage:
    return Passage(**{k: props[k] for k in _PASSAGE_FIELDS if k in props})
