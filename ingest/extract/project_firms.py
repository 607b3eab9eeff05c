"""Firms named at the start of their projects' names in lists of projects (issue 13, session 11).

Reports list the projects they push by the investor's short name and what is built: 加快建设贝特瑞|4万吨硅基负极
材料扩建项目二期、飞荣达|5G天线振子及散热模组等项目, 加快粤芯|三期、增芯科技|传感器、华润微电子…等项目建设, 推进
中海壳牌|三期乙烯、茂石化|技术改造等产业链重大项目, 建成投产重投天科|第三代半导体等项目. firm_lists reads items that
are a firm's name whole (天音、神州数码等项目); here the firm opens the item and a project's description follows.

The list is the run of items before 等 and a class of projects (…等项目, …等重大项目, …等项目建设). In each item the firm
is the longest opening run, two to six characters, that reads as a trade name (firm_lists' tests: a trade name
and a line of business, 增芯|科技, or a run of proper, rare or single-character words with no place and no
category, 贝特瑞, 粤芯), followed by what describes a project: a number (4万吨, 5G), a phase (三期), or a common
word (偏光片, 传感器, 技术改造). Lists of sites are left alone: an item a place mention opens or that ends like a site
(沙田二期, 华富村改造), and the projects of sites (城中村改造, 保障房, 片区统筹: firm_lists' site words).
"""
from __future__ import annotations

import re

from .firm_lists import _SITE_END, _SITE_PROJECT, _items, _trade_name, _with_business
from .list_siblings import _head_of
from .mentions import Mention
from .name_shapes import clause_lead
from .places import gazetteer
from .traps import is_known_place
from .words import cut_words, tagger

# items separated by 、 before 等 and a class of projects; items may hold numbers and Latin letters (5G, 4万吨)
_LIST = re.compile(r"(?:^|(?<=[，。；：！？\s“”《》（）()等]))(?P<items>[^，。；：！？\s“”《》（）()等]{2,120}?)等(?:[0-9一二三四五六七八九十百]+[个项])?"
                   r"(?P<mod>[^，。；：、\s等]{0,6}?)项目")
# what opens a project's description after the firm: a number, Latin letters (5G, GE), a phase with more after it
# (中海壳牌|三期乙烯; 丹平|一期北延 extends a road), a generation
_DESCRIPTION = re.compile(r"[0-9０-９A-Za-z]|[一二三四五六七八九十]期[^东西南北]|第?[二三四五六]代")
_PHASE = re.compile(r"[一二三四五六七八九十]期(?:工程)?")
# what follows a line's or a site's name, not a firm's: 广佛|城际, 合湛|高铁, 龙馨|家园, 联润|大厦
_NOT_A_FIRMS = re.compile(r"城际|高铁|铁路|高速|轨道|地铁|公路|快速|大道|线|隧道|大桥|通道|家园|花园|大厦|广场|小区|"
                          r"公寓|新村|社区|片区|园区|村|路|街")
# the level a body's name ends in, never a firm's (建成投用|市实验动物…基地)
_LEVELS = frozenset("市省县区镇")
_SITE_HEADS = frozenset("园城港湾岛村苑")
_HAN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]{2,}")
_MAX_FIRM = 6


def _describes(rest: str, business: bool) -> bool:
    """Whether `rest` (the item after the firm) opens with a project's description: a number, Latin
    letters or a generation (贝特瑞|4万吨, 飞荣达|5G, 重投天科|第三代), or, after a trade name with its line of
    business (增芯科技|传感器, 日东光学|偏光片), a word of what it makes. A phase alone is no description: 沙田二期,
    观澜三期 name the phases of sites as often as 粤芯三期 a firm's plant. A bare trade name before a common
    word was read over the corpus as often a place, a school or a clause (葵涌|中学, 中信|金融中心, 开沃|新能源汽车)."""
    if _PHASE.fullmatch(rest) or _NOT_A_FIRMS.match(rest) or (len(rest) < 3 and not (business and rest in ("总部", "基地"))):
        return False
    if _DESCRIPTION.match(rest):
        return True
    if not business:
        return False
    jieba, tags = tagger()
    words = cut_words(rest[:8])
    w = words[0] if words else ""
    return len(w) > 1 and jieba.dt.FREQ.get(w, 0) > 0 and tags.get(w) not in ("v", "p", "c", "d")


def _reads_as_clause_or_place(firm: str) -> bool:
    """建成投用|市…, 新开工|郁江新里, 沙井, 观澜: a verb or adverb of two or more characters, or a word jieba
    knows as a place (a firm's name is proper, rare or single characters jieba could not join)."""
    _, tags = tagger()
    words = cut_words(firm)
    return any(len(w) > 1 and tags.get(w) in ("v", "vn", "vd", "d", "ad", "ns") for w in words) or \
        any(firm + k in gazetteer().places for k in "区县市") or is_known_place(firm)


def opening_firm(item: str) -> int:
    """How many characters at the start of `item` name the firm that owns the project; 0 if none."""
    best, bounds, pos = 0, set(), 0
    for w in cut_words(item):
        pos += len(w)
        bounds.add(pos)   # the firm ends where a word does (开沃|新能源 is not 开沃新|能源)
    for k in sorted(b for b in bounds if 2 <= b <= min(_MAX_FIRM, len(item) - 1)):
        firm, rest = item[:k], item[k:]
        if not _HAN.fullmatch(firm) or firm[-1] in _SITE_END or firm[-1] in _LEVELS or _reads_as_clause_or_place(firm):
            continue
        business = _with_business(firm)
        if (business or _trade_name(firm)) and _describes(rest, business):
            best = k
    return best


def _names_a_site(item: str) -> bool:
    """Whether the whole item is a site's name (…产业园, …物流港, …万象城): a park or mall a firm opens is
    named after it as often as after a slogan (专精特新|生物医药产业园)."""
    head = _head_of(item)
    return (head is not None and head[1] == "Place") or item[-1] in _SITE_HEADS


def find_project_firms(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Organization mentions of the firms opening the items of a list of projects (see the module)."""
    out: list[Mention] = []
    if "项目" not in text or "等" not in text:
        return out
    taken = [(m.start - base, m.end - base, m.label) for m in found]
    for m in _LIST.finditer(text):
        if _SITE_PROJECT.search(m.group("mod")):
            continue
        items = _items(m)
        if len(items) < 2:
            continue   # one item alone: 新开工郁江新里等8个项目 holds no list that says its items are firms' projects
        s0, e0 = items[0]
        items[0] = (s0 + clause_lead(text[s0:e0]), e0)
        for s, e in items:
            if e - s < 3:
                continue   # a firm and what it builds: three characters at least
            if any(a <= s < b and label == "Place" for a, b, label in taken) or _names_a_site(text[s:e]):
                continue   # a site opens the item (田心工业区|二期) or the item is one (专精特新生物医药产业园, 华润万象城)
            n = opening_firm(text[s:e])
            if n == 0 or any(a < s + n and s < b for a, b, _ in taken):
                continue   # another finder read a name there (华润微电子, 巴斯夫一体化基地)
            if _SITE_PROJECT.search(text[s + n:e]):
                continue   # 沙田|城中村改造: a site's project
            out.append(Mention("Organization", base + s, base + s + n, text[s:s + n], text[s:s + n], set(),
                               {"listed": "project_firms"}))
    return out
