"""A word jieba holds whole that is made of category words is a category word too (技术创新, 科技产业).

traps.is_category and org_modifiers ask whether each word of a body's modifier is on the category lists
(name_generic_words.txt, name_category_words.txt: 技术, 创新, 科技, 产业…). jieba's dictionary joins some
pairs of them into one word (技术创新 l, 科技产业), which no list holds, so the modifier read as a name's:
技术创新联盟 (a dev trap: a kind of alliance), 国家技术创新中心 and 国家科技产业创新中心 (titles the state
grants, not one centre) came out as organisations, 4 of the 33 false organisations on the 72 dev windows
(session 12). A word that splits wholly into listed words of two or more characters names the same kind
its parts do. A word jieba tags as a proper name (nt, nz, ns, j…) is left alone: its dictionary holds it
as one body's or place's name. Before a school's head the field is the name (电子科技大学: 27 mentions over
the corpus were lost to the first version of this rule, since 电子 and 科技 are both listed); universities and
colleges are named by their fields, kinds of them by quality words (org_modifiers: 高水平理工科大学).
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import word_set
from .words import tagger

# heads a field names one body before: 电子科技大学, 外国语学院
_SCHOOL_HEADS = ("大学", "学院")
# jieba tags of proper names: a word so tagged is a name whatever its parts
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "j", "s"})


@lru_cache(maxsize=1)
def _category_words() -> frozenset[str]:
    return frozenset(w for w in word_set("name_generic_words.txt") | word_set("name_category_words.txt") if len(w) >= 2)


def _splits_into(word: str, parts: frozenset[str]) -> bool:
    """Whether `word` is a sequence of two or more of `parts` (each at least two characters)."""
    ends = {0}
    for i in range(2, len(word) + 1):
        if any(j in ends and word[j:i] in parts for j in range(max(0, i - 6), i - 1)):
            ends.add(i)
    return len(word) in ends and word not in parts


@lru_cache(maxsize=65536)
def is_category_compound(word: str, head: str = "") -> bool:
    """Whether `word` is two or more category words written as one (技术创新 = 技术|创新), before `head`."""
    if len(word) < 4 or head.endswith(_SCHOOL_HEADS):
        return False
    _, tags = tagger()
    if tags.get(word) in _PROPER_TAGS:
        return False
    return _splits_into(word, _category_words())
