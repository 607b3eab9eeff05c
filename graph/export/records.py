"""The whole graph as plain records, the shape DESIGN.md gives for `export --format jsonl`.

Every export format is written from these records, so all of them hold the same nodes
and edges: entities and their relations as the store keeps them, plus the Report and
Passage nodes and the AUTHORED, HAS_PASSAGE, MENTIONED_IN and CITES edges that stores
derive rather than keep (built here through the GraphStore interface only, so the counts
agree with `store.stats()` whatever the backend).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from govgraph.ingest.batch import Evidence, Node, Passage, ReportInfo
from govgraph.graph.store.base import GraphStore

# Passage nodes are named by the start of their text: enough to recognise them in a
# graph view, while the full text stays in props.
PASSAGE_NAME_CHARS = 40


@dataclass
class GraphRecords:
    """Node and edge records in export order: documents first, then entities, then edges."""
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)

    def labels(self) -> dict[str, str]:
        """Node id -> label, which edge writers need to address both ends."""
        return {n["id"]: n["label"] for n in self.nodes}


def evidence_dict(e: Evidence) -> dict[str, Any]:
    # Built by hand: dataclasses.asdict deep-copies and is the slowest step of an export.
    return {"report": e.report, "file": e.file, "passage": e.passage, "start": e.start, "end": e.end,
            "text": e.text}


def node_record(node_id: str, label: str, name: str, aliases: list[str] | None = None,
                name_en: str | None = None, props: dict[str, Any] | None = None,
                evidence: list[Evidence] | None = None) -> dict[str, Any]:
    return {"kind": "node", "id": node_id, "label": label, "name": name,
            "aliases": list(aliases or []), "name_en": name_en, "props": dict(props or {}),
            "evidence": [evidence_dict(e) for e in evidence or []]}


def edge_record(source: str, target: str, type_: str, props: dict[str, Any] | None = None,
                evidence: list[Evidence] | None = None) -> dict[str, Any]:
    return {"kind": "edge", "source": source, "target": target, "type": type_,
            "props": dict(props or {}), "evidence": [evidence_dict(e) for e in evidence or []]}


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def report_record(r: ReportInfo) -> dict[str, Any]:
    props = _drop_none({k: v for k, v in r.to_dict().items() if k not in ("id", "title")})
    return node_record(r.id, "Report", r.title or r.file, props=props)


def passage_evidence(p: Passage, file: str) -> Evidence:
    return Evidence(p.report, file, p.id, p.start, p.end, p.text)


def passage_record(p: Passage, file: str) -> dict[str, Any]:
    name = p.text if len(p.text) <= PASSAGE_NAME_CHARS else p.text[:PASSAGE_NAME_CHARS] + "…"
    props = _drop_none({k: v for k, v in p.to_dict().items() if k != "id"})
    return node_record(p.id, "Passage", name, props=props, evidence=[passage_evidence(p, file)])


def entity_record(n: Node) -> dict[str, Any]:
    return node_record(n.id, n.label, n.name, n.aliases, n.name_en, n.props, n.evidence)


def _edge_sort_key(e) -> tuple:
    return (e.type, e.source, e.target)


def collect(store: GraphStore) -> GraphRecords:
    """Read the store once and return every node and edge record.

    Held in memory on purpose: CSV headers need every row's property types before the
    first row is written, and a second pass over a Neo4j store would cost more than the
    records take (a few hundred MB at most for the whole shared corpus).
    """
    out = GraphRecords()
    reports = sorted(store.reports(), key=lambda r: r.id)
    files = {r.id: r.file for r in reports}
    for r in reports:
        out.nodes.append(report_record(r))
    passages = sorted(store.iter_passages(), key=lambda p: (p.report, p.index, p.id))
    for p in passages:
        out.nodes.append(passage_record(p, files.get(p.report, "")))
    entities = sorted(store.iter_nodes(), key=lambda n: (n.label, n.id))
    for n in entities:
        out.nodes.append(entity_record(n))

    for e in sorted(store.iter_edges(), key=_edge_sort_key):
        out.edges.append(edge_record(e.source, e.target, e.type, e.props, e.evidence))
    out.edges.extend(_derived_edges(reports, passages, files, entities))
    return out


def _derived_edges(reports: list[ReportInfo], passages: list[Passage], files: dict[str, str],
                   entities: list[Node]) -> Iterator[dict[str, Any]]:
    """AUTHORED, HAS_PASSAGE, MENTIONED_IN and CITES, each with the evidence that implies it."""
    by_id = {n.id: n for n in entities}
    for r in reports:
        author = by_id.get(r.author_id) if r.author_id else None
        if author is not None:
            yield edge_record(author.id, r.id, "AUTHORED",
                              evidence=[e for e in author.evidence if e.report == r.id])
    for p in passages:
        yield edge_record(p.report, p.id, "HAS_PASSAGE", evidence=[passage_evidence(p, files.get(p.report, ""))])
    for n in entities:
        in_passage: dict[str, list[Evidence]] = {}
        for ev in n.evidence:
            in_passage.setdefault(ev.passage, []).append(ev)
        for pid, evs in in_passage.items():
            yield edge_record(n.id, pid, "MENTIONED_IN", evidence=evs)
    for n in entities:
        if n.label != "Policy":
            continue
        in_report: dict[str, list[Evidence]] = {}
        for ev in n.evidence:
            in_report.setdefault(ev.report, []).append(ev)
        for rid, evs in in_report.items():
            yield edge_record(rid, n.id, "CITES", evidence=evs)
