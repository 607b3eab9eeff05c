"""Plans named by the place or area they plan: 宝安综合规划, 大空港地区产业规划, 坪山中心区城市设计方案.

A loose plan word (规划, 方案, 纲要) names a document only after a drafting verb in policies.py (制定,
编制…), because without one it names a kind (市政设施配套规划, 9大片区发展规划). A place written at the
start of the name is what makes it one plan: the plan of that district, zone or area (修编宝安综合规划,
完成大空港地区产业规划, 加快西部活力海岸带规划报批). The words between the place and the plan word must be
nouns of what is planned (综合, 产业, 发展, 城市设计), read with jieba's tags: a verb, count, particle or
preposition there makes the place the subject of a clause (宝安推进产业规划, 宝安区的发展规划, 深圳9大片区规划).

The place is a Place mention the finders before this one made in the passage (its span), or an area
written by its shape that no finder knows: a word ending in an area head (地区, 片区, 海岸带, 产业带,
走廊…) after a word of its own (大空港|地区, 西部|活力|海岸带), the name's left edge read as document_names
reads it. An area head after only words of kind (重点|片区, 周边|片区) or a count (9大片区) names no area.
"""
from __future__ import annotations

import re

from .document_names import _name_start
from .mentions import Mention
from .words import cut_words, tagger

# what may follow the plan's name: punctuation, a list, the work done on it, or the plan's own progress as the
# subject of its clause (推动口岸经济带规划加快落地, 光明科学城空间规划纲要正式发布)
# (方案 is left out: a place before 设计方案/规划方案 is a building's, 深圳歌剧院设计方案, not an area's plan)
_PLAN = re.compile(r"(?P<mod>[\u4e00-\u9fff]{2,12}?)(?P<word>规划纲要|规划|纲要)"
                   r"(?=[，。；、：\n和及与]|编制|修编|修订|报批|获批|实施|加快|落地|正式|顺利|$)")
# tags of the words that may stand between the place and the plan word: nouns, verbal nouns, terms
_MOD_TAGS = ("n", "vn", "j", "l", "b")
# words whose place opens a clause or a description, not a name (地区 ends an area's name: kept)
_NOT_IN_NAME = ("的", "等", "各", "和", "与")


# an area is planned; a venue or a facility (清水河综合交通枢纽规划, 深圳歌剧院) is designed, and the
# place inside its plan's name is the place the gold and the reader want
_AREA_KINDS = frozenset({"district", "city", "county", "province", "region", "town", "street", "natural"})
_AREA_SHAPES = ("区", "城", "带", "岛", "湾", "走廊", "地区", "镇", "街道")


_COUNT = re.compile(r"[一二三四五六七八九十两几]+[大个项片]")
_AREA_HEADS = ("地区", "片区", "带", "走廊", "新城", "半岛")
_LOOSE_PLAN = re.compile(r"(?:规划纲要|规划)(?=[，。；、：\n和及与]|编制|修编|修订|报批|获批|实施|加快|落地|正式|顺利|$)")
# words that name a kind of area, not one (重点片区, 周边片区, 全市各片区)
_KIND_OF_AREA = frozenset({"重点", "周边", "各", "全市", "全区", "全省", "相关", "有关", "城市", "重要", "特色",
                           "其他", "部分", "大片", "核心", "先行", "若干", "一批", "产业", "发展"})


def _area_plans(text: str) -> list[tuple[int, int]]:
    """Spans of plans named by an area written by its shape (大空港地区产业规划, 西部活力海岸带规划)."""
    out = []
    for m in _LOOSE_PLAN.finditer(text):
        lo = max(0, m.start() - 24)
        s = _name_start(text, lo, m.start())
        if s is None or (s > 0 and text[s - 1].isdigit()) or _COUNT.match(text, s):
            continue     # 9|大片区发展规划, 六大重点片区规划: a count of areas
        words = cut_words(text[s:m.start()])
        at = next((i for i, w in enumerate(words) if w.endswith(_AREA_HEADS) and len(w) >= 2), None)
        if at is None or not any(w not in _KIND_OF_AREA and len(w) >= 2 for w in words[:at]):
            continue
        if not _is_plan_modifier("".join(words[at + 1:])) and at + 1 < len(words):
            continue
        out.append((s, m.end()))
    return out


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
    for s, end in _area_plans(text):
        if not any(a < end and s < b for a, b in policies):
            name = text[s:end]
            out.append(Mention("Policy", base + s, base + end, name, name, set(), {"bracketed": False}))
            policies.append((s, end))
    return out
