"""Plan items: the tasks a report sets for the year it plans, one per sentence of a plan section.

Each item keeps its sentence as evidence and its keys: the words that say what the task is about,
without the verbs and nouns every plan uses (lexicon/plan_generic_words.txt). The graph side matches
the keys against the next report's review (graph.time.followup), so the keys are what a later report
would repeat when it says the task was done.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govgraph.ingest.batch import Evidence, Node, Passage, ReportInfo, node_id
from govgraph.ingest.extract.lexicon import word_set
from govgraph.ingest.extract.spans import sentences
from govgraph.ingest.tokenize import tokenize

from .vocab import PLAN_LABEL

_MIN_CHARS = 12
_MIN_KEYS = 2
_MAX_KEYS = 16
_NAME_CHARS = 40
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CLAUSE = re.compile(r"[，,：:]")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return word_set("plan_generic_words.txt")


def plan_keys(sentence: str) -> list[str]:
    """The distinctive words of a task, in reading order, each once."""
    generic = _generic()
    keys = []
    for w in tokenize(sentence):
        if len(w) < 2 or w in generic or not _CJK_OR_LATIN.search(w) or w in keys:
            continue
        keys.append(w)
    return keys[:_MAX_KEYS]


def _name(sentence: str) -> str:
    """A short label: the sentence up to its first clause break past a few characters, at most 40."""
    for m in _CLAUSE.finditer(sentence):
        if m.start() >= 8:
            return sentence[: min(m.start(), _NAME_CHARS)]
    return sentence[:_NAME_CHARS].rstrip("。；;！？")


def find_plans(text: str, passages: list[Passage], report: ReportInfo) -> list[Node]:
    out: list[Node] = []
    for p in passages:
        if p.role != "plan" or p.year is None:
            continue
        for s, e in sentences(p.text, p.start):
            sent = text[s:e]
            if len(sent) < _MIN_CHARS:
                continue
            keys = plan_keys(sent)
            if len(keys) < _MIN_KEYS:
                continue
            ev = Evidence(report.id, report.file, p.id, s, e, sent)
            out.append(Node(node_id(PLAN_LABEL, f"{report.id}:{s}"), PLAN_LABEL, _name(sent),
                            props={"year": p.year, "keys": keys}, evidence=[ev]))
    return out
