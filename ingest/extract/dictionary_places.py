"""Named geography jieba's dictionary knows: rivers, lakes, bays, ports, islands, airports (东江, 深圳河, 珠江口,
大亚湾, 湛江港, 雷州半岛, 深圳机场), which the division gazetteer does not hold.

A candidate is a word tagged `ns` in jieba's dictionary that ends in a head of named geography
(geo_word_heads.txt), is no common phrase (geo_word_stop.txt: 海湾, 山河, 入海口) and stands as a word of its
own in the local segmentation (大湾 in 大湾区 does not). A one-character stem needs a frequent word (东江 174,
北江 86 in jieba's counts; 龙山, 平山 are rarer and ambiguous). The longest reading wins in the overlap
settlement, so 珠江口 replaces 珠江 and 深圳湾 the 深圳 it opens.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import Matcher, word_list, word_set
from .mentions import Mention
from .word_alignment import opens_longer_name, stands_as_word
from .words import cut_words, tagger

# jieba count under which a one-character stem + head (龙山 19, 红山 9) is too ambiguous to be one place;
# and only rivers and lakes take a one-character stem (东江, 西江, 东湖): 关山, 青山, 深山 are literary words
_ONE_CHAR_STEM_MIN = 50
_ONE_CHAR_STEM_HEADS = ("江", "河", "湖")


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


# tags of a word after the place that ends its name: verbs, particles, conjunctions, prepositions,
# locatives, numerals, fixed phrases (深圳河|治理, 东江|、, 湛江港|30万吨级, 盐田港|后方, 潮白河|综合治理)
_ENDING_TAGS = frozenset({"v", "vn", "vd", "u", "uj", "ul", "c", "p", "f", "d", "m", "q", "r", "l"})


@lru_cache(maxsize=1)
def _parts() -> frozenset[str]:
    return frozenset(word_list("geo_word_parts.txt"))


def _ends_here(text: str, e: int) -> bool:
    """Whether the place's name ends at e: what follows is no name of which it is the first word
    (深圳湾|超级总部基地, 盐田港|区, 九龙山|工业园 are other places; a nested place is no mention of its own,
    as the report gold has it), but a part of it (北江|航道, 珠江口|东西两岸), a verb or a punctuation mark."""
    if e >= len(text) or not "\u4e00" <= text[e] <= "\u9fff":
        return True
    _, tags = tagger()
    nxt = next(iter(cut_words(text[e:e + 6])), "")
    return tags.get(nxt) in _ENDING_TAGS or nxt in _parts() or nxt in _matcher()


def find_dictionary_places(text: str, base: int) -> list[Mention]:
    out = []
    for s, e, key, _ in _matcher().find(text):
        if _ends_here(text, e) and not opens_longer_name(text, e) and stands_as_word(text, s, e):
            out.append(Mention("Place", base + s, base + e, key, key, set(), {"kind": "natural"}))
    return out
