"""Cross-agency comparison: which agencies (or their districts, cities, provinces) do a thing, over a
whole collection, one row per agency with the reports, years and best sentence of each.

Retrieval is wide, not top-k: BM25 over the topic's words fetches every passage that shares one
(up to WIDE_K), and a passage counts when one of its sentences holds every term group of the topic
(each group as written or word by word). The actor of a matching sentence is the agency the sentence
names as doing a measure (a CARRIED_OUT or ORGANIZED edge whose evidence lies in the sentence) or, as
in most of a work report, where the subject is left unsaid, the report's author. Each actor is mapped
to its place for a district/city/province question (南山区人民政府 -> 南山区); only actors of the scope
asked for are rows, so nothing unrelated pads the answer. The passage's section role tells deeds
(achievement) from plans (plan).

This module reads no Chinese itself: the question reader (ingest.aggregation) is handed in.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any, Callable, Protocol, Sequence

from govgraph.ingest.batch import Evidence, Passage, ReportInfo, node_id
from ..store.base import Filters, GraphStore
from .results import Answer, AskResult, Hit

# Passages fetched per topic before the sentence test. The widest topic in the gold questions
# (城市更新) stands in about 700 of the 17,000 passages of the whole corpus.
WIDE_K = 3000
# Evidence sentences kept per row in `ask` answers (one per report, best first).
ASK_EVIDENCE = 5
ACTOR_EDGES = ("CARRIED_OUT", "ORGANIZED")
# Agencies with more edges than this (a district government: ~1000 per report) are authors, and
# reach their sentences as authors anyway; reading all their edges would cost more than the query.
HUB_DEGREE = 400
_SENTENCE_END = re.compile(r"[。！？；;!?\n]")
SCOPES = ("agency", "district", "city", "province")
_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[-–~:]\s*(\d{4}))?\s*$")


def parse_years(text: str | None) -> tuple[int, int] | None:
    """'2018-2025' -> (2018, 2025), '2021' -> (2021, 2021), None -> None; ValueError names the parameter."""
    if text is None or not str(text).strip():
        return None
    m = _YEARS.match(str(text))
    if not m:
        raise ValueError(f"years: expected YEAR or YEAR-YEAR such as 2018-2025, got {text!r}")
    lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
    if lo > hi:
        raise ValueError(f"years: the first year must not be after the second, got {text!r}")
    return lo, hi


class Status(str, Enum):
    """What a report says of the thing: done (achievement section), planned (plan section) or mentioned."""
    DONE = "done"
    PLANNED = "planned"
    MENTIONED = "mentioned"

    @staticmethod
    def of_role(role: str) -> "Status":
        return {"achievement": Status.DONE, "plan": Status.PLANNED}.get(role, Status.MENTIONED)


class TopicReader(Protocol):
    """What graph needs from the Chinese side (ingest.aggregation)."""
    def detect(self, question: str) -> Any | None: ...
    def groups(self, topic: str) -> list: ...
    def place_of(self, agency: str) -> Any | None: ...


@dataclass
class Mention:
    """One report's best sentence on the topic, for one agency."""
    report: str
    file: str
    title: str
    year: int | None
    passage: str
    start: int
    end: int
    text: str
    status: Status
    section: str = ""
    score: float = 0.0

    def evidence(self) -> Evidence:
        return Evidence(report=self.report, file=self.file, passage=self.passage, start=self.start,
                        end=self.end, text=self.text)

    def to_dict(self) -> dict[str, Any]:
        d = self.evidence().to_dict()
        d.update({"year": self.year, "status": self.status.value, "title": self.title, "section": self.section})
        return d


