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
Items no other finder found become Places; items already found keep their label. The first item's left
edge is where the clause's verbs end, and jieba does not always read them as verbs (新开工|平山二路, 更新改造|
复康路): the first item is read only when its words are plain (no verb, adverb, particle, conjunction or
common word before the head) or a place another finder made ends it; otherwise it is left out and the list
is read from its second item. A list of bare names only must hold a proper word (沙嘴 nr, 长岭 ns), so
居家养老、用餐、保洁等多样社区服务 names no site.
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

# the class noun, not the start of a compound (社区服务, 公园IP)
_CLASS = (r"(?:城中村|旧村|产业园区|园区|产业园|工业区|片区|商圈|商业街|楼宇|产业用房|口岸|景区|公园|港区|水库|河流|道路"
          r"|社区(?!服务|治理|养老|卫生|工作|矫正|文化|教育|体育|医疗|商业|管理|网格|志愿|居民|建设))(?![A-Za-z])")
_LIST = re.compile(r"(?P<items>[\u4e00-\u9fff、]{2,80}?)等(?:[0-9一二三四五六七八九十百]+[个条座处片家])?"
                   r"(?P<mod>[^，。；：、\s等的]{0,6}?)" + _CLASS)
_DIRECTION_END = frozenset("东西南北")
# a common word in a bare item marks a phrase, not a site (辅助性|就业, 社会|组织): jieba's count above this
_COMMON = 1000
_PROPER = ("ns", "nr", "nt", "nz")
_NOT_IN_NAME = ("v", "p", "c", "d", "u", "l")   # verbs, prepositions, conjunctions, adverbs, particles, idioms
# a first item longer than this is read only when another finder found it: jieba reads some openers as
# names (新开工 nz, 配套工程 n), and the first items of site lists over the corpus are 2-6 characters
# (沙嘴, 彩田工业区, 八卦岭片区) unless their head is long
_FIRST_MAX = 6
_JOINED = re.compile(r"[和及与并]")   # 龙岗河及儿童公园, 壹方汇和嘉乐道: two names read as one item
_PHASE = re.compile(r"[一二三四五六七八九十]期$")


def _common(w: str) -> bool:
    jieba, tags = tagger()
    return len(w) > 1 and tags.get(w) not in _PROPER and jieba.dt.FREQ.get(w, 0) > _COMMON


@lru_cache(maxsize=8192)
def _bare_site(item: str) -> bool:
    """上沙, 下梅林, 车公庙, 人民南: a short name with a proper word and no common word of two characters."""
    if not 2 <= len(item) <= 4 or is_category(item) or not has_proper_word(item):
        return False
    if item[-1] in _DIRECTION_END:
        return True     # 人民南, 机场东: a direction after a word names the part of a place
    return not any(_common(w) for w in cut_words(item))


def _headed_site(item: str) -> bool:
    """长富大厦, 八卦岭片区: a place head after a modifier that is no category and holds no verb."""
    head = _head_of(item)
    if head is None or head[1] != "Place" or len(item) > 12:
        return False
    mod = item[:-len(head[0])]
    return len(mod) >= 1 and not _holds_verb(mod) and not is_category(mod, head[0]) and has_proper_word(mod)


@lru_cache(maxsize=8192)
def _plain(item: str) -> bool:
    """Whether the words of `item` before its head are plain: no verb, preposition, conjunction, adverb,
    particle or common word (新|开工|平山二路, 动工|建设|明湖公园 and 了|布吉河 are not)."""
    _, tags = tagger()
    head = _head_of(item)
    mod = item[:-len(head[0])] if head and _headed_site(item) else item
    return not any((tags.get(w) or "")[:1] in _NOT_IN_NAME or _common(w) for w in cut_words(mod))


def _has_proper(item: str) -> bool:
    _, tags = tagger()
    return any(tags.get(w) in _PROPER for w in cut_words(item))


def _item_spans(text: str, m: re.Match) -> list[tuple[int, int]]:
    """The items' spans, the first after the clause's opening verbs, each without a phase (沙嘴一期 -> 沙嘴)."""
    items = _items(m)
    s0, e0 = items[0]
    lead = clause_lead(text[s0:e0])
    if 0 < lead and e0 - s0 - lead <= 2 and len(cut_words(text[s0:s0 + lead])[-1]) == 1:
        lead = 0   # 开展|清|吉路: a one-character opener cut from a two-character rest may be the name's own
    items[0] = (s0 + lead, e0)
    return [(s, e - (2 if _PHASE.search(text[s:e]) else 0)) for s, e in items]


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
        items = _item_spans(text, m)
        s0, e0 = items[0]
        if (s0, e0) not in spans and (e0 - s0 > _FIRST_MAX or not _plain(text[s0:e0])):
            items = items[1:]   # the first item's left edge is unclear: the place ending it (if any) was found
        new, bare = [], True
        for s, e in items:
            if (s, e) in spans:
                bare = False
                continue
            item = text[s:e]
            # a place inside the item is part of its name (梅林 in 下梅林); any other overlap is a misread list
            crossed = any(a < e and s < b and not (s <= a and b <= e and (a, b) in places) for a, b in spans)
            headed = _headed_site(item)
            # 广佛跨界等…河流: one bare item is too weak
            if crossed or _JOINED.search(item[1:-1]) or not (headed or (len(items) > 1 and _bare_site(item))):
                new = []
                break
            bare = bare and not headed
            new.append((s, e))
        if bare and not any(_has_proper(text[s:e]) for s, e in new):
            continue   # 居家养老、用餐、保洁等多样社区服务
        for s, e in new:
            out.append(Mention("Place", base + s, base + e, text[s:e], text[s:e], set(), {"listed": "sites"}))
    return out
