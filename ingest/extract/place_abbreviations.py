"""Shared names written with one-character abbreviations: 广深科技创新走廊, 广深港澳科技创新走廊, 中新知识城.

Chinese writing names what two or more places share (a corridor, a joint park, a cooperation zone) by
joining their one-character abbreviations (简称: 广州 -> 广, 深圳 -> 深, 新加坡 -> 新). jieba does not know
most of these runs and cuts them into single characters it tags as adjectives or locatives (广|深 a a,
中|新 f a), so the shaped-name finder read their modifiers as no name at all. A run of two or more such
characters, each a token of its own, opens a proper name (lexicon/place_abbreviations.txt) when it starts
the modifier once the clause's opening words are dropped (融入|广|深…); a character glued to a name
before it stays that name's (布|吉|新城, 汕头|广|澳港区). A country's character
counts only after 中 (中以, 中德): alone, 以 and 美 are a preposition and an adjective (以|新城, 绿|美|新城).
A pair jieba joins (深港, 港澳) is a place word to it already.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import table


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, bool]:
    """Each abbreviation and whether it is a foreign country's."""
    return {row[0]: len(row) > 1 and row[1] == "country" for row in table("place_abbreviations.txt")}


def _run_at(words: list[str], i: int) -> int:
    """How many one-character abbreviations run from words[i] (0 when fewer than two)."""
    abbr = _abbreviations()
    n = 0
    while i + n < len(words) and words[i + n] in abbr and (
            not abbr[words[i + n]] or (n > 0 and "中" in words[i:i + n])):
        n += 1
    return n if n >= 2 else 0


def opens_with_abbreviations(words: list[str]) -> bool:
    """Whether a modifier's words (clause openers already dropped) open with two or more one-character
    place abbreviations (广|深|科技|创新, 中|新)."""
    return _run_at(words, 0) > 0
