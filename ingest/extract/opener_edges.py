"""A place's left edge inside the clause's opening verb (issue 13, session 10).

jieba's dictionary reads some clause openers glued to the name after them, because the opener's last
character and the name's first make a word: 加快乐高乐园 is cut 加|快乐|高|乐园 (快乐 "happy"), so the finders
that start a name after the last verb see none and keep 加快 in the name; in 对标中国香港 the preposition 对 is
cut off and the verb's second half 标 stays in front of the place. In both the name's left edge falls
inside or right after a clause opener (`clause_lead_words.txt`, `name_shape_boundaries.txt`): the place
starts where the opener ends.

The openers' list holds only words that never stand inside a name's modifier; at least two characters of
the name must remain. Gazetteer places keep their edges (their names are known whole).
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import word_set
from .mentions import Mention
from .words import tagger
_MIN_LEFT = 2


@lru_cache(maxsize=1)
def _openers() -> dict[int, frozenset[str]]:
    """The clause openers of two to four characters, by length."""
    words = word_set("clause_lead_words.txt") | word_set("name_shape_boundaries.txt")
    return {n: frozenset(w for w in words if len(w) == n) for n in (2, 3, 4)}


def _opener_end(text: str, s: int, e: int) -> int:
    """Where an opener covering the name's first character ends (s if none)."""
    best = s
    for n, words in _openers().items():
        for k in range(n - 1, -1, -1):      # the opener starts k characters before the name
            lo = s - k
            hi = lo + n
            if lo < 0 or hi <= s or e - hi < _MIN_LEFT:
                continue
            if text[lo:hi] in words and hi > best:
                best = hi
    return best


def trim_opener_edges(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """Place mentions of passage `text` (at `base`) whose left edge holds a clause opener, cut after it."""
    out = []
    for m in ms:
        out.append(m)
        if m.label != "Place" or m.props.get("gazetteer"):
            continue
        s, e = m.start - base, m.end - base
        cut = _opener_end(text, s, e)
        if cut == s:
            continue
        if _common_word(text[cut:e]):
            out.pop()   # 擦亮|图书馆之城: what stands after the opener is a kind of place, no name
            continue
        cut_left_edge(m, text, base, cut)
    return out


def cut_left_edge(m: Mention, text: str, base: int, cut: int) -> None:
    """`m` (in passage `text` at `base`) starts at `cut` instead: its surface, name and aliases lose what stood before."""
    s, e = m.start - base, m.end - base
    dropped = text[s:cut]
    m.start, m.surface = base + cut, text[cut:e]
    if m.name.startswith(dropped):
        m.name = m.name[len(dropped):]
    m.aliases.discard(dropped + m.surface)


def _common_word(w: str) -> bool:
    """A word of jieba's dictionary that is no name (图书馆 n; 中国香港 ns is a name)."""
    _, tags = tagger()
    return tags.get(w, "ns")[:2] not in ("ns", "nr", "nt", "nz")
