"""Loading a `govgraph export --format jsonl [--with-vectors]` file into an empty store.

The export holds every entity and relation merged across reports, each piece of evidence
naming its report. Splitting the evidence by report gives back one GraphBatch per report, which
any store takes through `put_batch`; both stores merge batches in report-id order with the rules
of merge.py, so exporting the imported store gives the same file (tests/reliability/test_import.py).
Report text is rebuilt from the passages at their offsets (what the Neo4j store serves too);
AUTHORED, HAS_PASSAGE, MENTIONED_IN and CITES are derived again by the store, not read.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from govgraph.ingest.batch import ENTITY_LABELS, Edge, Evidence, GraphBatch, Node, Passage, ReportInfo
from .base import GraphStore, PutResult, Vectors, text_at_offsets

DERIVED_EDGE_TYPES = ("AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES")
Tokenizer = Callable[[str], list[str]]


class ImportFileError(ValueError):
    """The file is not a govgraph jsonl export; the message names the file and line."""


@dataclass
class ImportPlan:
    model: str | None
    batches: list[tuple[GraphBatch, Vectors | None]] = field(default_factory=list)


def _records(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        with open(path, encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError as e:
                    raise ImportFileError(f"{path}:{no}: not JSON ({e})") from None
                if not isinstance(rec, dict) or rec.get("kind") not in ("meta", "node", "edge"):
                    raise ImportFileError(f"{path}:{no}: not a govgraph export record (kind node, edge or meta)")
                yield no, rec
    except OSError as e:
        raise ImportFileError(f"cannot read {path}: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        raise ImportFileError(f"{path}: not UTF-8 text ({e.reason})") from None


def _evidence(rec: dict) -> list[Evidence]:
    return [Evidence.from_dict(e) for e in rec.get("evidence") or []]


def _by_report(items: Iterable[Evidence]) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = defaultdict(list)
    for e in items:
        out[e.report].append(e)
    return out


def plan_import(path: Path, tokenize: Tokenizer) -> ImportPlan:
    """Read and check the whole file before anything is written: one batch per report."""
    model = None
    reports: dict[str, ReportInfo] = {}
    passages: dict[str, list[Passage]] = defaultdict(list)
    p_vecs: dict[str, list[float]] = {}
    e_vecs: dict[str, list[float]] = {}
    nodes: dict[str, list[Node]] = defaultdict(list)
    edges: dict[str, list[Edge]] = defaultdict(list)
    try:
        for no, rec in _records(path):
            kind = rec["kind"]
            if kind == "meta":
                model = rec.get("model")
            elif kind == "node" and rec["label"] == "Report":
                props = dict(rec.get("props") or {})
                title = rec["name"] if rec["name"] != props.get("file") else ""
                reports[rec["id"]] = ReportInfo(id=rec["id"], title=title, **props)
            elif kind == "node" and rec["label"] == "Passage":
                p = Passage(id=rec["id"], **rec.get("props") or {})
                passages[p.report].append(p)
                if "embedding" in rec:
                    p_vecs[p.id] = rec["embedding"]
            elif kind == "node":
                if rec["label"] not in ENTITY_LABELS:
                    raise ImportFileError(f"{path}:{no}: unknown label {rec['label']!r}")
                for rid, evs in _by_report(_evidence(rec)).items():
                    nodes[rid].append(Node(rec["id"], rec["label"], rec["name"], list(rec.get("aliases") or []),
                                           rec.get("name_en"), dict(rec.get("props") or {}), evs))
                if "embedding" in rec:
                    e_vecs[rec["id"]] = rec["embedding"]
            elif rec["type"] not in DERIVED_EDGE_TYPES:
                for rid, evs in _by_report(_evidence(rec)).items():
                    edges[rid].append(Edge(rec["source"], rec["target"], rec["type"],
                                           dict(rec.get("props") or {}), evs))
    except (KeyError, TypeError) as e:
        raise ImportFileError(f"{path}: a record lacks or mistypes field {e}") from None
    for rid in (*passages, *nodes, *edges):
        if rid not in reports:
            raise ImportFileError(f"{path}: evidence or passages name report {rid!r}, which has no Report record")

    plan = ImportPlan(model)
    for rid in sorted(reports):
        ps = sorted(passages.get(rid, []), key=lambda p: p.index)
        batch = GraphBatch(reports[rid], ps, nodes.get(rid, []), edges.get(rid, []),
                           text=text_at_offsets(ps, reports[rid].chars),
                           tokens={p.id: tokenize(p.text) for p in ps})
        plan.batches.append((batch, _vectors(batch, model, p_vecs, e_vecs, path)))
    return plan


def _vectors(batch: GraphBatch, model: str | None, p_vecs: dict, e_vecs: dict, path: Path) -> Vectors | None:
    if model is None or not p_vecs:
        return None
    missing = [p.id for p in batch.passages if p.id not in p_vecs]
    if missing:
        raise ImportFileError(f"{path}: passage {missing[0]} has no embedding while others have")
    dim = len(next(iter(p_vecs.values())))
    ids = [n.id for n in batch.nodes if n.id in e_vecs]
    try:
        pv = np.asarray([p_vecs[p.id] for p in batch.passages], dtype=np.float32).reshape(len(batch.passages), dim)
        ev = np.asarray([e_vecs[i] for i in ids], dtype=np.float32).reshape(len(ids), dim) if ids else None
    except ValueError as e:
        raise ImportFileError(f"{path}: embeddings of report {batch.report.id} are not all {dim} numbers ({e})") from None
    return Vectors(model, pv, ids, ev)


def import_plan(store: GraphStore, plan: ImportPlan, on_report: Callable[[ReportInfo], None] | None = None) -> int:
    """Put every batch; the store must be empty (an import never merges into a collection). A
    report goes to `on_report` once the store committed it (queue_batch); the first put that fails
    stops the import with its error, after the reports committed before it were reported."""
    if store.reports():
        raise ValueError("the target store already holds reports; import into an empty store")
    reports = {b.report.id: b.report for b, _ in plan.batches}

    def settled(results: list[PutResult]) -> None:
        for r in results:
            if r.error is None and on_report:
                on_report(reports[r.report])
        for r in results:
            if r.error is not None:
                raise r.error

    store.begin_bulk()
    for batch, vectors in plan.batches:
        settled(store.queue_batch(batch, vectors))
    settled(store.settle_queued())
    store.flush()
    return len(plan.batches)
