"""Sentence and clause spans, and finding where a name begins to the left of its suffix.

Chinese has no spaces, so a name built from a suffix (…酒店, …集团, …论坛) needs its left
edge found: it starts after punctuation or after a verb or function word (走访正大集团 ->
正大集团). The boundary words live in lexicon/boundary_words.txt.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set

_SENT_END = re.compile(r"[。！？；!?;\n]+")
_CLAUSE_END = re.compile(r"[，,：:。！？；!?;\n]+")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z·\-－—（）()“”\"’‘]")
_QUANT = set("家个项场次届期批所座名位种类件宗轮")
_NUMERALS = set("0123456789０１２３４５６７８９一二两三四五六七八九十百千万多余几")
_HARD_STOP = set("，,。；;：:！？!?、\n\t 　《》「」【】[]")


def sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence, absolute when `base` is the passage offset; ends keep the stop."""
    return list(_sentence_spans(text, base))


@lru_cache(maxsize=4096)  # extraction, indicators and plans each split the same passages
def _sentence_spans(text: str, base: int) -> tuple[tuple[int, int], ...]:
    out = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if m.start() > pos:
            out.append((base + pos, base + m.end() if text[m.start()] != "\n" else base + m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        out.append((base + pos, base + len(text)))
    stripped = (_strip(text, s - base, e - base) for s, e in out)
    return tuple((base + s, base + e) for s, e in stripped if e > s)


def clauses(text: str, base: int = 0) -> list[tuple[int, int]]:
    return [(base + s, base + e) for s, e in _clause_spans(text)]


@lru_cache(maxsize=4096)  # the rules and the learned tagger each split the same passage
def _clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    out = []
    pos = 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return tuple((s, e) for s, e in (_strip(text, s, e) for s, e in out) if e > s)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " 　\t\r\n\ufeff":
        s += 1
    while e > s and text[e - 1] in " 　\t\r\n":
        e -= 1
    return s, e


@lru_cache(maxsize=1)
def _boundaries() -> tuple[frozenset[str], int]:
    words = word_set("boundary_words.txt")
    return words, max((len(w) for w in words), default=1)


def expand_left(text: str, pos: int, min_len: int = 1, max_len: int = 12, floor: int = 0,
                extra_stops: frozenset[str] = frozenset(), ignore: frozenset[str] = frozenset()) -> int | None:
    """Where the name ending at `pos` starts, or None when fewer than `min_len` characters qualify.

    Scans left over name characters and stops after a boundary word (verbs, prepositions,
    quantifiers); the longest boundary word ending at a position wins.
    """
    words, longest = _boundaries()
    i = pos
    lo = max(floor, pos - max_len)
    while i > lo:
        c = text[i - 1]
        if c in _HARD_STOP or not _NAME_CHARS.match(c):
            break
        if c == "“" and "”" not in text[i:pos]:
            break  # an opening quote starts the name: “中科合规法律研究院”
        # 23家 / 七场: a measure word after a numeral ends the name
        if c in _QUANT and i >= 2 and text[i - 2] in _NUMERALS:
            break
        # a boundary word ending at i-1 stops the name at i
        hit = False
        for k in range(min(longest, i - lo + 1), 0, -1):
            w = text[i - k:i]
            if ((w in words and w not in ignore) or w in extra_stops) and i - k >= 0:
                hit = True
                break
        if hit:
            break
        i -= 1
    # quotes that open a name belong to it only when they close inside it
    if pos - i < min_len:
        return None
    return i
