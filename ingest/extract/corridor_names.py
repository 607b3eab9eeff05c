"""Corridors (走廊) are named by the places they link or cross: 广深科技创新走廊, 大沙河创新走廊, 中巴经济走廊.

A 走廊 is a planned belt; a report also writes it for a kind (空中走廊, 陆上经济走廊) or a slogan-like plan
(东部向海发展走廊). Its name opens with a place: a gazetteer or jieba place word (大沙河, 龙岗, 香港), or
places joined by their abbreviations (广深, 中巴). A dash chain of places before it (南宁—柳州—桂林经济走廊)
lists the places, which stay separate names. Corpus (155 reports): 35 corridor nodes, read as names;
the rule removed 东部向海发展走廊, 陆上经济走廊 and the dash chains.
"""
from __future__ import annotations

import re

from .place_abbreviations import opens_with_abbreviations
from .traps import is_known_place
from .words import cut_words, tagger

CORRIDOR_HEADS = frozenset({"走廊"})
_DASH = re.compile(r"[-－—]")
_PLACE_TAGS = frozenset({"ns", "j"})


def corridor_name_ok(modifier: str, head: str) -> bool:
    """Whether `modifier` + `head` may name a corridor (always true for other heads)."""
    if head not in CORRIDOR_HEADS:
        return True
    if _DASH.search(modifier):
        return False
    if any(is_known_place(modifier[:k]) for k in range(2, min(5, len(modifier)) + 1)):
        return True
    words = cut_words(modifier)
    _, tags = tagger()
    return bool(words) and (tags.get(words[0]) in _PLACE_TAGS or opens_with_abbreviations(words))
