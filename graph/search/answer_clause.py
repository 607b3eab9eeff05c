"""The clause a question matched: an answer written in it is the one the passage says the question of.

A sentence of a report often lists clauses about different things (「中山大学喜迎百年华诞，深圳理工大学获批成立。」);
the answer ranker weighs each entity by what its whole sentence shares with the question, so for
"Which university … was approved for establishment?" both universities earned 获批 and 成立, and the one
named in more passages (中山大学) won. In each retrieved passage the clause (between ，；。：) holding the
largest share of the question's words is the one the question matched; an entity whose name is written
in such a clause is lifted (a lift, never a filter: a list in one clause lifts all its items alike).
"""
from __future__ import annotations

from typing import Iterable, Sequence

from govgraph.ingest.extract.spans import clauses
from .results import Hit

# A clause must hold at least this many of the question's words to be "matched": one shared word
# (大学 inside a university's own name) says nothing about which clause the question is about.
MIN_WORDS = 2


def matched_clauses(text: str, words: Sequence[str]) -> list[str]:
    """The clauses of `text` holding the most of `words` (ties all kept), when that is at least
    MIN_WORDS; else none."""
    best, out = 0, []
    for s, e in clauses(text):  # the extractor's own clauses: between ，：。！？； and line ends
        clause = text[s:e]
        n = sum(1 for w in words if w in clause)
        if n > best:
            best, out = n, [clause]
        elif n == best and n:
            out.append(clause)
    return out if best >= MIN_WORDS else []


def written_in(names: Iterable[str], clauses: Sequence[str]) -> bool:
    """Whether one of `names` (two characters or more) is written in one of `clauses`."""
    return any(len(n) >= 2 and n in c for n in names for c in clauses)


class ClauseMatcher:
    """Per passage, the clauses a question matched; read once per question and label."""

    def __init__(self, hits: Sequence[Hit], words: Sequence[str]):
        self._of = {h.passage: matched_clauses(h.text, words) for h in hits}

    def lifts(self, names: Iterable[str], passages: Iterable[str]) -> bool:
        """Whether a name is written in the matched clause of one of `passages`."""
        names = list(names)
        return any(written_in(names, self._of.get(pid, ())) for pid in passages)
