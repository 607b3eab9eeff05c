"""An answer's name made whole where the question writes what the extractor cut from its start.

The extractor cuts a name where its words run together with a verb before it: 「办好接诉即办改革论坛」
gave 办改革论坛 (jieba reads 接诉 / 即 / 办 as verbs), while the question writes 接诉即办 whole
(「北京举办什么论坛来扩大接诉即办的国际影响力？」, dev q089). When a run of at least three characters of the
question crosses the start of a mention (some before it, the name's first after it), the characters
before the start belong to the name: the text and the question agree on a word the cut splits. A
question seldom writes a correct name's start together with the characters before it (the name's
first character and what precedes it in the text), so a whole word is not taken for a cut one.

The answer keeps its entity id; its name becomes the name as the text writes it, the extracted name
an alias, and the evidence the whole name's offsets in the passage.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from govgraph.ingest.batch import Evidence

from .results import Answer, Hit

# Fewer than two characters before the start make a run of two or three that a question and a
# passage share by chance (在前, 的新).
MIN_BEFORE = 2
# How far back a cut word may reach: a four-character idiom and a few more (接诉即办).
MAX_BEFORE = 6


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def cut_before(text: str, start: int, question: str) -> int:
    """How many characters before `start` in `text` the question writes together with the character
    at `start` (0 when fewer than MIN_BEFORE): the part of a word the name's start cut off."""
    if start >= len(text) or not _is_han(text[start]):
        return 0
    k = 0
    while (k < MAX_BEFORE and start - k - 1 >= 0 and _is_han(text[start - k - 1])
           and text[start - k - 1:start + 1] in question):
        k += 1
    return k if k >= MIN_BEFORE else 0


def whole_name(answer: Answer, mentions: Iterable[tuple[Hit, int, int]], question: str) -> Answer:
    """`answer` under the name the text writes, when the question shows a mention of it was cut at its
    start (`mentions`: (hit, start, end) in the hit's text); the answer as it is otherwise."""
    for hit, a, b in mentions:
        k = cut_before(hit.text, a, question)
        if not k or b <= a:
            continue
        name = hit.text[a - k:b]
        start = hit.start + a - k
        ev = Evidence(report=hit.report, file=hit.file, passage=hit.passage, start=start,
                      end=hit.start + b, text=name)
        return replace(answer, name=name, aliases=list(dict.fromkeys([answer.name, *answer.aliases])),
                       evidence=[ev, *answer.evidence], via=sorted({*answer.via, "TEXT_WHOLE"}))
    return answer
