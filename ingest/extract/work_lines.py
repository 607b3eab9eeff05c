"""Which line of work a sentence stands under, passage by passage (the section/line state machine).

Reports number their lines of work: a heading （三）… opens a section line, 一是… inside it is an
item line that is PART_OF the section line, and a paragraph that goes on under the same heading
stays in its line. A work report without numbers heads a run of sentences with a short topic
clause (强化政策支持。), which the following sentences' policies are implemented by.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govgraph.ingest.batch import Passage

from .mentions import Mention

_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d+、)")


def is_heading_sentence(s: str) -> bool:
    """A short sentence without figures that can head what follows (落实上级要求，持续优化防控措施。)."""
    return len(s.strip("。；;！ ")) <= 24 and s.count("，") <= 1 and not any(c.isdigit() for c in s)


@dataclass
class WorkLines:
    """State carried across the passages of one report, in reading order."""
    section_line: Mention | None = None     # the line opened by the last （一）… heading
    carried: tuple[str, Mention] | None = None  # (section, line) the previous passage ended in
    line: Mention | None = None             # the line the current sentence stands in
    item: Mention | None = None             # the line or topic clause heading the current run
    is_heading: bool = False
    heads: list[Mention] | None = None

    def enter(self, p: Passage, ms: list[Mention], passage_text: str) -> list[Mention]:
        """Start a passage; returns its mentions (a problems section lists shortcomings, not lines of work)."""
        self.line = None
        if self.carried is not None and p.section and self.carried[0] == p.section and p.role != "problem":
            self.line = self.carried[1]
        self.item = None
        if p.role == "problem":
            # 一是…不够均衡 in a problems section lists shortcomings, not lines of work
            ms = [m for m in ms if not m.props.get("line")]
        self.heads = [m for m in ms if m.props.get("line")]
        self.is_heading = bool(self.heads) and _HEADING.match(passage_text) is not None
        return ms

    def see(self, m: Mention) -> Mention | None:
        """A mention read in the current sentence; returns the section line a new item line is PART_OF."""
        if not m.props.get("line"):
            return None
        self.line = m
        if self.section_line is not None and not self.is_heading and m is not self.section_line:
            # 一是… under （一）…: the item is part of its section's line of work
            return self.section_line
        return None

    def end_sentence(self, mentions: list[Mention], sentence_text: str) -> None:
        topics = [m for m in mentions if m.label == "Measure" and (m.props.get("line") or m.props.get("clause"))]
        if topics and (topics[0].props.get("line") or is_heading_sentence(sentence_text)):
            # 强化政策支持。/ 落实上级要求，持续优化防控措施。: a short sentence that heads what follows
            self.item = topics[-1]

    def leave(self, p: Passage, passage_text: str) -> None:
        self.carried = (p.section, self.line) if self.line is not None and p.section else None
        if self.is_heading:
            self.section_line = self.heads[0]
        elif _TOP_HEADING.match(passage_text):
            self.section_line = None
