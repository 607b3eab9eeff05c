"""Turning batch items into Neo4j rows and back (the data model is drawn in docs/neo4j.md).

What one report says about an entity sits on that report's own `(:Report)-[:MENTIONS]->(:Entity)`
relationship (the name, aliases and English name it used, its props, and its evidence spans);
what it says about a relation sits on its own `(:Statement)` node, linked `(:Report)-[:STATES]->`.
An entity or relation itself holds only what every reader wants at a glance (name, label,
queryable props). So a write creates its own relationships and statements and never rewrites
what other reports contributed, and removing a report deletes exactly its own items.

Reading merges the per-report parts in Python with the rules both stores share
(graph.store.merge), in report-id order, so both stores give identical nodes and edges.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from govgraph.ingest.batch import Edge, Evidence, Node, Passage, ReportInfo
from .base import NodeBrief
from .merge import canonical_edge, edge_id, merge_aliases, merge_edge, merge_node

# Properties the store manages on entity nodes; a batch prop with one of these names is kept
# on the report's MENTIONS only, so it cannot clobber bookkeeping.
RESERVED = frozenset({
    "id", "label", "name", "name_en", "names", "aliases_text", "name_report", "name_en_report",
    "embedding", "embedding_report", "key", "report", "type", "source", "target",
    "shown_aliases", "shown_alias_order", "shown_prop_keys", "shown_prop_order", "shown_prop_values",
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
    """The props a Cypher user can query directly (n.kind, r.since) on entities and relations."""
    return {k: v for k, v in props.items() if k not in RESERVED and _storable(v)}


# json.dumps with options builds a new JSONEncoder at every call; one kept encoder gives the same
# text (a write encodes ~1,200 small values a report: each entity's props and each prop value).
compact_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _props_json(props: dict[str, Any]) -> str | None:
    # Exact per-report props (order, nulls, nested values) for the round trip; None when empty.
    return compact_json(props) if props else None


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


def _spans(evidence: Sequence[Evidence]) -> dict[str, list]:
    """A report's evidence for one item as four aligned lists, in the batch's order."""
    return {"passages": [e.passage for e in evidence], "starts": [e.start for e in evidence],
            "ends": [e.end for e in evidence], "texts": [e.text for e in evidence]}


def check_evidence(report: ReportInfo, what: str, evidence: Sequence[Evidence]) -> None:
    """A report's items carry only its own evidence: the store files it under that report."""
    for e in evidence:
        if e.report != report.id or e.file != report.file:
            raise ValueError(f"report {report.id}: {what} has evidence of report {e.report!r} "
                             f"(file {e.file!r}); a batch may only hold evidence of its own report")


# What a report's MENTIONS and Statement hold: the write statements set these by name
# (neo4j_cypher.MERGE_ENTITIES, MERGE_RELATIONS).
MENTION_KEYS = ("name", "aliases", "name_en", "props", "passages", "starts", "ends", "texts")
# The node properties of what a view shows of an entity (neo4j_brief.Shown.as_row), in its order.
SHOWN_FIELDS = ("shown_aliases", "shown_alias_order", "shown_prop_keys", "shown_prop_order", "shown_prop_values")
STATEMENT_KEYS = ("key", "report", "type", "source", "target", "props", "passages", "starts", "ends", "texts")


def entity_row(n: Node) -> dict[str, Any]:
    names = [n.name, *n.aliases] + ([n.name_en] if n.name_en else [])
    mention = {"name": n.name, "aliases": list(n.aliases) or None, "name_en": n.name_en,
               "props": _props_json(n.props), **_spans(n.evidence)}
    return {"id": n.id, "label": n.label, "name": n.name, "name_en": n.name_en,
            "names": [s for s in dict.fromkeys(names) if s], "flat": flat_props(n.props),
            "mention": {k: mention[k] for k in MENTION_KEYS if mention[k] is not None},
            "in_passages": list(dict.fromkeys(e.passage for e in n.evidence))}


def statement_row(e: Edge, report_id: str) -> dict[str, Any]:
    stmt = {"key": edge_id(e), "report": report_id, "type": e.type, "source": e.source, "target": e.target,
            "props": _props_json(e.props), **_spans(e.evidence)}
    return {"s": e.source, "t": e.target, "type": e.type, "flat": flat_props(e.props),
            "statement": {k: stmt[k] for k in STATEMENT_KEYS if stmt[k] is not None}}


def _evidence(rid: str, file: str, part: dict[str, Any]) -> list[Evidence]:
    return [Evidence(rid, file, p, int(s), int(e), t) for p, s, e, t in
            zip(part.get("passages") or [], part.get("starts") or [], part.get("ends") or [],
                part.get("texts") or [])]


def _ordered(parts: list) -> list:
    """[report id, file, part] triples, lowest report id first (the order merges follow)."""
    return sorted(parts or [], key=lambda x: x[0])


