"""A unit named after its parent organisation is kept whole: 东软集团|数字医疗信息化中心, 北京航空航天大学|
先进信息技术产业基地, 南方科技大学|半导体学院.

find_organizations ends a name at its first suffix (东软集团), so the unit written right after its parent was
cut to the parent (the issue's 深圳技术大学德国国际合作办公室 -> 深圳技术大学). Here, after an organisation
found by the other finders, the run of name characters that follows (no punctuation, at most 16 characters)
is a unit when it ends in a unit head (`org_unit_heads.txt`: 中心, 基地, 研究院, 学院, 办公室…) and jieba reads
no clause word in it (a verb other than a name's, a preposition, conjunction, adverb, pronoun or count:
华为|建设研发中心 is a clause). The unit is an Organization marked `unit`, so the parent stays a mention
inside it, and rules/structure.nested_units draws its PART_OF to the parent.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list, word_set
from .org_modifiers import quality_words
from .traps import _is_designation
from .mentions import Mention
from .words import cut_words, tagger

# tags of words that open or carry a clause, never part of a unit's name
_CLAUSE_TAGS = frozenset({"v", "vd", "vi", "p", "c", "d", "u", "uj", "ul", "uz", "r", "rr", "rz", "m", "mq", "q", "t", "f"})
# words that join two names or pick one out of a class, never inside a unit's name
_JOINERS = frozenset({"之一", "暨", "之", "首家", "首个"})
_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}")
_MAX = 16


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(sorted(word_list("org_unit_heads.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _venues() -> tuple[str, ...]:
    return tuple(word_list("venue_suffixes.txt"))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Words that open a clause (name_shapes' openers and the boundary words of spans)."""
    return frozenset(word_set("name_shape_boundaries.txt") | word_set("clause_lead_words.txt")
                     | word_set("boundary_words.txt"))


@lru_cache(maxsize=65536)
def unit_length(run: str) -> int:
    """How many characters of `run` (the text right after a parent's name) name one of its units; 0 if none."""
    _, tags = tagger()
    name_verbs = word_set("name_verbs.txt")
    best = 0
    for k in range(3, len(run) + 1):
        if not run[:k].endswith(_heads()) or run[:k].endswith(_venues()):
            continue   # 华为|国际会展中心: a venue is a place by the project's convention, no unit
        words = cut_words(run[:k])
        _, tags = tagger()
        if words[0] in _openers() or any((w in _openers() and tags.get(w) != "vn") or w in _JOINERS
                                         or _is_designation(w) or w in quality_words() for w in words):
            break   # 建设|研发中心, …医院申报|三甲医院, 之一, 暨: the clause goes on (a noun use of an opener,
            # 国际合作|办公室, stays); 三级|医院 is a grade
        if any(tags.get(w) in _CLAUSE_TAGS and w not in name_verbs for w in words):
            break   # a verb or function word: the rest of the sentence, not a name
        best = k   # the longest unit that is still a name (…信息化中心, not …信息化)
    head = next((h for h in _heads() if run[:best].endswith(h)), "")
    return best if best - len(head) >= 2 else 0


def find_unit_names(text: str, base: int, mentions: list[Mention]) -> list[Mention]:
    """Units written right after an organisation mention of `mentions` (see the module)."""
    out: list[Mention] = []
    for m in mentions:
        if m.label != "Organization":
            continue
        e = m.end - base
        run = _RUN.match(text, e, min(len(text), e + _MAX))
        if run is None:
            continue
        n = unit_length(run.group(0))
        if n:
            surface = text[m.start - base:e + n]
            # the parent as found (东软集团: too short for nested_units' own reading of a parent's name)
            out.append(Mention("Organization", m.start, base + e + n, surface, surface, set(),
                               {"unit": True, "parent_name": m.name}))
    return out
