"""Plan items: the tasks a report sets for the year it plans, one per sentence of a plan section.

Each item keeps its sentence as evidence and its keys: the words that say what the task is about,
without the verbs and nouns every plan uses (lexicon/plan_generic_words.txt). The graph side matches
the keys against the next report's review (graph.time.followup), so the keys are what a later report
would repeat when it says the task was done.

One Plan node holds the items of one plan passage: evidence[i] is item i's sentence and props["keys"][i]
its keys, space-separated (a flat list of strings, which Neo4j keeps as a property). One node per
sentence made the embedded store's write 50% slower on corpus-extra (6,932 plan nodes in 40 reports);
per passage it is about a third as many nodes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from govgraph.ingest.batch import PLAN as PLAN_LABEL, Evidence, Node, Passage, ReportInfo, node_id
from govgraph.ingest.extract.lexicon import word_set
from govgraph.ingest.extract.spans import sentences
from govgraph.ingest.tokenize import tokenize

from .measures import TARGETS, is_measure



_MIN_CHARS = 12
_MIN_KEYS = 2
_MAX_KEYS = 16
_NAME_CHARS = 40
_CJK_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CLAUSE = re.compile(r"[，,：:]")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return word_set("plan_generic_words.txt")


def plan_keys(sentence: str, words: list[str] | None = None) -> list[str]:
    """The distinctive words of a task, in reading order, each once (`words`: its tokens, if known)."""
    generic = _generic()
    keys = []
    for w in tokenize(sentence) if words is None else words:
        if len(w) < 2 or w in generic or not _CJK_OR_LATIN.search(w) or w in keys:
            continue
        keys.append(w)
    return keys[:_MAX_KEYS]


def _placed(text: str, words: list[str]) -> list[tuple[int, str]]:
    """The passage's search tokens with where each starts: they come in reading order, so a forward scan
    finds them (Latin ones are lower-cased, hence the lower-cased text). Saves segmenting twice: at ingest
    the plan sections are a third of the text, and jieba was a quarter of build_batch's time."""
    low = text.lower()
    out, pos = [], 0
    for w in words:
        i = low.find(w, pos)
        if i >= 0:
            out.append((i, w))
            pos = i + len(w)
    return out


def _name(sentence: str) -> str:
    """A short label: the sentence up to its first clause break past a few characters, at most 40."""
    for m in _CLAUSE.finditer(sentence):
        if m.start() >= 8:
            return sentence[: min(m.start(), _NAME_CHARS)]
    return sentence[:_NAME_CHARS].rstrip("。；;！？")


def find_plans(text: str, passages: list[Passage], report: ReportInfo,
               tokens: dict[str, list[str]] | None = None) -> list[Node]:
    """`tokens`: the search tokens of each passage (GraphBatch.tokens), reused when given."""
    out: list[Node] = []
    for p in passages:
        if p.role != "plan" or p.year is None:
            continue
        placed = _placed(p.text, tokens[p.id]) if tokens is not None and p.id in tokens else None
        items: list[tuple[Evidence, str]] = []
        k = 0
        in_targets = False  # 「主要预期目标是：A增长7%；B增长6%；…。」: the list runs to its full stop
        for s, e in sentences(p.text, p.start):
            sent = text[s:e]
            targets = in_targets or bool(TARGETS.search(sent))
            in_targets = targets and not sent.rstrip().endswith("。")
            words = None
            if placed is not None:
                # sentences and tokens both run in reading order: one pass hands each sentence its words
                while k < len(placed) and placed[k][0] < s - p.start:
                    k += 1
                j = k
                while j < len(placed) and placed[j][0] < e - p.start:
                    j += 1
                words, k = [w for _, w in placed[k:j]], j
            if len(sent) < _MIN_CHARS or targets or not is_measure(sent):
                continue
            keys = plan_keys(sent, words)
            if len(keys) < _MIN_KEYS:
                continue
            items.append((Evidence(report.id, report.file, p.id, s, e, sent), " ".join(keys)))
        if items:
            out.append(Node(node_id(PLAN_LABEL, f"{report.id}:{p.start}"), PLAN_LABEL, _name(items[0][0].text),
                            props={"year": p.year, "keys": [k for _, k in items]}, evidence=[ev for ev, _ in items]))
    return out
