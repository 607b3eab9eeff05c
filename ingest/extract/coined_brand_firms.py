"""Companies named by a coined brand and their trade: 洲明科技, 长盈精密, 礼鼎半导体, 燧原科技, 鹏鼎控股 (session 12).

brand_firms.py reads a brand jieba knows as a name (华润, 大族: nz/nr/nt). Most firms a district courts have
a coined brand no dictionary holds: two characters that make no word together (洲|明, 长|盈, 礼|鼎, 燧|原), which
jieba cuts into single characters. Such a pair before a trade (`firm_trades.txt`: 科技, 精密, 半导体, 控股…)
names a company when
- both characters are Chinese, the pair is no word of jieba's dictionary and no place or category, and no
  character of it is a function word (一, 的, 和, 在, 将…);
- jieba's cut of pair + trade puts a boundary between them: the trade is the word (投|硬科技, 指|新能源 are
  a verb before a trade word, not a brand);
- it is a whole item of a list of firms: after punctuation or a function character (brand_firms'
  `_opens_word`), before 、, 等 or a count, in a list that ends in a class of firms or projects (长盈精密、臻鼎科技
  等企业, 华拓半导体等17个港澳项目) or holds an organisation another finder found (立讯、惠科、信维通信、创鑫激光).
  Outside such lists the same shape names as many fields and clauses as firms (具身智能 in 11 reports, 提振汽车,
  做强半导体, 投硬科技, 氢基能源项目, 坑梓科技文化中心: a street's venue): over the 162 texts of tools/batch_dump.py
  about 45 of 70 additions were firms without this condition, and all 33 with it (docs/extraction-orgs.md,
  session 12).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .brand_firms import _opens_word, _trades, is_brand
from .mentions import Mention
from .name_shapes import clause_lead
from .traps import category_words, is_known_place
from .words import cut_words, tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

# tags of single characters that are function words or verbs of a clause, never half of a coined brand
_FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "uv", "d", "m", "mq", "q", "r", "rr", "rz", "f", "t",
                            "y", "e", "s"})
_HAN = re.compile(r"^[\u4e00-\u9fff]{2}$")
# the rest of a list of firms after an item: more items, then 等 and a class of firms or projects (or a count of them)
_FIRM_LIST_TAIL = re.compile(r"^(?:、[^，。；：！？\n]{0,60}?)?(?:等[^，。；：、！？\n]{0,10}?(?:企业|项目|公司|集团|总部|民企|外企)"
                             r"|[0-9０-９一二三四五六七八九十]+[家个项])")
_ITEM_END = re.compile(r"^(?:、|等|[0-9０-９]+[家个项])")
_CLAUSE_STOP = "，。；：！？\n（）()“”《》"


@lru_cache(maxsize=65536)
def is_coined_brand(pair: str) -> bool:
    """Whether `pair` reads as a coined brand (see the module); places of the report are checked by the caller."""
    from .places import gazetteer
    if not _HAN.match(pair) or is_brand(pair) or is_known_place(pair) or pair in category_words():
        return False
    jieba, tags = tagger()
    if jieba.dt.FREQ.get(pair):
        return False
    chars = cut_words(pair)
    return (len(chars) == 2 and not any(tags.get(c) in _FUNCTION_TAGS for c in chars)
            and not gazetteer().matcher.find(pair))


def _trade_is_a_word(name: str, brand_len: int) -> bool:
    """Whether jieba's cut of `name` has a boundary right after the brand (洲明|科技; not 投|硬科技)."""
    pos = 0
    for w in cut_words(name):
        pos += len(w)
        if pos >= brand_len:
            return pos == brand_len
    return False


def _after_opening_verbs(text: str, s: int, e: int) -> bool:
    """Whether only the clause's opening verbs stand before `s` (落实|长盈精密、臻鼎科技等企业)."""
    lo = s
    while lo > 0 and text[lo - 1] not in _CLAUSE_STOP and s - lo <= 8:
        lo -= 1
    return lo < s and (lo == 0 or text[lo - 1] in _CLAUSE_STOP) and clause_lead(text[lo:e]) == s - lo


def _sibling_is_a_body(text: str, s: int, e: int, bodies: set[tuple[int, int]]) -> bool:
    """Whether another item of the 、-list holding text[s:e] is an organisation another finder found."""
    lo = s
    while lo > 0 and text[lo - 1] not in _CLAUSE_STOP:
        lo -= 1
    hi = e
    while hi < len(text) and text[hi] not in _CLAUSE_STOP:
        hi += 1
    spans, pos = [], lo
    for part in text[lo:hi].split("、"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    if len(spans) < 2:
        return False
    return any(any(ps <= a and b <= pe for a, b in bodies) for ps, pe in spans if not (ps <= s and e <= pe))


def find_coined_brand_firms(text: str, base: int, ctx: ReportContext, mentions: list[Mention]) -> list[Mention]:
    """Coined-brand-and-trade company names no other finder covered (see the module)."""
    out: list[Mention] = []
    places = ctx.place_names if ctx else set()
    taken = [(m.start - base, m.end - base) for m in mentions if m.label != "Measure"]
    bodies = {(m.start - base, m.end - base) for m in mentions if m.label == "Organization"}
    for ts, e, trade, _ in _trades().find(text):
        s = ts - 2
        if s < 0 or not (_opens_word(text, s) or _after_opening_verbs(text, s, e)) or not is_coined_brand(text[s:ts]):
            continue
        name = text[s:e]
        if any(p in name for p in places if len(p) >= 2) or not _trade_is_a_word(name, 2):
            continue
        if not _ITEM_END.match(text[e:e + 4]) or any(a < e and s < b for a, b in taken):
            continue
        if not (_FIRM_LIST_TAIL.match(text[e:e + 80]) or _sibling_is_a_body(text, s, e, bodies)):
            continue
        out.append(Mention("Organization", base + s, base + e, name, name, set(), {"firm": True}))
        taken.append((s, e))
    return out
