"""Plans of year N followed into the report that reviews year N.

A plan item carries its keys (ingest.time.plans: the words that say what the task is about). A review
sentence reports the item when it repeats enough of the item's key weight, a key weighing more the rarer
it is among the reviewing report's sentences (inverse document frequency): 「地铁14号线」 or 「坪山中心区」
count, 「产业」 hardly. Precision comes first (a wrong `reported` misleads), so an item needs two shared
keys and a score over THRESHOLD, tuned on the dev split of tests/gold/time (figures in docs/time.md).

Shared keys alone also accept review sentences that repeat a plan's words about another matter
(「推进基础教育高质量发展…」 for a plan on 河套深港科技创新合作区). When the store holds passage vectors
(multilingual e5), a candidate must also be close in meaning: the cosine between the plan's passage and
the candidate's passage, standardised over all review passages of the reviewing report (a z-score: e5's
raw cosines of Chinese government prose all lie in 0.88-0.95, so only the standing among the report's
passages tells), must reach MIN_MEANING. On the dev split the reported sentences stood at z 1.05-3.2 and
the key-matched wrong ones at 0.72-0.81. Passage vectors are what the store already has: embedding each
sentence would add the plan and review sections' text to ingest's embedding time.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import ahocorasick
import numpy as np

from govgraph.ingest.batch import Passage, ReportInfo

from .items import PlanItem

THRESHOLD = 0.5
MIN_SHARED = 2
# A plan sentence often bundles several tasks (建成A，推动B，加快C); a review sentence that reports one of
# them shares only its part of the keys. So the score is over the plan's TOP_KEYS heaviest keys, not all.
TOP_KEYS = 4
MAX_DELIVERY = 3
MIN_MEANING = 1.0
# The order among accepted sentences: key score plus this share of the meaning z-score.
MEANING_WEIGHT = 0.25
_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_REVIEW_ROLES = ("achievement",)


@dataclass(frozen=True)
class Delivery:
    report: str
    file: str
    start: int
    end: int
    text: str
    score: float                  # the key score, 0-1
    meaning: float | None = None  # the meaning z-score, when the store has vectors

    def rank(self) -> float:
        return self.score + MEANING_WEIGHT * (self.meaning or 0.0)

    def to_dict(self) -> dict:
        d = {"report": self.report, "file": self.file, "start": self.start, "end": self.end,
             "text": self.text, "score": round(self.score, 3)}
        if self.meaning is not None:
            d["meaning"] = round(self.meaning, 2)
        return d


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    review: bool
    passage: str


def _sentences(passages: list[Passage]) -> list[_Sentence]:
    out = []
    for p in passages:
        for m in _SENTENCE.finditer(p.text):
            raw = m.group(0)
            text = raw.strip()
            if len(text) < 6:
                continue
            a = p.start + m.start() + (len(raw) - len(raw.lstrip()))
            out.append(_Sentence(a, a + len(text), text, p.role in _REVIEW_ROLES, p.id))
    return out


def _automaton(keys: set[str]):
    auto = ahocorasick.Automaton()
    for k in keys:
        auto.add_word(k, k)
    if keys:
        auto.make_automaton()
    return auto


class _Meaning:
    """Standardised cosine between a plan passage and each review passage of the reviewing report."""

    def __init__(self, vectors: dict[str, np.ndarray], review_ids: list[str]):
        self.vectors = vectors
        ids = [i for i in review_ids if i in vectors]
        self.row = {pid: i for i, pid in enumerate(ids)}
        self.matrix = np.stack([vectors[i] for i in ids]) if len(ids) > 1 else None
        self.memo: dict[str, np.ndarray | None] = {}

    def z(self, plan_passage: str, review_passage: str) -> float | None:
        """None when either side has no vector: the key score then decides alone."""
        if self.matrix is None or review_passage not in self.row:
            return None
        if plan_passage not in self.memo:
            v = self.vectors.get(plan_passage)
            if v is None:
                self.memo[plan_passage] = None
            else:
                cos = self.matrix @ v
                self.memo[plan_passage] = (cos - cos.mean()) / (cos.std() or 1.0)
        zs = self.memo[plan_passage]
        return None if zs is None else float(zs[self.row[review_passage]])


def follow_up(plans: list[PlanItem], review: ReportInfo, passages: list[Passage],
              vectors: dict[str, np.ndarray] | None = None) -> dict[str, list[Delivery]]:
    """For each plan item id, the review sentences of `review` that report it, best first (maybe none).
    `vectors`: passage id -> embedding, for the plan items' passages and `passages` (may be empty)."""
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
    meaning = _Meaning(vectors or {}, [p.id for p in passages if p.role in _REVIEW_ROLES])
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
            if score < THRESHOLD:
                continue
            s = sents[i]
            z = meaning.z(n.evidence.passage, s.passage)
            if z is not None and z < MIN_MEANING:
                continue
            scored.append(Delivery(review.id, review.file, s.start, s.end, s.text, score, z))
        scored.sort(key=lambda d: (-d.rank(), d.start))
        out[n.id] = scored[:MAX_DELIVERY]
    return out
