"""The small typed record every finder returns: one entity mention in the report text."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Mention:
    label: str
    start: int          # absolute offsets into the report text
    end: int
    surface: str        # text[start:end]
    name: str           # canonical name after resolution
    aliases: set[str] = field(default_factory=set)
    props: dict[str, Any] = field(default_factory=dict)
    name_en: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class Relation:
    source: Mention
    type: str
    target: Mention
    start: int          # the evidence span (a sentence or clause) in the report text
    end: int
    props: dict[str, Any] = field(default_factory=dict)
