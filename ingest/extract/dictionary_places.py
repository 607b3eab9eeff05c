"""Named geography jieba's dictionary knows: rivers, lakes, bays, ports, islands, airports (东江, 深圳河, 珠江口,
大亚湾, 湛江港, 雷州半岛, 深圳机场), which the division gazetteer does not hold.

A candidate is a word tagged `ns` in jieba's dictionary that ends in a head of named geography
(geo_word_heads.txt), is no common phrase (geo_word_stop.txt: 海湾, 山河, 入海口) and stands as a word of its
own in the local segmentation (大湾 in 大湾区 does not). A one-character stem needs a frequent word (东江 174,
北江 86 in jieba's counts; 龙山, 平山 are rarer and ambiguous). The longest reading wins in the overlap
settlement, so 珠江口 replaces 珠江 and 深圳湾 the 深圳 it opens.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Matcher, word_list, word_set
from .mentions import Mention
from .word_alignment import stands_as_word
from .words import tagger

# jieba count under which a one-character stem + head (龙山 19, 红山 9) is too ambiguous to be one place;
# and only rivers and lakes take a one-character stem (东江, 西江, 东湖): 关山, 青山, 深山 are literary words
_ONE_CHAR_STEM_MIN = 50
_ONE_CHAR_STEM_HEADS = ("江", "河", "湖")
# a road, street, bridge or station named after the river (清水河三路, 布吉河路) is that other place
_LONGER_NAME = re.compile(r"[一二三四五六七八九十0-9]*(?:路|街|大道|桥|站)")


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    from .places import gazetteer
    jieba, tags = tagger()
    heads = tuple(word_list("geo_word_heads.txt"))
    stop = word_set("geo_word_stop.txt")
    g = gazetteer()
    words = []
    for w, t in tags.items():
        if t != "ns" or not 2 <= len(w) <= 7 or w in stop or not w.endswith(heads):
            continue
        if w in g.places or w in g.matcher:
            continue  # a division or a region: the gazetteer's
        if len(w) == 2 and (jieba.dt.FREQ.get(w, 0) < _ONE_CHAR_STEM_MIN or not w.endswith(_ONE_CHAR_STEM_HEADS)):
            continue
        words.append(w)
    return Matcher((w, w) for w in words)


def find_dictionary_places(text: str, base: int) -> list[Mention]:
    out = []
    for s, e, key, _ in _matcher().find(text):
        if not _LONGER_NAME.match(text, e) and stands_as_word(text, s, e):
            out.append(Mention("Place", base + s, base + e, key, key, set(), {"kind": "natural"}))
    return out
