"""Industry clusters and bases are names only when a place opens them (issue 13, session 9).

Reports name the clusters and bases of their districts after the place that holds them: 水贝黄金珠宝集聚区,
盐田河临港新兴产业集聚区, 布心生命健康产业基地, 李朗电子商务集聚区, 大芬油画产业基地. The same heads after sectors
only name kinds of cluster: 医美集聚区, 文旅消费集聚区, 国际风投创投集聚区, 数控机床产业基地, 海工装备产业基地. Over
the 155 reports the heads 集聚区 and 产业基地 with any proper-looking modifier gave 85 new places, a third of them
kinds; so for these heads the modifier must open with a place: one the gazetteer knows, a word jieba tags as a
place or name, or two single characters jieba could not join that look like a place's (see _opens_with_place).
"""
from __future__ import annotations

from .traps import _FUNCTION_CHARS, _PLACE_MORPHEMES as _LANDFORMS, is_known_place
from .words import cut_words, tagger

CLUSTER_HEADS = ("集聚区", "产业基地")
_NAME_TAGS = ("ns", "nr", "nz", "nrt", "nrfg")


def _opens_with_place(modifier: str) -> bool:
    _, tags = tagger()
    words = cut_words(modifier)
    if not words or not "\u4e00" <= modifier[0] <= "\u9fff":
        return False
    if any(is_known_place(modifier[:k]) or (k <= 3 and is_known_place(modifier[:k] + "区"))
           for k in range(2, min(len(modifier), 5) + 1)):
        return True   # 坪山|国家…, 深圳|北…; 盐田 (盐田区 written short)
    first = words[0]
    nxt = words[1] if len(words) > 1 else ""
    if len(first) > 1 and nxt in _LANDFORMS:
        return True   # 盐田|河, 光明|湖: a river, lake or hill named by a word
    if len(first) > 1:
        return tags.get(first) in _NAME_TAGS   # 清水河, 莲塘, 海山 (ns)
    if len(nxt) != 1 or first in _FUNCTION_CHARS or nxt in _FUNCTION_CHARS:
        return False
    # two characters jieba could not join: a place's (笋|岗, 鹭|湖: a landform; 李|朗, 蔡|屋: a surname's
    # character; 水|贝, 大|芬: a bound morpheme) rather than a sector's abbreviation (医|美, 文|旅, 海|工)
    return (tags.get(first) == "nr" or bool(_LANDFORMS & {first, nxt}) or tags.get(nxt) == "zg")


def weak_cluster(modifier: str, head: str) -> bool:
    """Whether `modifier` + `head` (a cluster or base head) names a kind of cluster, not one (see the module)."""
    return head in CLUSTER_HEADS and not _opens_with_place(modifier)
