"""Events named without an event word, listed with named events before 等 and a kind of event:
办好梅沙国际珊瑚节、世界杯国标舞等对外文体活动; 高水平承办女篮亚洲杯、男足U20亚洲杯等赛事.

Games, cups, marathons and shows are often named without a head the event finder reads (世界杯国标舞,
宝安国际马拉松, 光明梦想秀). In a list closed by 等 and a kind of event (赛事, 文体活动, 展会, 论坛…), an item
stands for the same kind of thing as the named events beside it. So an item becomes an event when at least
one other item of the list already is one (the anchor), and it is shaped like a name: 3-16 characters,
no clause verb, no 的. Lists of offences, campaigns or services (违法犯罪活动, 专题活动, 专项服务活动) are
no lists of events, whatever their items.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention
from .words import cut_words, tagger

_KIND = re.compile(r"等(?P<mod>[^，。；、：“”\n]{0,10}?)(?P<kind>赛事|活动|展会|会展|盛会|节会|会议|论坛|峰会|展览)")
# 活动 alone closes lists of anything (专家讲座、创业讲座等活动): only a kind of event names events
_EVENT_ACTIVITIES = ("文体", "文化", "体育", "品牌", "国际", "外事", "外交", "大型", "高端", "节庆", "艺术", "重大",
                     "经贸", "会展", "赛", "演出", "展演")
# an item that ends in work done is no event's name (成果展示, 产品展示推介, 国际文化交流, 直播带货)
_WORK_TAGS = ("v", "vn", "vd")
# kinds of activity that are no events: offences, campaigns, services, drives
_NOT_EVENTS = ("犯罪", "违法", "专题", "服务", "整治", "执法", "治理", "志愿", "教育", "实践", "学习", "招聘",
               "公益", "宣传", "群众性", "创建", "主题党日")
_CLAUSE_MARKS = "，。；：！？\n"
_NAME_TAGS_STOP = ("p", "c", "r", "u", "d", "y", "e", "o")


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    verbs = sorted(set(word_list("event_verbs.txt")) | set(word_list("event_verbs_outside_names.txt")),
                   key=len, reverse=True)
    return re.compile("|".join(map(re.escape, verbs)))


def _shaped_like_a_name(item: str) -> bool:
    if not 4 <= len(item) <= 16 or "的" in item or any(c in item for c in "（()）《》 \u3000\\"):
        return False
    if len(re.findall(r"[\u4e00-\u9fff]", item)) < 3 or re.match(r"\d+届", item):
        return False     # ATP, ITF男子: a Latin word split by 、; 4届南博会: a count of editions
    if item.count("“") != item.count("”"):
        return False
    _, tags = tagger()
    words = cut_words(item.replace("“", "").replace("”", ""))
    if len(words) < 2 or tags.get(words[0], "x").startswith(_NAME_TAGS_STOP):
        return False     # 铁人三项, 沙滩排球: one word names a sport, not one of its events
    if tags.get(words[0], "") == "v" and len(words[0]) > 1:
        return False     # 策划中国旅游日: the clause's verb
    return not tags.get(words[-1], "x").startswith(_WORK_TAGS) and not words[-1].endswith(("行动", "工程", "计划"))


def _items(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of the parts between 、 in text[lo:hi]; the first one starts after the clause's last verb."""
    spans, pos = [], lo
    for part in text[lo:hi].split("、"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    s0, e0 = spans[0]
    cut = 0
    for v in _verb_re().finditer(text, s0, e0):
        if e0 - v.end() >= 3:
            cut = v.end() - s0
    spans[0] = (s0 + cut, e0)
    return spans


def listed_event_items(text: str, base: int, events: list[Mention]) -> list[Mention]:
    """Events among the items of a list closed by 等 + a kind of event, next to a named event."""
    out: list[Mention] = []
    if "等" not in text or not events:
        return out
    for m in _KIND.finditer(text):
        mod = m.group("mod")
        if any(w in mod for w in _NOT_EVENTS) or (m.group("kind") == "活动"
                                                   and not any(w in mod for w in _EVENT_ACTIVITIES)):
            continue
        lo = max(text.rfind(c, 0, m.start()) for c in _CLAUSE_MARKS) + 1
        if "、" not in text[lo:m.start()]:
            continue
        spans = _items(text, lo, m.start())
        known = [any(s < e.end - base and e.start - base < t for e in events) for s, t in spans]
        if not any(known) or all(known):
            continue
        for (s, t), is_event in zip(spans, known):
            item = text[s:t]
            if is_event or not _shaped_like_a_name(item):
                continue
            out.append(Mention("Event", base + s, base + t, item, item.replace("“", "").replace("”", ""),
                               {item} - {item.replace("“", "").replace("”", "")}, {}))
    return out
