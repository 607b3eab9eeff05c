"""One firm named short before 等 and a class of firms (issue 13, session 12).

推动西人马等重点企业落地, 推动联影等重点企业落户, 支持众恒隆等企业增资扩产: a single trade name stands where the list
of firms would, before 等 and 企业/公司/集团. firm_lists reads a single item only with a line of business
(普门科技等重大项目), since before 等…项目 a bare short name is as often a site (田头等项目, 沙田二期等项目);
before a class of firms it names a firm. The trade name must still read as one (firm_lists._bare: two to four
characters, no common word, no site ending, no class head, no place), so categories stay out (优质企业等, 专精特新等
企业, 中小微等企业).
"""
from __future__ import annotations

import re

from .firm_lists import _CLAUSE_EDGE, _PARTICLES, _bare
from .mentions import Mention
from .name_shapes import clause_lead
from .traps import category_words

# classes of firms written short, which read as trade names to jieba (规|上|国|高: all single characters):
# 规上国高等一大批工业企业 over the corpus (session 12)
_FIRM_CLASSES = ("规上", "国高", "高企", "专精特新", "小巨人", "瞪羚", "独角兽", "隐形冠军", "中小微", "链主")

# the item runs from a clause edge to 等; a 、 inside makes it a list (firm_lists' business)
_SINGLE = re.compile(r"(?P<item>[\u4e00-\u9fff]{2,12}?)等(?:[0-9一二三四五六七八九十百]+[个家])?"
                     r"(?P<mod>[^，。；：、\s等]{0,6}?)(?:企业|公司|集团)(?![家主化])")


def find_single_firms(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Organization mentions of a firm named alone before 等 and a class of firms; `found`: the mentions
    other finders made in this passage (a name any of them covers is theirs)."""
    out: list[Mention] = []
    if "等" not in text:
        return out
    taken = [(m.start - base, m.end - base) for m in found]
    for m in _SINGLE.finditer(text):
        s, e = m.span("item")
        if s > 0 and not _CLAUSE_EDGE.match(text[s - 1]):
            # the regex is lazy from the left: move to the clause edge the item starts after
            continue
        if text[s - 1:s] == "、":
            continue
        s += clause_lead(text[s:e])
        name = text[s:e]
        if len(name) < 2 or name[0] in _PARTICLES or not _bare(name) or _is_class(name):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Mention("Organization", base + s, base + e, name, name, set(), {"listed": "one firm"}))
    return out


def _is_class(name: str) -> bool:
    """专精特新, 规上国高: a class of firms, not one firm."""
    return any(c in name for c in _FIRM_CLASSES) or any(len(w) >= 2 and w in name for w in category_words())
