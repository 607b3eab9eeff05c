"""Plans named by the place or area they plan: 宝安综合规划, 大空港地区产业规划, 坪山中心区城市设计方案.

A loose plan word (规划, 方案, 纲要) names a document only after a drafting verb in policies.py (制定,
编制…), because without one it names a kind (市政设施配套规划, 9大片区发展规划). A place written at the
start of the name is what makes it one plan: the plan of that district, zone or area (修编宝安综合规划,
完成大空港地区产业规划, 加快西部活力海岸带规划报批). The words between the place and the plan word must be
nouns of what is planned (综合, 产业, 发展, 城市设计), read with jieba's tags: a verb, count, particle or
preposition there makes the place the subject of a clause (宝安推进产业规划, 宝安区的发展规划, 深圳9大片区规划).

The place is a Place mention the finders before this one made in the passage (its span), so the rule
reaches every place they know, and no other.
"""
from __future__ import annotations

import re

from .mentions import Mention
from .words import cut_words, tagger

# what may follow the plan's name: punctuation, a list, or the work done on it
# (方案 is left out: a place before 设计方案/规划方案 is a building's, 深圳歌剧院设计方案, not an area's plan)
_PLAN = re.compile(r"(?P<mod>[\u4e00-\u9fff]{2,12}?)(?P<word>规划纲要|规划|纲要)"
                   r"(?=[，。；、：\n和及与]|编制|修编|修订|报批|获批|实施|$)")
# tags of the words that may stand between the place and the plan word: nouns, verbal nouns, terms
_MOD_TAGS = ("n", "vn", "j", "l", "b")
# words whose place opens a clause or a description, not a name (地区 ends an area's name: kept)
_NOT_IN_NAME = ("的", "等", "各", "和", "与")


# an area is planned; a venue or a facility (清水河综合交通枢纽规划, 深圳歌剧院) is designed, and the
# place inside its plan's name is the place the gold and the reader want
_AREA_KINDS = frozenset({"district", "city", "county", "province", "region", "town", "street", "natural"})
_AREA_SHAPES = ("区", "城", "带", "岛", "湾", "走廊", "地区", "镇", "街道")


def _is_area(place: Mention) -> bool:
    return place.props.get("kind") in _AREA_KINDS or str(place.props.get("shape", "")).endswith(_AREA_SHAPES)


def _is_plan_modifier(mod: str) -> bool:
    """Whether the words between the place and the plan word are nouns of what is planned."""
    if any(w in mod for w in _NOT_IN_NAME):
        return False
    _, tags = tagger()
    words = cut_words(mod)
    return bool(words) and all(tags.get(w, "x").startswith(_MOD_TAGS) for w in words)


def find_place_plans(text: str, base: int, mentions: list[Mention]) -> list[Mention]:
    """Plans whose name opens with a place mention of the passage and ends in a loose plan word."""
    out: list[Mention] = []
    policies = [(m.start - base, m.end - base) for m in mentions if m.label == "Policy"]
    for p in mentions:
        if p.label != "Place" or not _is_area(p):
            continue
        if any(q.label == "Place" and q.start <= p.start and p.end < q.end for q in mentions):
            continue     # 清水河 inside 清水河综合交通枢纽: the longer place decides
        s, e = p.start - base, p.end - base
        m = _PLAN.match(text, e)
        if m is None or not _is_plan_modifier(m.group("mod")):
            continue
        end = m.end()
        if any(a < end and s < b for a, b in policies):
            continue     # a title the policy finders read already
        name = text[s:end]
        out.append(Mention("Policy", base + s, base + end, name, name, set(), {"bracketed": False}))
        policies.append((s, end))
    return out