class _EvidenceSet:
    """Evidence merged across reports as merge_evidence does (the first part kept as it is, later
    ones without repeats), in linear time: a hub's parts are many."""

    def __init__(self):
        self.items: list[Evidence] = []
        self.seen: set[tuple] = set()

    def add(self, evs: list[Evidence]) -> None:
        first = not self.items
        for e in evs:
            k = (e.passage, e.start, e.end)
            if first or k not in self.seen:
                self.seen.add(k)
                self.items.append(e)


def _node_fields(name: str, ordered: list) -> tuple[str, list[str], str | None, dict[str, Any]]:
    """Name, aliases, English name and props merged from the reports' MENTIONS (ordered)."""
    first = ordered[0][2]
    node_name = first.get("name") or name
    aliases: list[str] = list(first.get("aliases") or [])
    name_en = None
    props: dict[str, Any] = {}
    for i, (_, _, part) in enumerate(ordered):
        if i:
            aliases = merge_aliases(node_name, aliases, part.get("aliases") or [])
        name_en = name_en or part.get("name_en")
        for k, v in json.loads(part.get("props") or "{}").items():
            props.setdefault(k, v)
    return node_name, aliases, name_en, props


def node_from(node_id: str, label: str, name: str, parts: list) -> Node:
    """An entity with every report's MENTIONS merged, lowest report id first."""
    ordered = _ordered(parts)
    if not ordered:  # only a half-written node could lack a report
        return Node(node_id, label, name)
    ev = _EvidenceSet()
    for rid, file, part in ordered:
        ev.add(_evidence(rid, file, part))
    return Node(node_id, label, *_node_fields(name, ordered), ev.items)


def brief_from(node_id: str, label: str, name: str, parts: list, mentions: int, degree: int) -> NodeBrief:
    """An entity as views show it, from the distinct sayings of its MENTIONS ([lowest report id,
    [name, aliases, name_en, props]], NODE_BRIEFS): a repeated saying adds nothing to the merge,
    except that any second report drops the name from the first one's aliases."""
    ordered = [[rid, "", {"name": said[0], "aliases": said[1], "name_en": said[2], "props": said[3]}]
               for rid, said in sorted(parts or [], key=lambda x: x[0])]
    if not ordered:
        return NodeBrief(node_id, label, name, degree=degree)
    node_name, aliases, name_en, props = _node_fields(name, ordered)
    if mentions > 1:
        aliases = merge_aliases(node_name, aliases, [])
    return NodeBrief(node_id, label, node_name, aliases, name_en, props, degree)


def edge_from(source: str, target: str, rel_type: str, parts: list) -> Edge:
    props: dict[str, Any] = {}
    ev = _EvidenceSet()
    for rid, file, part in _ordered(parts):
        for k, v in json.loads(part.get("props") or "{}").items():
            props.setdefault(k, v)
        ev.add(_evidence(rid, file, part))
    return Edge(source, target, rel_type, props, ev.items)


def shown_edge_from(source: str, target: str, rel_type: str, props_said: list[str], spans: list,
                    max_evidence: int) -> Edge:
    """A relation as views show it (EDGES_AMONG_SHOWN): props merged from every statement's
    distinct props in report order, evidence from the first statements' spans, cut."""
    props: dict[str, Any] = {}
    for said in props_said or []:
        for k, v in json.loads(said).items():
            props.setdefault(k, v)
    ev = _EvidenceSet()
    for rid, file, passages, starts, ends, texts in spans or []:
        ev.add(_evidence(rid, file, {"passages": passages, "starts": starts, "ends": ends, "texts": texts}))
    return Edge(source, target, rel_type, props, ev.items[:max_evidence])


_REPORT_FIELDS = ("id", "title", "file", "sha256", "year", "author", "author_id", "genre", "chars",
                  "encoding", "format", "pipeline", "reviews", "plans", "place", "place_before")
_PASSAGE_FIELDS = ("id", "report", "index", "text", "start", "end", "section", "role", "year")


def report_props(r: ReportInfo) -> dict[str, Any]:
    return {k: v for k, v in r.to_dict().items() if v is not None}


def report_from(props: dict[str, Any]) -> ReportInfo:
    required = {k: props.get(k) for k in ("id", "title", "file", "sha256")}
    return ReportInfo(**required, **{k: props[k] for k in _REPORT_FIELDS if k in props and k not in required})


def passage_row(p: Passage, embedding: list[float] | None, words: list[str] | None = None) -> dict[str, Any]:
    """The passage's properties and its lexical tokens space-joined in `words` (the
    PASSAGE_WORDS_INDEX; passage_from does not read it back). Every passage written has `words`,
    also an empty one: a passage without it was written before they were kept."""
    # The fields read as they are (Passage holds only scalars): dataclasses.asdict deep-copies each
    # one, 0.2 s of the writer's CPU per 1,000 passages (cProfile, 48 corpus reports).
    row = {k: v for k in _PASSAGE_FIELDS if (v := getattr(p, k)) is not None}
    row["words"] = " ".join(words or ())
    if embedding is not None:
        row["embedding"] = embedding
    return row


def passage_from(props: dict[str, Any]) -> Passage:
    # Fields a passage was stored without (None is never stored) come back as null: the defaults.
    return Passage(**{k: props[k] for k in _PASSAGE_FIELDS if props.get(k) is not None})
