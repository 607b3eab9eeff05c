"""An event word after one common word names a kind of activity, not an event: 员工培训, 设计竞赛, 技能比赛.

A named event carries something that says which one: a place or body (深圳读书月, 龙岗区运动会), an edition
or year (第十届, 2023), a quote, an abbreviation (文博会), a proper noun. Four characters cut by jieba into
one word of everyday vocabulary (a noun, verbal noun or verb: 员工, 设计, 产品) and the event word say only
what kind of activity it is (开展员工培训、资格认证等专业服务; 支持开展产品展示推介、设计竞赛等活动).
"""
from __future__ import annotations

from .words import cut_words, tagger

# jieba tags of everyday words (not places, names, organisations, abbreviations or other proper nouns)
_COMMON_TAGS = frozenset({"n", "vn", "v"})
# and frequent: a rare noun is a name more often than a kind (徽商 38 in jieba's counts: 徽商大会 is one
# congress; 员工 3748, 设计 12474, 公益 404, 开学 229 are everyday words)
_COMMON_FREQ = 200


def names_a_kind(name: str, suffix: str) -> bool:
    """Whether a four-character event name is one common word and its event word."""
    if len(name) != 4 or len(suffix) != 2 or not name.endswith(suffix):
        return False
    words = cut_words(name[:2])
    if len(words) != 1:
        return False
    jieba, tags = tagger()
    return tags.get(words[0]) in _COMMON_TAGS and jieba.dt.FREQ.get(words[0], 0) >= _COMMON_FREQ
