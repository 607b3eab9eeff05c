"""Response models: they document the API at /docs and are what Schemathesis checks against."""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field

from govgraph.ingest.vocabulary import Direction, FileStatus, Genre, Label, RelType, Role


class Problem(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""


class EvidenceOut(BaseModel):
    report: str
    file: str
    passage: str
    start: int
    end: int
    text: str


class EvidenceRich(EvidenceOut):
    title: Optional[str] = None
    section: Optional[str] = None
    year: Optional[int] = None


class NodeOut(BaseModel):
    id: str
    label: Label
    name: str
    aliases: list[str] = Field(default_factory=list)
    name_en: Optional[str] = None
    props: dict[str, Any] = Field(default_factory=dict)


class NodeWithDegree(NodeOut):
    degree: int = 0


class EdgeOut(BaseModel):
    id: str
    source: str
    target: str
    type: RelType
    props: dict[str, Any] = Field(default_factory=dict)
    evidence: list[EvidenceOut] = Field(default_factory=list)


class SubgraphOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    truncated: bool = False


class Health(BaseModel):
    status: str
    store: str
    reports: int
    passages: int
    nodes: int
    edges: int
    model: Optional[str] = None
    # The embedded store's generation (its manifest version): it moves on every committed write,
    # by this server or another process, once the server has reloaded it. None on Neo4j.
    generation: Optional[int] = None
    # False while `govgraph serve` loads its model, dictionaries and GeoNames index in the background
    # (a few seconds after start); requests are answered meanwhile, only slower.
    warm: bool = True


class Stats(BaseModel):
    reports: int
    passages: int
    nodes: dict[str, int]
    edges: dict[str, int]


class HitOut(BaseModel):
    passage: str
    report: str
    file: str
    title: Optional[str] = None
    section: Optional[str] = None
    role: Optional[Role] = None
    year: Optional[int] = None
    text: str
    start: int
    end: int
    score: float
    # years of the same series' near-duplicate passages folded into this hit
    also_in: list[int] = []


class SearchOut(BaseModel):
    query: str
    hits: list[HitOut]


class AnswerOut(BaseModel):
    id: str
    label: Label
    name: str
    score: float
    evidence: list[EvidenceOut]
    # false: a span of the evidence text answers where the graph holds no entity; its id is no node
    entity: bool = True


class AskOut(BaseModel):
    question: str
    label: Optional[Label] = None
    answers: list[AnswerOut]
    passages: list[HitOut]
    # Indicator points by year for a question naming years (graph.time.ask), else null.
    time: Optional[dict] = None


class RowAnswerOut(AnswerOut):
    """An aggregation question (哪些区…) answers with one row per agency: its years and reports."""
    years: list[int]
    reports: list[str]
    count: int
    status: list[str]


class AggregateAskOut(AskOut):
    answers: list[RowAnswerOut]
    aggregate: dict[str, str]


class EntityPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[NodeWithDegree]


class NeighborRef(BaseModel):
    id: str
    label: Label
    name: str
    direction: Direction


class EntityOut(NodeOut):
    evidence: list[EvidenceRich]
    neighbors: dict[str, list[NeighborRef]]


class PathOut(BaseModel):
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class PathsOut(BaseModel):
    paths: list[PathOut]


class ReportSummary(BaseModel):
    id: str
    title: str
    file: str
    year: Optional[int] = None
    author: Optional[str] = None
    genre: Optional[Genre] = None
    chars: int = 0
    passages: int = 0


class ReportList(BaseModel):
    items: list[ReportSummary]


class PassageOut(BaseModel):
    id: str
    index: int
    section: str
    role: Role
    year: Optional[int] = None
    start: int
    end: int
    text: str


class Mention(BaseModel):
    entity: str
    label: Label
    name: str
    start: int
    end: int


class ReportOut(ReportSummary):
    text: str
    passages: list[PassageOut]
    mentions: list[Mention]


class IngestFileOut(BaseModel):
    file: str
    status: FileStatus
    report: Optional[str] = None
    error: Optional[str] = None
    passages: int = 0
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0


class IngestOut(BaseModel):
    ok: bool
    counts: dict[str, int]
    files: list[IngestFileOut]


class RemovedOut(BaseModel):
    removed: str
    file: str


class CypherIn(BaseModel):
    query: str = Field(..., max_length=5000)
    params: dict[str, Any] = Field(default_factory=dict)


class CypherOut(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
