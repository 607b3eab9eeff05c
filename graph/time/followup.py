"""Plans of year N followed into the report that reviews year N.

A plan item carries its keys (ingest.time.plans: the words that say what the task is about). A review
sentence reports the item when it repeats enough of the item's key weight, a key weighing more the rarer
it is among the reviewing report's sentences (inverse document frequency): 「地铁14号线」 or 「坪山中心区」
count, 「产业」 hardly. Precision comes first (a wrong `reported` misleads), so an item needs two shared
keys and a score over THRESHOLD, tuned on the dev split of tests/gold/time (figures in docs/time.md).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import ahocorasick

from govgraph.ingest.batch import Passage, ReportInfo

from .items import PlanItem

THRESHOLD = 0.5
MIN_SHARED = 2
# A plan sentence often bundles several tasks (建成A，推动B，加快C); a review sentence that reports one of
# them shares only its part of the keys. So the score is over the plan's TOP_KEYS heaviest keys, not all.
TOP_KEYS = 4
MAX_DELIVERY = 3
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_REVIEW_ROLES = ("achievement",)


@dataclass(frozen=True)
class Delivery:
    report: str
    file: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict:
        return {"report": self.report, "file": self.file, "start": self.start, "end": self.end,
                "text": self.text, "score": round(self.score, 3)}


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    review: bool


def _sentences(passages: list[Passage]) -> list[_Sentence]:
    out = []
    for p in passages:
        for m in _SENTENCE.finditer(p.text):
            raw = m.group(0)
            text = raw.strip()
            if len(text) < 6:
                continue
            a = p.start + m.start() + (len(raw) - len(raw.lstrip()))
            out.append(_Sentence(a, a + len(text), text, p.role in _REVIEW_ROLES))
    return out


def _automaton(keys: set[str]):
    auto = ahocorasick.Automaton()
    for k in keys:
        auto.add_word(k, k)
    if keys:
        auto.make_automaton()
    return auto


def follow_up(plans: list[PlanItem], review: ReportInfo, passages: list[Passage]) -> dict[str, list[Delivery]]:
    """For each plan item id, the review sentences of `review` that report it, best first (maybe none)."""
    keys = {k for n in plans for k in n.keys}
    sents = _sentences(passages)
    if not keys or not sents:
        return {n.id: [] for n in plans}
    auto = _automaton(keys)
    found = [{k for _, k in auto.iter(s.text)} for s in sents]
    df: dict[str, int] = {}
    for ks in found:
        for k in ks:
            df[k] = df.get(k, 0) + 1
    n_sent = len(sents)

    def weight(k: str) -> float:
        return math.log(1 + n_sent / (1 + df.get(k, 0)))

    # Only review sentences can report a plan; the index over keys keeps the comparison to the
    # sentences sharing at least one key.
    by_key: dict[str, list[int]] = {}
    for i, ks in enumerate(found):
        if sents[i].review:
            for k in ks:
                by_key.setdefault(k, []).append(i)
    out: dict[str, list[Delivery]] = {}
    for n in plans:
        pk = list(dict.fromkeys(n.keys))
        total = sum(sorted((weight(k) for k in pk), reverse=True)[:TOP_KEYS])
        shared: dict[int, list[str]] = {}
        for k in pk:
            for i in by_key.get(k, ()):
                shared.setdefault(i, []).append(k)
        scored = []
        for i, ks in shared.items():
            if len(ks) < MIN_SHARED or total <= 0:
                continue
            score = min(1.0, sum(weight(k) for k in ks) / total)
            if score >= THRESHOLD:
                s = sents[i]
                scored.append(Delivery(review.id, review.file, s.start, s.end, s.text, score))
        scored.sort(key=lambda d: (-d.score, d.start))
        out[n.id] = scored[:MAX_DELIVERY]
    return out
