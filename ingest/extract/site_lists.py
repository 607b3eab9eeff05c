"""Sites named short in lists of a place class (issue 13, session 8).

District reports list the villages, plots, streets and parks they work on by their bare names, and the
class after 等 says what the items are: 推进沙嘴、上沙、水围、下梅林等城中村改造项目, 加快水贝、草埔、独树、长岭等
城中村, 抓好深业上城、长富大厦等产业用房, 优化宝龙、平湖、坪地等片区, 依托虹桥、明湖等公园. Over the 155 reports,
692 lists end in 等 and such a class (城中村, 片区, 园区, 社区, 街道, 商圈, 楼宇, 口岸, 公园, 道路, 河流, 水库).

The class alone is not enough: 智能网联汽车、生物医药与健康、新一代电子信息等三大先进制造业园区 lists industries
and 社会组织、物业企业、辖区单位等社会力量参与社区 lists actors. So a list is read only when every item is a
site's name:
- a mention another finder made (a place or an organisation), or
- a name ending in a place head (长富大厦, 八卦岭片区) whose modifier is no category, or
- a bare name of two to four characters with a proper word and no common word of two characters or more
  (上沙 = 上|沙, 下梅林 = 下|梅林, 车公庙 = 车|公|庙; 人民南 and 机场东 end in a direction, which makes the
  common word before it a site's); a bare item alone (抓好广佛跨界等重污染河流整治) is not read.
Items no other finder found become Places; items already found keep their label.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .firm_lists import _CLAUSE_EDGE, _items
from .list_siblings import _head_of, _holds_verb
from .mentions import Mention
from .name_shapes import clause_lead
from .traps import has_proper_word, is_category
from .words import cut_words, tagger

_CLASS = "城中村|旧村|产业园区|园区|产业园|工业区|片区|社区|街道|商圈|商业街|楼宇|产业用房|口岸|景区|公园|港区|水库|河流|道路"
_LIST = re.compile(r"(?P<items>[\u4e00-\u9fff、]{2,80}?)等(?:[0-9一二三四五六七八九十百]+[个条座处片家])?"
                   r"(?P<mod>[^，。；：、\s等的]{0,6}?)(?:" + _CLASS + ")")
_DIRECTION_END = frozenset("东西南北")
# a common word in a bare item marks a phrase, not a site (辅助性|就业, 社会|组织): jieba's count above this
_COMMON = 1000
_PHASE = re.compile(r"[一二三四五六七八九十]期$")


@lru_cache(maxsize=8192)
def _bare_site(item: str) -> bool:
    """上沙, 下梅林, 车公庙, 人民南: a short name with a proper word and no common word of two characters."""
    if not 2 <= len(item) <= 4 or is_category(item) or not has_proper_word(item):
        return False
    if item[-1] in _DIRECTION_END:
        return True     # 人民南, 机场东: a direction after a word names the part of a place
    jieba, tags = tagger()
    return not any(len(w) > 1 and tags.get(w) not in ("ns", "nr", "nt", "nz") and jieba.dt.FREQ.get(w, 0) > _COMMON
                   for w in cut_words(item))


def _headed_site(item: str) -> bool:
    """长富大厦, 八卦岭片区: a place head after a modifier that is no category."""
    head = _head_of(item)
    if head is None or head[1] != "Place" or len(item) > 12:
        return False
    mod = item[:-len(head[0])]
    return len(mod) >= 1 and not _holds_verb(mod) and not is_category(mod, head[0]) and has_proper_word(mod)


def _first_item(text: str, s: int, e: int, places: set[tuple[int, int]]) -> tuple[int, int]:
    """The first item's span: after the clause's opening verbs, or the place found at its end when the
    verbs jieba did not read as such are still before it (全面升级打造|香蜜湖)."""
    item = text[s:e]
    if _headed_site(item) or _bare_site(item):
        return s, e
    inner = [a for a, b in places if b == e and s < a]
    return (min(inner), e) if inner else (s, e)


def find_site_lists(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of sites listed before 等 and a class of places; `found`: the mentions other finders
    made in this passage (they vouch for their items and keep them)."""
    out: list[Mention] = []
    if "等" not in text:
        return out
    spans = [(m.start - base, m.end - base) for m in found]
    places = {(m.start - base, m.end - base) for m in found if m.label == "Place"}
    for m in _LIST.finditer(text):
        if m.start() > 0 and not _CLAUSE_EDGE.match(text[m.start() - 1]) or _holds_verb(m.group("mod")):
            continue
        items = _items(m)
        s0, e0 = items[0]
        items[0] = _first_item(text, s0 + clause_lead(text[s0:e0]), e0, places)
        items = [(s, e - (2 if _PHASE.search(text[s:e]) else 0)) for s, e in items]   # 沙嘴一期 -> 沙嘴
        new, ok = [], True
        for s, e in items:
            if (s, e) in spans:
                continue
            item = text[s:e]
            # a place inside the item is part of its name (梅林 in 下梅林); any other overlap is a misread list
            crossed = any(a < e and s < b and not (s <= a and b <= e and (a, b) in places) for a, b in spans)
            named = _headed_site(item) or (len(items) > 1 and _bare_site(item))   # 广佛跨界等…河流: one bare item is too weak
            if crossed or not named:
                ok = False
                break
            new.append((s, e))
        if not ok:
            continue
        for s, e in new:
            out.append(Mention("Place", base + s, base + e, text[s:e], text[s:e], set(), {"listed": "sites"}))
    return out
