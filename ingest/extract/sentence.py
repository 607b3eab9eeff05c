"""The typed context every relation rule reads: one sentence, its mentions by label, its actor.

Chinese reports leave the subject out, so the actor of a measure or event is the author unless
the sentence opens with another body (会同区文旅局…, 北京冬奥组委主办的…). Each relation's evidence
is the sentence that states it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import word_list
from .mentions import Mention, Relation
from .partner_lists import listed_partners, third_party_list
from .resolve import ReportContext

_LEAD_TIME = re.compile(r"\s*(?:\d{4}年(?:\d{1,2}月)?(?:以来)?[，,]?)?")
_COOP_AFTER = re.compile(r"^(?:[、和及与]?[^，。；]{0,12}?)(?:沟通|合作|协作|对接|衔接|共同|联合|联动|签署|签订|共建|一道)")
LIST_JOINERS = "、和及与"


@dataclass
class Sentence:
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class SentenceContext:
    """One sentence of a report with everything a rule may need about where it stands.

    `text` is the whole report text; `line` the numbered line of work the sentence stands in;
    `item` the line or topic clause heading the run of sentences it belongs to.
    """
    text: str
    sentence: Sentence
    report: ReportContext
    author: Mention | None = None
    home: Mention | None = None
    year: int | None = None
    line: Mention | None = None
    item: Mention | None = None
    # the body that last opened a sentence, when the report's author is unknown (2022年，区政府坚持…；
    # …研究制定《…》): Chinese leaves the subject out for as long as it stays the same
    topic: Mention | None = None

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def body(self) -> str:
        return self.text[self.start:self.end]

    def __post_init__(self) -> None:
        # computed once, eagerly: every rule reads them, and functools.cached_property (which locks
        # in Python 3.11) cost 8% of extraction time here
        self.mentions: list[Mention] = sorted(self.sentence.mentions, key=lambda m: m.start)
        by_label: dict[str, tuple[Mention, ...]] = {}
        for m in self.mentions:
            by_label[m.label] = by_label.get(m.label, ()) + (m,)
        self._by_label = by_label
        self.actor: Mention | None = self._actor()
        self.partners: list[Mention] = self._partners()

    def of(self, label: str) -> tuple[Mention, ...]:
        """The sentence's mentions of one label, in text order."""
        return self._by_label.get(label, ())

    def before(self, m: Mention, n: int) -> str:
        """Up to `n` characters before a mention, never reaching outside the sentence."""
        return self.text[max(self.start, m.start - n):m.start]

    def relation(self, a: Mention, type_: str, b: Mention, **props) -> Relation | None:
        """A relation evidenced by this sentence; None for a mention related to itself."""
        if a is b or (a.label == b.label and a.name == b.name):
            return None
        return Relation(a, type_, b, self.start, self.end, props)

    def _actor(self) -> Mention | None:
        """A body opening the sentence (after a time phrase), else the author."""
        lead = _LEAD_TIME.match(self.body)
        lead_end = self.start + (lead.end() if lead else 0)
        for a in self.of("Agency"):
            if a.start == lead_end and not a.props.get("author_ref") and self.text[a.end:a.end + 1] not in ("的", "和", "、"):
                return a
        return self.author or self.topic

    def _partners(self) -> list[Mention]:
        """Bodies the actor works with: 会同X, 与X沟通衔接, 联合X, and the lists that follow them."""
        partners: list[Mention] = []
        author_name = self.author.name if self.author else None
        for m in self.of("Agency") + self.of("Organization"):
            if m is self.actor or m.props.get("author_ref") or m.name == author_name:
                continue
            before = self.before(m, 3)
            cue = next((c for c in word_list("cooperation_cues.txt") if before.endswith(c)), None)
            if cue is None:
                # a list: 会同区发改委、区文旅局
                prev = [p for p in partners if 0 < m.start - p.end <= 1 and self.text[p.end:m.start] in LIST_JOINERS]
                if prev:
                    partners.append(m)
                continue
            if cue in ("与", "同", "和"):
                # 与X only counts when a joint verb follows X
                if not _COOP_AFTER.match(self.text[m.end:self.end]) or \
                        third_party_list(self.text, self.start, m.start - len(cue)):
                    continue
            if cue == "支持" and not self.text[m.end:m.end + 2] in ("开展", "举办"):
                continue
            partners.append(m)
        bodies = self.of("Agency") + self.of("Organization")
        for m in listed_partners(self.text, self.start, self.end, bodies):
            if m not in partners and m is not self.actor and not m.props.get("author_ref") and m.name != author_name:
                partners.append(m)
        return partners


def implicit(label: str, name: str, near: Mention) -> Mention:
    """An entity the sentence implies without naming it in full (国务院 behind 总理)."""
    return Mention(label, near.start, near.end, near.surface, name, set(), {"implicit": True})


def implicit_place(info, near: Mention) -> Mention:
    return Mention("Place", near.start, near.end, near.surface, info.canonical, set(),
                   {"kind": info.kind, "foreign": info.foreign, "gazetteer": info.name, "implicit": True},
                   info.name_en)
