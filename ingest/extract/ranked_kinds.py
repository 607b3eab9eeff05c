"""A rank opening a body's name says how big it is, not which it is (世界500强|跨国公司, 全球前20大|船公司).

find_organizations builds a name leftwards from a suffix up to the clause's boundary words; a rank written before
the kind (世界500强, 全球前20大, 百强, 中国500强) is no boundary word, so it opened the name: 全球前20大船公司 (dev
w88, one of the 33 false organisations on the 72 dev windows of session 12), 世界500强跨国公司, 百强会计师事务所 (kinds),
世界500强中冶集团, 世界500强魏桥创业集团 (a firm with its rank before it). After the rank the modifier either says
which body (a proper, rare or unknown word, a place: org_modifiers' test; 中冶, 魏桥) and the name starts there, or it
does not (船, 跨国, 会计师) and the run is a kind.
"""
from __future__ import annotations

import re

from .words import cut_words

_RANK = re.compile(r"(?:世界|全球|全国|国内|中国|全省|全市|行业)?"
                   r"(?:前[0-9一二三四五六七八九十百千]+[强大名]?|[0-9一二三四五六七八九十百千]+强)")


def rank_end(modifier: str) -> int:
    """How many characters of a rank open `modifier` (世界500强|中冶, 全球前20大|船); 0 if none."""
    m = _RANK.match(modifier)
    return m.end() if m else 0


def names_which_after_rank(rest: str) -> bool:
    """Whether the modifier after a rank says which body (中冶, 魏桥创业), not only what kind (船, 跨国, 会计师)."""
    from .org_modifiers import _says_which   # org_modifiers is imported by organizations, as this module is
    words = [w for w in cut_words(rest) if w.strip()]
    return bool(words) and _says_which(words, frozenset())
