"""The typed output of ingest: one GraphBatch per report.

This module is the whole contract between `ingest` and `graph`: `graph` imports these
types and nothing else from `ingest`, so Chinese parsing never leaks into the stores.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from .vocabulary import ENTITY_LABELS, SYMMETRIC, IndicatorKind, Label, RelType, Role

# The names as tuples, for callers that check membership or list them in messages (vocabulary.py).
LABELS: tuple[Label, ...] = tuple(Label)
REL_TYPES: tuple[RelType, ...] = tuple(RelType)
ROLES: tuple[Role, ...] = tuple(Role)

__all__ = ["ENTITY_LABELS", "LABELS", "REL_TYPES", "ROLES", "SYMMETRIC", "Edge", "Evidence", "GraphBatch",
           "Node", "Passage", "ReportInfo", "node_id", "passage_id", "report_of_passage", "report_id_for", "INDICATOR", "PLAN", "TARGET",
           "ACTUAL"]

# Time records (ingest.time -> graph.time): an Indicator node is one figure of a report (props indicator,
# value, unit, kind, year, approx); a Plan node holds the planned tasks of one plan passage (props year, keys).
INDICATOR = Label.INDICATOR
PLAN = Label.PLAN
TARGET = IndicatorKind.TARGET
ACTUAL = IndicatorKind.ACTUAL


@lru_cache(maxsize=1 << 17)  # a report asks for its author's and places' ids thousands of times
def node_id(label: str, name: str) -> str:
    """Stable id shared by every report that names the same entity.

    A short hash keeps ids URL- and CSV-safe whatever the name holds; the label prefix
    keeps them readable in exports and logs.
    """
    digest = hashlib.sha1(f"{label}\x1f{name}".encode("utf-8")).hexdigest()[:16]
    return f"{label.lower()}-{digest}"


def report_id_for(file_name: str) -> str:
    """A report's id comes from its file name, so re-ingesting a file replaces it."""
    return "report-" + hashlib.sha1(file_name.encode("utf-8")).hexdigest()[:16]


def passage_id(report_id: str, index: int) -> str:
    """The id of a report's passage number `index` (from 0, in reading order)."""
    return f"{report_id}#p{index:04d}"


def report_of_passage(pid: str) -> str:
    """The report id a passage id (passage_id) was made from."""
    return pid.rsplit("#p", 1)[0]


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: report, passage and character offsets into the report text."""
    report: str
    file: str
    passage: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Evidence":
        return Evidence(d["report"], d["file"], d["passage"], int(d["start"]), int(d["end"]), d["text"])


@dataclass
class ReportInfo:
    id: str
    title: str
    file: str
    sha256: str
    year: int | None = None
    author: str | None = None
    # Node id of the author Agency in this batch; the store draws AUTHORED from it.
    author_id: str | None = None
    genre: str | None = None
    chars: int = 0
    encoding: str | None = None
    format: str | None = None
    # Version of the ingest rules that built the batch (ingest.pipeline.PIPELINE_VERSION): a file
    # ingested again unchanged is rebuilt when the rules have changed since.
    pipeline: int | None = None
    # Time (ingest.time.place): the year reviewed and the year planned; the jurisdiction or body the
    # report speaks for (坪山区, 广东省, 国务院) and the earlier name its text shows it had (坪山新区).
    reviews: int | None = None
    plans: int | None = None
    place: str | None = None
    place_before: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Passage:
    id: str
    report: str
    index: int
    text: str
    start: int
    end: int
    section: str = ""
    role: str = Role.OTHER
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Node:
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A vocabulary member (Label.PLAN) becomes its plain string here, once, so stores, pickles and
        # exports (GraphML accepts no enum values) never see the enum type.
        self.label = str(self.label)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "name": self.name,
            "aliases": list(self.aliases), "name_en": self.name_en,
            "props": dict(self.props), "evidence": [e.to_dict() for e in self.evidence],
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Node":
        return Node(d["id"], d["label"], d["name"], list(d.get("aliases") or []), d.get("name_en"),
                    dict(d.get("props") or {}), [Evidence.from_dict(e) for e in d.get("evidence") or []])


@dataclass
class Edge:
    source: str
    target: str
    type: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.type = str(self.type)  # a RelType member becomes its plain string, as Node's label does

    @property
    def key(self) -> tuple[str, str, str]:
        if self.type in SYMMETRIC and self.target < self.source:
            return (self.target, self.type, self.source)
        return (self.source, self.type, self.target)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "type": self.type,
            "props": dict(self.props), "evidence": [e.to_dict() for e in self.evidence],
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Edge":
        return Edge(d["source"], d["target"], d["type"], dict(d.get("props") or {}),
                    [Evidence.from_dict(e) for e in d.get("evidence") or []])


@dataclass
class GraphBatch:
    """Everything one report contributes: the report, its passages, entities and relations.

    Entity nodes here carry only this report's evidence; stores merge them with what other
    reports said about the same id. Report and Passage nodes and the AUTHORED,
    HAS_PASSAGE and MENTIONED_IN edges are implied by `report`, `passages` and the
    evidence lists; stores materialise them.
    """
    report: ReportInfo
    passages: list[Passage]
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    text: str = ""
    # Texts to embed for entities: node id -> "name aliases name_en context".
    entity_texts: dict[str, str] = field(default_factory=dict)
    # Lexical tokens per passage id (jieba for Chinese, words for English), so that stores
    # can build BM25 without knowing how Chinese is segmented.
    tokens: dict[str, list[str]] = field(default_factory=dict)

    def validate(self) -> None:
        """Every node and edge must point into this report's text: evidence is not optional."""
        ids = {p.id for p in self.passages}
        node_ids = {n.id for n in self.nodes}
        n_text = len(self.text)
        for item in [*self.nodes, *self.edges]:
            if not item.evidence:
                raise ValueError(f"no evidence on {item!r}")
            for ev in item.evidence:
                if ev.passage not in ids or not (0 <= ev.start < ev.end <= n_text):
                    raise ValueError(f"evidence out of range on {item!r}: {ev}")
                if self.text[ev.start:ev.end] != ev.text:
                    raise ValueError(f"evidence text does not slice the report on {item!r}: {ev}")
        for e in self.edges:
            if e.source not in node_ids or e.target not in node_ids:
                raise ValueError(f"edge end not in batch: {e!r}")
        if self.report.author_id and self.report.author_id not in node_ids:
            raise ValueError(f"author {self.report.author_id} not in batch")
