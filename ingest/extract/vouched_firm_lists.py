"""Firms of a list most of whose items are firms already (issue 13, session 12).

宝马、大众、西门子、松下等外资企业, 三一重工、中联重科、中车株洲所、湘钢等龙头企业, 深高速、方大集团、湖南建工等签约企业:
a list before 等 and a class of firms holds one kind of thing, and when two or more of its items are firms by
their own shape (a trade name jieba tags as a name, a firm's suffix, the lexicon, another finder), the items
left are firms too, though their names are common words to jieba (大众, 松下, 平安), start with a place (湖南建工)
or a numeral (三一重工). firm_lists.py wants every item to look like a trade name, and org_lists.py one item
from the lexicon and the others name-like, so one common word (大众) kept the whole list out.

An item left is read when it is short (2-6 characters, after the clause's opening verbs for the first), holds
no digit, function word or quote, is no place of the gazetteer, ends in no class head (a site or a body: 工业区,
产业园, 中心) and is no category (traps.is_category: 龙头企业, 专精特新). The class after 等 is a class of firms
(企业, 公司, 集团; not 项目, whose lists mix firms with sites: 华富村、华富北、三星工业区等项目).
"""
from __future__ import annotations

import re

from .firm_lists import _bare, _with_business
from .list_siblings import _head_of
from .mentions import Mention
from .org_lists import _short_name
from .name_shapes import clause_lead
from .traps import category_words, is_category, is_known_place
from .words import cut_words, tagger

_LIST = re.compile(r"(?P<items>[^，。；：！？、\s“”《》（）()]{2,14}(?:、[^，。；：！？、\s“”《》（）()]{2,10}){2,})"
                   r"等(?:[0-9一二三四五六七八九十百]+[个家])?(?P<mod>[\u4e00-\u9fff]{0,6}?)(?:企业|公司|集团)(?![家主化])")
_NOT_IN_NAME = re.compile(r"[0-9０-９的和与及等在将对把被了是为]")
_VOUCHERS = 2
# an item naming a class of firms (上市公司, 外资外贸企业, 央企国企, 优质民企), not one
_CLASS_END = re.compile(r"(?:企业|公司|民企|国企|央企|外企|机构|单位|平台)$")


def _item_spans(m: re.Match, text: str) -> list[tuple[int, int]]:
    out, pos = [], m.start("items")
    for part in m.group("items").split("、"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    s, e = out[0]
    out[0] = (s + clause_lead(text[s:e]), e)
    return out


def _is_firm(item: str, s: int, e: int, orgs: list[tuple[int, int]]) -> bool:
    """A firm by its own shape: an organisation another finder read there, a trade name (宝马, 湘钢), a trade
    name and a line of business (firm_lists) or a name by its shape (org_lists: 中联重科, 湖南建工)."""
    if any(a <= s and e <= b or (s <= a and b <= e) for a, b in orgs):
        return True
    if _CLASS_END.search(item):
        return False
    return _bare(item) or _with_business(item) or (_short_name(item) == item and not is_known_place(item))


def _holds_verb(item: str) -> bool:
    """要|发挥|华润微: a verb of two characters or more is the clause's, and clause_lead stopped before it."""
    _, tags = tagger()
    return any(len(w) >= 2 and tags.get(w) in ("v", "vd", "vi") for w in cut_words(item))


def _plain_item(name: str) -> bool:
    """Whether an item no finder read may still be a firm's name in a vouched list (see the module)."""
    return (2 <= len(name) <= 6 and not _NOT_IN_NAME.search(name) and not is_known_place(name)
            and not _CLASS_END.search(name) and _head_of(name) is None and not is_category(name)
            and name not in category_words())


def find_vouched_firm_lists(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Organization mentions of the items left in lists of firms two of whose items are firms (see the module);
    `found`: this passage's mentions so far."""
    out: list[Mention] = []
    if "等" not in text or "、" not in text:
        return out
    orgs = [(m.start - base, m.end - base) for m in found if m.label == "Organization"]
    taken = [(m.start - base, m.end - base, m.label) for m in found if m.label != "Measure"]
    # a domestic place opening an item is the firm's (湖南|建工); a country is not (德国|库卡: the place stays)
    inner = {(m.start - base, m.end - base) for m in found if m.label == "Place" and not m.props.get("foreign")}
    for m in _LIST.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in "，。；：！？\n　 （）()“”":
            continue
        items = [(s, e) for s, e in _item_spans(m, text) if e - s >= 2]   # the first may be all verbs
        firms = [(s, e) for s, e in items if _is_firm(text[s:e], s, e, orgs)]
        if len(firms) < _VOUCHERS:
            continue
        for s, e in items:
            if any(a <= s and e <= b or (s <= a and b <= e) for a, b in orgs):
                continue   # read already
            if ((s, e) not in firms and not _plain_item(text[s:e])) or len(text[s:e]) > 6 or _holds_verb(text[s:e]) \
                    or clause_lead(text[s:e]) or any(a < e and s < b and (a, b) not in inner for a, b, _ in taken):
                continue
            out.append(Mention("Organization", base + s, base + e, text[s:e], text[s:e], set(), {"listed": "vouched"}))
    return out