@dataclass
class AgencyRow:
    """One agency (or its place) and every report in which it does or plans the thing."""
    id: str
    label: str
    name: str
    agencies: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)  # one per report, by year
    agency_ids: list[str] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({m.year for m in self.mentions if m.year is not None})

    @property
    def reports(self) -> list[str]:
        return list(dict.fromkeys(m.report for m in self.mentions))

    @property
    def statuses(self) -> list[str]:
        return sorted({m.status.value for m in self.mentions})

    def best(self, n: int) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: (-m.score, -(m.year or 0)))[:n]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "name": self.name, "agencies": self.agencies,
                "count": len(self.reports), "years": self.years, "reports": self.reports,
                "status": self.statuses, "evidence": [m.to_dict() for m in self.mentions]}


@dataclass
class Comparison:
    topic: str
    scope: str
    rows: list[AgencyRow] = field(default_factory=list)
    terms: list[list[str]] = field(default_factory=list)
    passages: int = 0  # passages that matched the topic, whoever acted

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "scope": self.scope, "terms": self.terms, "matched_passages": self.passages,
                "rows": [r.to_dict() for r in self.rows]}


@dataclass
class RowAnswer(Answer):
    """An `ask` answer for an aggregation question: the row, in the shape of every other answer."""
    years: list[int] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update({"years": self.years, "reports": self.reports, "count": len(self.reports), "status": self.status})
        return d


@dataclass
class AggregateAskResult(AskResult):
    """`ask` on an aggregation question: answers are rows; `aggregate` tells the UI it can compare."""
    topic: str = ""
    scope: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["aggregate"] = {"topic": self.topic, "scope": self.scope}
        return d


# Words of one topic phrase found apart stand in order, with at most this many characters between
# them, none a punctuation mark or a joining word: 「国际化示范街区」 and 「党建引领推进基层治理」 speak of
# the phrase, 「国际化社区…样板街区」 and 「儿童公园等城市设施」 do not.
WORD_GAP = 2


@lru_cache(maxsize=4096)
def _pattern(alt: tuple[str, ...]) -> re.Pattern:
    gap = f"(?:(?![等和与及的或])[\u4e00-\u9fff]){{0,{WORD_GAP}}}"
    return re.compile(gap.join(re.escape(w) for w in alt))


def _has(text: str, group) -> bool:
    return any((alt[0] in text) if len(alt) == 1 else bool(_pattern(alt).search(text))
               for alt in group.alternatives)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, a = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() - a > 1:
            out.append((a, m.end()))
        a = m.end()
    if len(text) - a > 1:
        out.append((a, len(text)))
    return out


@dataclass
class _Match:
    passage: Passage
    start: int  # offsets into the report, as evidence has them
    end: int
    text: str
    score: float


