"""An organisation named after two fields joined by 与: 网络空间科学与技术省实验室, 人工智能与数字经济省实验室,
机器人与智能制造研究院, 环境技术交流与转移中心, 科技与产业融合创新协会.

The organisation finders stop a name's left part at 与, the conjunction that elsewhere joins two bodies
(深化区人民医院与中南大学合作) or a partner to a verb (推进与香港大学合作): 网络空间科学与技术省实验室 was
cut to 技术省实验室. What tells the two readings apart is the left part: when it is only the words of a
field (nouns jieba knows, no verb, no place, no body's head), 与 joins two fields inside one name; a verb
(推进|与, 强化|与), a place (福田区|与) or a body (…医院|与) before it makes 与 the conjunction between
the clause and a partner. Over the 155 reports (session 10) the shape names about 25 organisations.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set
from .mentions import Mention
from .traps import is_known_place
from .words import cut_words, tagger

_BOUNDARY = re.compile(r"[，。；：、（）()“”《》\s等和及]")
_MAX_LEFT = 10
# 与 only: 及 was tried in session 12 (建筑装饰及设计行业协会, 生物标准物质及质控品研发中心) and over the corpus joined
# as many list items and clauses (小学及皇岗小学, 调蓄工程及中山大学深圳校区, 事项及公职律师事务所): 4 of 7 right
_JOINERS = "与"
# the nation before a national body's fields (中国传感器与物联网产业联盟), where a place would stand
_NATION = frozenset({"中国"})
# tags of a field's words: nouns, verbal nouns, abbreviations, idioms of a trade
_FIELD_TAGS = frozenset({"n", "vn", "nz", "j", "an", "l", "eng"})
# heads of bodies and places: a left part holding one names a partner, not a field (…医院|与中南大学)
# heads of bodies that are a clause's partners far more often than a field's (与清华大学, 与万科集团, 与市二医院)
_PARTNER_HEADS = ("大学", "集团", "医院", "公司", "银行")
_BODY_HEADS = ("院", "校", "局", "委", "办", "厅", "部", "府", "中心", "公司", "集团", "大学", "所", "区", "市", "省",
               "县", "镇", "村", "街道", "会", "企业", "团队", "试点", "项目", "单位")


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Words that open a clause before a name (建设, 推进, 打造…), never a field's."""
    return frozenset(word_set("name_shape_boundaries.txt") | word_set("clause_lead_words.txt")
                     | word_set("boundary_words.txt"))


def _left_field(text: str, start: int) -> int | None:
    """The start of the field words that end at the 与 before `start` (a place right before them
    belongs to the name: 深圳市|人工智能|与机器人研究院), or None if they are no field."""
    lo = start - 1
    while lo > max(0, start - 1 - _MAX_LEFT) and not _BOUNDARY.match(text[lo - 1]):
        lo -= 1
    words = cut_words(text[lo:start - 1])
    _, tags = tagger()
    k = len(words)
    while k > 0 and tags.get(words[k - 1]) in _FIELD_TAGS and words[k - 1] not in _openers() \
            and not is_known_place(words[k - 1]):
        k -= 1
    field = "".join(words[k:])
    if len(field) < 2 or field.endswith(_BODY_HEADS):
        return None   # 推进|与, 福田区|与, …医院|与: a clause or a body joins its partner here
    if k > 0 and (is_known_place(words[k - 1]) or words[k - 1] in _NATION):
        k -= 1   # 深圳市|人工智能与…, 中国|传感器与物联网产业联盟 (session 12)
    return start - 1 - len("".join(words[k:]))


def join_fields(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Organization mentions widened over `field与` when their name starts right after 与 (see the module)."""
    out: list[Mention] = []
    if not any(j in text for j in _JOINERS):
        return out
    for m in found:
        s = m.start - base
        if m.label != "Organization" or s < 3 or text[s - 1] not in _JOINERS or m.name != m.surface \
                or m.name.endswith(_PARTNER_HEADS) or cut_words(text[s - 3:s])[-1] != text[s - 1]:
            continue   # 与中山大学, 与万科集团: a partner; 参与|南航集团: 与 ends a verb
        lo = _left_field(text, s)
        if lo is None:
            continue
        surface = text[lo:m.end - base]
        out.append(Mention("Organization", base + lo, m.end, surface, surface, set(), {"joined": True}))
    return out
