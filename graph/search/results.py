"""What search and ask return: small typed records whose to_dict() is the JSON of /search and /ask."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govgraph.ingest.batch import Evidence


@dataclass
class Hit:
    """One retrieved passage with where it stands in its report."""
    passage: str
    report: str
    file: str
    title: str
    section: str
    role: str
    year: int | None
    text: str
    start: int
    end: int
    score: float
    # Years of the same series' reports whose near-duplicate passage was folded into this hit.
    also_in: list[int] = field(default_factory=list)
    # Files of the folded passages (not in the JSON; evaluation counts a folded passage as shown).
    folded: list[str] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "passage": self.passage, "report": self.report, "file": self.file, "title": self.title,
            "section": self.section, "role": self.role, "year": self.year, "text": self.text,
            "start": self.start, "end": self.end, "score": round(float(self.score), 6),
            "also_in": list(self.also_in),
        }


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    mode: str = "hybrid"

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "hits": [h.to_dict() for h in self.hits]}


@dataclass
class Answer:
    """An entity of the asked label, with only the evidence that lies in the retrieved passages."""
    id: str
    label: str
    name: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    # Why it ranks where it does, e.g. ["CARRIED_OUT", "MENTIONED_IN"]; for logs and debugging.
    via: list[str] = field(default_factory=list)
    # False for a span of the evidence text that answers where the graph holds no entity
    # (graph/search/text_answers.py): its id names the span, not a node.
    entity: bool = True

    def names(self) -> list[str]:
        return [self.name, *self.aliases, *([self.name_en] if self.name_en else [])]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "name": self.name, "score": round(float(self.score), 6),
            "evidence": [e.to_dict() for e in self.evidence], "entity": self.entity,
        }


@dataclass
class AskResult:
    question: str
    label: str | None
    answers: list[Answer] = field(default_factory=list)
    passages: list[Hit] = field(default_factory=list)
    focus: str = ""
    lang: str = "zh"
    # The indicator points of the years a question names (graph/time/ask.py), else None.
    time: dict | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question, "label": self.label,
            "answers": [a.to_dict() for a in self.answers],
            "passages": [h.to_dict() for h in self.passages],
            "time": self.time,
        }