class Comparer:
    """Answers `compare(topic)` and, for aggregation questions, `ask(question)`."""

    def __init__(self, store: GraphStore, tokenizer: Callable[[str], Sequence[str]], reader: TopicReader,
                 *, wide_k: int = WIDE_K, catalog_ttl: float = 5.0):
        self.store = store
        self.tokenizer = tokenizer
        self.reader = reader
        self.wide_k = wide_k
        self._catalog_ttl = catalog_ttl
        self._reports: dict[str, ReportInfo] = {}
        self._reports_at = -1.0
        self._version = None
        self._lock = threading.Lock()

    def _report_map(self) -> dict[str, ReportInfo]:
        now = time.monotonic()
        version = getattr(self.store, "version", None)
        if now - self._reports_at > self._catalog_ttl or version != self._version:
            with self._lock:
                self._reports = {r.id: r for r in self.store.reports()}
                self._reports_at, self._version = now, version
        return self._reports

    # -- finding the sentences ----------------------------------------------------------------
    def _matches(self, groups: list, filters: Filters | None) -> list[_Match]:
        words = [w for g in groups for w in g.words()]
        tokens = list(dict.fromkeys(t for t in self.tokenizer(" ".join(words))))
        if not tokens:
            return []
        ranked = self.store.lexical_search(" ".join(words), tokens, self.wide_k, filters)
        score_of = dict(ranked)
        # Cheap first pass on ids only is impossible (text lives in the passage): read them in one batch.
        passages = self.store.get_passages([pid for pid, _ in ranked])
        out = []
        for p in passages:
            if not all(_has(p.text, g) for g in groups):
                continue
            # Every group in one sentence: groups spread over a passage (「国际…。…学校」) were
            # measured to add more wrong rows than right ones.
            for a, b in _sentences(p.text):
                s = p.text[a:b]
                if all(_has(s, g) for g in groups):
                    out.append(_Match(p, p.start + a, p.start + b, s.strip(), score_of.get(p.id, 0.0)))
                    break
        return out

    def _named_actors(self, matches: list[_Match]) -> dict[str, list[tuple[int, int, str, str]]]:
        """passage id -> (start, end, agency id, agency name) of measures whose actor the text names. Only
        agencies of modest degree are read: authors are the default actor anyway."""
        pids = [m.passage.id for m in matches]
        in_p = self.store.nodes_in_passages(pids)
        ids = list(dict.fromkeys(n for pid in pids for n in in_p.get(pid, ())))
        agencies = {n.id: n for n in self.store.get_nodes(ids) if n.label == "Agency"}
        if not agencies:
            return {}
        reports = {m.passage.report for m in matches}
        edges = self.store.edges_near(list(agencies), reports=reports, max_degree=HUB_DEGREE)
        wanted = set(pids)
        out: dict[str, list[tuple[int, int, str, str]]] = {}
        for nid, elist in edges.items():
            for e in elist:
                if e.type not in ACTOR_EDGES or e.source not in agencies:
                    continue
                for ev in e.evidence:
                    if ev.passage in wanted:
                        out.setdefault(ev.passage, []).append((ev.start, ev.end, e.source, agencies[e.source].name))
        return out

    # -- rows ----------------------------------------------------------------------------------
    def _row_key(self, agency_id: str, agency: str, scope: str) -> tuple[str, str] | None:
        """(label, agency id or place name) of an acting agency for the scope asked, or None if out of scope."""
        if scope == "agency":
            return ("Agency", agency_id)
        place = self.reader.place_of(agency)
        if place is None or place.kind != scope:
            return None
        return ("Place", place.name)

    def compare(self, topic: str, scope: str = "agency", years: tuple[int, int] | None = None,
                filters: Filters | None = None, groups: list | None = None, role: str | None = None) -> Comparison:
        """Rows of agencies (scope 'agency') or places ('district', 'city', 'province') whose reports
        speak of `topic`; `years` keeps reports of those years (inclusive); `role` 'plan' keeps plans."""
        groups = groups if groups is not None else self.reader.groups(topic)
        reports = self._report_map()
        matches = self._matches(groups, filters)
        if years is not None:
            lo, hi = years
            matches = [m for m in matches if (r := reports.get(m.passage.report)) and r.year and lo <= r.year <= hi]
        if role == "plan":
            matches = [m for m in matches if m.passage.role == "plan"]
        named = self._named_actors(matches) if matches else {}
        rows: dict[tuple[str, str], AgencyRow] = {}
        best: dict[tuple[tuple[str, str], str], Mention] = {}
        for m in matches:
            rep = reports.get(m.passage.report)
            if rep is None:
                continue
            actors = [(aid, name) for a, b, aid, name in named.get(m.passage.id, ()) if a < m.end and b > m.start]
            author = [(rep.author_id or node_id("Agency", rep.author), rep.author)] if rep.author else []
            for agency_id, agency in list(dict.fromkeys(actors)) or author:
                key = self._row_key(agency_id, agency, scope)
                if key is None:
                    continue
                row = rows.get(key)
                if row is None:
                    label, name = key
                    row = rows[key] = AgencyRow(id=agency_id if label == "Agency" else node_id(label, name),
                                                label=label, name=agency if label == "Agency" else name,
                                                agency_ids=[agency_id])
                if agency not in row.agencies:
                    row.agencies.append(agency)
                if agency_id not in row.agency_ids:
                    row.agency_ids.append(agency_id)
                mention = Mention(report=rep.id, file=rep.file, title=rep.title, year=rep.year,
                                  passage=m.passage.id, start=m.start, end=m.end, text=m.text,
                                  status=Status.of_role(m.passage.role), section=m.passage.section, score=m.score)
                old = best.get((key, rep.id))
                # A deed outranks a plan of the same report; within a kind the better sentence wins.
                if old is None or (mention.status == Status.DONE, mention.score) > (old.status == Status.DONE, old.score):
                    best[(key, rep.id)] = mention
        for (key, _), mention in best.items():
            rows[key].mentions.append(mention)
        for row in rows.values():
            row.mentions.sort(key=lambda x: (x.year or 0, x.report))
        # Agencies go by their node's name (the author line may abbreviate it); a place the graph
        # has no node for is reached through its agency, so every row id opens.
        known = {n.id: n for n in self.store.get_nodes([r.id for r in rows.values()])} if rows else {}
        for r in rows.values():
            if r.label == "Agency" and r.id in known:
                r.name = known[r.id].name
            elif r.label == "Place" and r.id not in known:
                r.id = r.agency_ids[0]
        ordered = sorted(rows.values(), key=lambda r: (-len(r.reports), -max(m.score for m in r.mentions), r.name))
        return Comparison(topic=topic, scope=scope, rows=ordered, terms=[g.words() for g in groups],
                          passages=len(matches))

    def compare_text(self, text: str, scope: str | None = None, years: tuple[int, int] | None = None,
                     filters: Filters | None = None) -> Comparison:
        """`text` is a bare topic (国际化街区, "talent housing") or a whole aggregation question, whose
        scope is used unless `scope` is given; a bare topic compares agencies by default."""
        if not isinstance(text, str) or not text.strip():
            raise ValueError("q: empty topic")
        if scope is not None and scope not in SCOPES:
            raise ValueError(f"scope: must be one of {', '.join(SCOPES)}, got {scope!r}")
        intent = self.reader.detect(text)
        if intent is None:
            return self.compare(text.strip(), scope or "agency", years=years, filters=filters)
        own = intent.scope.value if hasattr(intent.scope, "value") else str(intent.scope)
        return self.compare(intent.topic, scope or own, years=years, filters=filters, groups=intent.groups,
                            role=intent.role)

    # -- ask --------------------------------------------------------------------------------------
    def ask(self, question: str, k: int = 10, filters: Filters | None = None) -> AggregateAskResult | None:
        """Rows as answers when `question` is an aggregation question, else None (ask as usual)."""
        intent = self.reader.detect(question)
        if intent is None:
            return None
        scope = intent.scope.value if hasattr(intent.scope, "value") else str(intent.scope)
        cmp = self.compare(intent.topic, scope, filters=filters, groups=intent.groups, role=intent.role)
        if not cmp.rows:
            # No sentence holds the topic as read (the words of the question are not the reports'):
            # the ranked answers of an ordinary question say more than an empty table.
            return None
        answers = []
        for row in cmp.rows:
            top = row.best(ASK_EVIDENCE)
            answers.append(RowAnswer(id=row.id, label=row.label, name=row.name, score=float(len(row.reports)),
                                     evidence=[m.evidence() for m in top], aliases=row.agencies,
                                     via=["AGGREGATE"], years=row.years, reports=row.reports, status=row.statuses))
        hits = self._hits([m for row in cmp.rows for m in row.best(1)][:k])
        return AggregateAskResult(question=question, label="Agency" if scope == "agency" else "Place",
                                  answers=answers, passages=hits, focus=intent.topic, lang=intent.lang,
                                  topic=intent.topic, scope=scope)

    def _hits(self, mentions: list[Mention]) -> list[Hit]:
        if not mentions:
            return []
        passages = {p.id: p for p in self.store.get_passages([m.passage for m in mentions])}
        out = []
        for m in mentions:
            p = passages.get(m.passage)
            if p is None:
                continue
            out.append(Hit(passage=p.id, report=p.report, file=m.file, title=m.title, section=p.section,
                           role=p.role, year=p.year, text=p.text, start=p.start, end=p.end, score=m.score))
        return out
