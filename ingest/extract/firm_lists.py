"""Firms named short in lists of projects and firms (issue 13, session 7).

District reports name the companies they court by their trade names: 力促天音、神州数码等项目竣工,
推动顺络电子、天马微电子等总部及研发基地加快建设, 鼓励众恒隆、宝德等重点企业增资扩产, 开工建设普门科技等重大
项目. No head noun and no lexicon entry marks them; the list does: items before 等 and a class of projects
or firms (项目, 企业, 总部, 公司) are of one kind.

An item is a firm's name when it is
- a trade name and a line of business (`firm_business_words.txt`: 顺络|电子, 普门|科技, 神州|数码), or
- in a list of two or more, a bare trade name of two to four characters (天音, 乐信, 中海, 众恒隆);
and the trade name holds no common word: every word jieba knows is a proper noun (nr, nz, ns, nt) or rare
(count <= 10: 天音 3), so 精准|医疗, 跨境|保险, 工伤|保险, 智慧|交通 stay trades. A list is read only when
every item is a name (a firm by these rules or an organisation already found): 沙田二期、田心、田头等项目
and 智慧交通、智慧水务等项目 name projects and places, and no item of them becomes a firm. A list holding a
place found by the gazetteer or a place head is a list of sites (华富村、华富北、三星工业区等项目), unless three
or more of its items are organisations already found (session 8: 平安高科技城、顺丰、欣旺达、世纪云芯、维沃、润杰、
信立泰、俊峰等项目 lists land sales to firms); then its sites are left out and its bare items read as firms.
One item alone is read only in the first form (普门科技等重大项目), never bare (田头等项目).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .list_siblings import _head_of
from .mentions import Mention
from .name_shapes import clause_lead
from .traps import has_proper_word, is_category, is_known_place
from .words import cut_words, tagger

# 机构 (session 13, x21org): 清华研究院、力合科创等专业机构, 华大基因、光启等新型研发机构 name firms as 企业 does;
# every item must still be a trade name, so 银行、保险、证券等金融机构 (trades) is no list. Not 酒店: hotels are
# venues, Places by the gold's convention (tests/gold/windows/README.md), so 希尔顿、万豪等酒店 is left alone.
_LIST = re.compile(r"(?P<items>[\u4e00-\u9fff、]{2,60}?)等(?:[0-9一二三四五六七八九十百]+[个家项])?"
                   r"(?P<mod>[^，。；：、\s等]{0,6}?)(?P<cls>项目|企业|总部|公司|机构)")
_PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "ns", "nt"})
# a site's name, not a firm's: a direction, a phase, a section, a one-character place head or a landform
# at the end (望牛岗、草埔, 沙井头、鸿基仓, 沙嘴、上沙、水围、下梅林 name villages and plots)
_SITE_END = frozenset("东西南北中期段区村路街镇园城湾岛港站山岭湖河角洲峰坑岗埔头仓径嘴围苑林沙")
# projects of sites, not of firms: the words between 等 and 项目 say so (城中村改造项目, 保障房项目, 城际轨道项目)
_SITE_PROJECT = re.compile(r"改造|更新|保障房|城中村|轨道|铁路|统筹|整备|棚改|旧改|住房|道路|片区|土地|安居")
# the list opens a clause: 11代线 is no item
_CLAUSE_EDGE = re.compile(r"[，。；：！？、\s“”《》（）()]")
_RARE = 10
# a list mixing sites and firms (平安高科技城、顺丰、欣旺达、世纪云芯、维沃、润杰等项目) is read when this many of its
# items are organisations other finders know: they show the bare items are firms, not villages
_VOUCHING_FIRMS = 3
_PARTICLES = frozenset("了着过的和与及等在将对把被")
# an item ending in a class of firms names a kind, not one firm (创投公司)
_CLASS_WORD = re.compile(r"(?:企业|公司|机构)$")


@lru_cache(maxsize=1)
def _business_words() -> tuple[str, ...]:
    return tuple(sorted(word_list("firm_business_words.txt"), key=len, reverse=True))


@lru_cache(maxsize=4096)
def _trade_name(name: str) -> bool:
    """Whether `name` reads as a trade name: two to four characters, no place, no category, no common word."""
    if not 2 <= len(name) <= 4 or is_known_place(name) or is_category(name) or not has_proper_word(name):
        return False
    jieba, tags = tagger()
    freq = jieba.dt.FREQ
    return all(len(w) == 1 or tags.get(w) is None or tags.get(w) in _PROPER_TAGS or freq.get(w, 0) <= _RARE
               for w in cut_words(name))


def _with_business(item: str) -> bool:
    """顺络电子, 普门科技: a trade name and a line of business (the pair no dictionary word: 家用电器 is one)."""
    jieba, _ = tagger()
    for bw in _business_words():
        if item.endswith(bw) and len(item) > len(bw):
            return _trade_name(item[:-len(bw)]) and jieba.dt.FREQ.get(item, 0) == 0
    return False


def _bare(item: str) -> bool:
    """天音, 众恒隆: a trade name alone, no class head, no site ending and no class of firms (创投公司 among
    国信证券、广发证券、创投公司等机构 names a kind: jieba holds it as one word)."""
    return (item[-1] not in _SITE_END and _head_of(item) is None and not _CLASS_WORD.search(item)
            and _trade_name(item))


def _items(m: re.Match) -> list[tuple[int, int]]:
    """The (start, end) of each item; the match starts where its clause does, as no punctuation but 、
    stands inside it, so the first item still carries the clause's opening verbs (力促|天音)."""
    out, pos = [], m.start("items")
    for part in m.group("items").split("、"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _first_start(text: str, s: int, e: int, single: bool) -> int:
    """Where the first item's name starts: after the clause's opening verbs, or one character earlier
    when jieba glued the name's first character to them (推动顺|络电子: 顺 read as a preposition)."""
    cut = clause_lead(text[s:e])
    glued = cut - 1
    if (glued >= 0 and text[s + glued] not in _PARTICLES   # 引进了|壹生科: a particle never opens a name
            and not _is_firm(text[s + cut:e], single) and clause_lead(text[s:s + glued]) == glued
            and _is_firm(text[s + glued:e], single)):
        return s + glued
    return s + cut


def _is_firm(item: str, single: bool) -> bool:
    if len(item) < 2 or item[0] in _PARTICLES:
        return False   # 引进了|壹生科
    return _with_business(item) or (not single and _bare(item))


def find_firm_lists(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Organization mentions of firms listed short before 等 and a class of projects or firms; `found`:
    the mentions other finders made in this passage (an organisation among the items vouches, a place vetoes)."""
    out: list[Mention] = []
    if "等" not in text:
        return out
    orgs = {(m.start - base, m.end - base) for m in found if m.label == "Organization"}
    place_ends = {m.end - base for m in found if m.label == "Place"}
    for m in _LIST.finditer(text):
        if m.start() > 0 and not _CLAUSE_EDGE.match(text[m.start() - 1]) or _SITE_PROJECT.search(m.group("mod")):
            continue
        items = _items(m)
        single = len(items) == 1
        s0, e0 = items[0]
        items[0] = (_first_start(text, s0, e0, single), e0)
        if any(e - s < 2 or e - s > 10 for s, e in items):
            continue
        sites = [(s, e) for s, e in items if e in place_ends or (_head_of(text[s:e]) is not None and (s, e) not in orgs)]
        if sites and sum((s, e) in orgs for s, e in items) < _VOUCHING_FIRMS:
            continue   # a list of sites (华富村、三星工业区等项目)
        names = [(s, e) for s, e in items if (s, e) not in orgs and (s, e) not in sites]
        if not names or not all(_is_firm(text[s:e], single) for s, e in names):
            continue
        for s, e in names:
            out.append(Mention("Organization", base + s, base + e, text[s:e], text[s:e], set(), {"listed": "firms"}))
    return out
