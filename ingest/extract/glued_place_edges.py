"""A clause's verb or preposition glued in front of a known place inside a longer place name (issue 13,
session 13): 守好守牢|深圳机场 read 牢深圳机场, 沿|深圳中心公园, 清理|南山大道, 向|光明科学城, 健全|光明科学城,
激活|龙岗老墟传统商圈, 近看|香港北部都会区.

The shaped and venue finders grow a name leftwards from its head over characters they cannot tell from a
modifier; `opener_edges.py` cuts at the openers its word lists hold. Here no list is needed: when a gazetteer
place starts one or two characters inside the name, jieba cuts a word boundary at the place's first character,
and what stands before it is a verb, preposition, adverb, conjunction or adjective (the words that open a
clause, never a name's modifier: 牢 a, 沿 p, 清理 v), the name starts at the place. A direction
(东, 西…) is a name's modifier and jieba tags it so (f, ns), a size or age (大, 新, 老) is kept by name (jieba
tags it a); so is a place or noun (河套|深圳园区).
Gazetteer places keep their edges.
"""
from __future__ import annotations

from .mentions import Mention
from .opener_edges import cut_left_edge
from .places import gazetteer
from .words import cut_words, tagger

_MAX_GLUE = 2
# the jieba tags of words that open a clause and never stand inside a name's modifier
_GLUE_TAGS = frozenset({"v", "vd", "vi", "vn", "p", "d", "ad", "c", "a"})


# adjectives of size and age that open names (大张家界国际旅游区, 小梅沙, 新安, 老城): jieba tags them a too
_NAME_ADJECTIVES = frozenset("大小新老全总")


def _is_glue(word: str) -> bool:
    _, tags = tagger()
    return tags.get(word) in _GLUE_TAGS and word not in _NAME_ADJECTIVES


def _glue_end(text: str, s: int, e: int, known: set[tuple[int, int]]) -> int:
    """Where the known place inside text[s:e] starts when only glued clause words stand before it (s if not);
    `known`: the (start, end) of the places the finders read off the gazetteer (龙岗 by the home district's
    short name)."""
    found = gazetteer().matcher.find(text[s + 1:min(e, s + 1 + _MAX_GLUE + 8)])
    starts = sorted({a + s + 1 for a, z, _, _ in found if a < _MAX_GLUE and z + s + 1 < e}
                    | {a for a, z in known if s < a <= s + _MAX_GLUE and z < e})
    if not starts:
        return s
    p = starts[0]
    lo = max(0, s - 4)
    words = cut_words(text[lo:e])
    at, before = lo, []
    for w in words:
        if at >= p:
            break
        if at + len(w) > s:
            before.append(w)
        at += len(w)
    if at != p or not before:
        return s   # a word runs over the place's first character: the place is no word of its own here
    return p if all(_is_glue(w) for w in before) else s


def trim_glued_edges(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """Place mentions of passage `text` (at `base`) whose left edge holds clause words before a known place,
    cut to the place."""
    known = {(m.start - base, m.end - base) for m in ms if m.label == "Place" and m.props.get("gazetteer")}
    for m in ms:
        if m.label != "Place" or m.props.get("gazetteer"):
            continue
        s, e = m.start - base, m.end - base
        cut = _glue_end(text, s, e, known)
        if cut != s:
            cut_left_edge(m, text, base, cut)
    return ms
