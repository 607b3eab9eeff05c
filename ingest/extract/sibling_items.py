"""An item of a list that its siblings vouch for: 天安云谷、星河world、启迪协信、天安数码、中海信等重点产业园区.

enumerations.py keeps a list before 等 and a class noun only when every item looks like a name on its
own (name_shapes.name_modifier). Short names of parks and firms often do not (天安|数码: a proper word and a
common noun; 中|海信: a locative and a brand), and one such item cost the whole list: five parks lost.
When at least two items, and at least half of them, are names by that test, a later item that fails it is
still one when it is a plain name-sized string: two to six characters, no digit, no generic word of
names (name_generic_words.txt), not one word of jieba's common dictionary (人工智能, 基本农田), no verb
(推进, 加快: the list was over) and a name's word in it (a proper or unknown word: 天安|数码, 中|海信; or two
single characters jieba could not join: 启迪|协|信; 新|材料 has none). The first item is left alone: it may still carry the clause's verb.
"""
from __future__ import annotations

from .lexicon import word_set
from .words import cut_words, tagger

_COMMON_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "d", "l", "i", "m", "q", "t", "f"})
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "s", None})


def _plain_name(item: str) -> bool:
    if not 2 <= len(item) <= 6 or any(c.isdigit() for c in item) or item in word_set("name_generic_words.txt"):
        return False
    _, tags = tagger()
    words = cut_words(item)
    if len(words) == 1 and tags.get(item) in _COMMON_TAGS:
        return False   # 人工智能, 新材料: a trade, not a park
    if any((tags.get(w) or "").startswith("v") and len(w) > 1 for w in words):
        return False
    # a name's word: a proper word or one jieba does not know (天安, 海信, world), or two single characters
    # it could not join (启迪|协|信); 新|材料 has neither
    return (any(tags.get(w) in _NAME_TAGS for w in words)
            or any(len(a) == 1 == len(b) for a, b in zip(words, words[1:])))


def siblings_carry(parts: list[str], names: list[str | None]) -> bool:
    """Whether at least two parts, and at least half of them, are whole names (`names`: each part's name,
    None when it failed). Leaving out the parts that are no name and keeping the list (基本农田 among 光明湖、
    碧眼水库、光明森林公园) was tried: +84 nodes over the corpus, about 25 wrong (通信, 给排水, 生态宜居; firms
    with their country: 德国库卡 in place of 德国), nothing on dev; dropped, a failing part still costs the list."""
    whole = sum(1 for p, n in zip(parts, names) if n is not None and n == p)
    good = sum(1 for n in names if n is not None)
    return whole >= 2 and 2 * good >= len(parts)


def vouch_items(parts: list[str], names: list[str | None]) -> list[str | None]:
    """`names` with the later parts its siblings vouch for."""
    if not siblings_carry(parts, names):
        return names
    return [n if n is not None or k == 0 or not _plain_name(p) else p for k, (p, n) in enumerate(zip(parts, names))]
