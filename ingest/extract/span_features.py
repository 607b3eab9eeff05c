"""Candidate names and their features for the boundary classifier (span_model.py, tools/train_span_model.py).

A name in a government report is a modifier run ending in a head noun of its class (…县, …中心, …局,
…规划, …会议). The right edge is the head; the left edge is the hard part. The candidates of one head
are every left edge that jieba's words allow, up to `MAX_WORDS` words or `MAX_CHARS` characters back,
never across an enumeration comma or a title mark. Each candidate is described by what decides a left
edge: the word that opens it and the word before it (text, part of speech, dictionary frequency), the
character before, whether the gazetteer or the known organisations start there, the rules' own tests of
the modifier (traps.is_category, traps.has_proper_word), and whether the head ends inside a word.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .crf_features import _lexicon_matchers, head_matcher
from .traps import has_proper_word, is_category
from .words import cut_words, tagger

MAX_WORDS = 6
MAX_CHARS = 20
# a name does not run across these (an enumeration comma, a title's marks, a space)
_BREAKS = frozenset("、《》 \u3000\t")
# jieba words of at most this length are features by their text
_WORD_FEATURE_LEN = 4


@dataclass(frozen=True)
class Candidate:
    start: int      # offsets into the clause
    end: int
    label: str      # the class of the head noun
    head_start: int


def _bucket(n: int) -> str:
    return str(n) if n <= 6 else ("7-10" if n <= 10 else "11+")


def _freq(w: str) -> str:
    jieba, _ = tagger()
    f = jieba.dt.FREQ.get(w, 0)
    return "0" if f <= 0 else str(min(int(math.log10(f)), 5))


def _inside_word(clause: str, i: int, words_at: set[int]) -> bool:
    """A one-character head inside a jieba word is no head (城 of 城市, 道 of 道路)."""
    return i not in words_at or (i + 1) not in words_at


def candidates(clause: str) -> tuple[list[Candidate], list[str], list[int]]:
    """Every candidate of every head noun in `clause`, with jieba's words of the clause and their starts."""
    words = cut_words(clause)
    starts, at = [], 0
    for w in words:
        starts.append(at)
        at += len(w)
    edges = set(starts) | {len(clause)}
    out: list[Candidate] = []
    for hs, he, _, label in head_matcher().find(clause):
        if he - hs == 1 and _inside_word(clause, hs, edges):
            continue
        lefts = [s for s in starts if s < hs and hs - s <= MAX_CHARS][-MAX_WORDS:]
        for s in lefts:
            if any(c in _BREAKS for c in clause[s:he]):
                continue
            out.append(Candidate(s, he, label, hs))
    return out, words, starts


def _add_edge_word(f: dict[str, float], side: str, word: str, char: str, lab: str, tags: dict) -> None:
    """Features of a word at the left edge (side "0": the candidate's first word, "p": the word before it)
    and of the character there: its tag (alone and with the label), frequency, the character, the word."""
    tag = tags.get(word, "?")
    f[f"w{side}t={tag}"] = f[f"{lab}|w{side}t={tag}"] = 1
    f[f"w{side}f={_freq(word)}"] = 1
    f[f"c{side}={char}"] = 1
    if len(word) <= _WORD_FEATURE_LEN:
        f[f"w{side}={word}"] = 1


def features(clause: str, c: Candidate, words: list[str], starts: list[int]) -> dict[str, float]:
    """The features of one candidate (string-valued ones as name=value: 1)."""
    _, tags = tagger()
    i0 = starts.index(c.start)
    w0 = words[i0]
    head = clause[c.head_start:c.end]
    modifier = clause[c.start:c.head_start]
    mod_words = [w for w, s in zip(words, starts) if c.start <= s < c.head_start]
    lab = c.label
    f: dict[str, float] = {f"lab={lab}": 1, f"head={head}": 1, f"len={_bucket(c.end - c.start)}": 1,
                           f"nw={_bucket(len(mod_words))}": 1, f"{lab}|nw={_bucket(len(mod_words))}": 1}
    _add_edge_word(f, "0", w0, clause[c.start], lab, tags)
    if i0 == 0:
        f["bos"] = 1
    else:
        _add_edge_word(f, "p", words[i0 - 1], clause[c.start - 1], lab, tags)
    if mod_words:
        wl = mod_words[-1]
        f[f"wlt={tags.get(wl, '?')}"] = 1
        if len(wl) <= _WORD_FEATURE_LEN:
            f[f"wl={wl}"] = 1
    for w in mod_words:
        f[f"mt={tags.get(w, '?')}"] = 1
    gaz, orgs = _lexicon_matchers()
    for kind, matcher in (("gaz", gaz), ("org", orgs)):
        hits = matcher.find(clause[c.start:c.end])
        if hits:
            f[f"{kind}in"] = 1
            if hits[0][0] == 0:
                f[f"{kind}0"] = 1
    if modifier:
        if is_category(modifier, head):
            f["category"] = 1
        if has_proper_word(modifier):
            f["proper"] = 1
    if c.end < len(clause) and c.end not in set(starts):
        f["headcut"] = 1
    return f
