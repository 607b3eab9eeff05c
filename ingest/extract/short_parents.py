"""A parent written by its short name before the place of its unit: 北理工|深圳|汽车研究院,
南科大|光明|高等研究院, 兰兽研|深圳|生物制品前沿创新中心, 中科院|深圳|先进技术研究院.

Reports name the local branch of an outside university, institute or hospital by the parent's
abbreviation, then the report's own place (its district, city or province, in full or short), then the
unit (placed_units.py reads the same order when the parent is written in full: 南开大学|深圳|研究院).
An abbreviation has no organisation suffix, so the report's place is what marks where it ends. Over the
corpus (155 reports and the window texts) the rule adds 32 PART_OF edges, 29 right; with any gazetteer
place instead of the report's own it added 54, 34 right: 中科史|太白 (a county), 珠宝玉|石首, 节点|韶关.
The abbreviation has 2 or 3 characters (4 added 9 wrong of 12: 整体接收|深圳, 内地首家|香港, 华润代建|南山),
is no place, no national designation, no common word (jieba frequency at most places.py's sibling
threshold: 北理工 27, 南科大 0; 中国 129470, 国际 24601), no school of a kind (名校, 职校: …校) and no
campaign word before a place (数智|北京, lexicon/place_slogan_modifiers.txt).
"""
from __future__ import annotations

import re

from .lexicon import word_set
from .placed_units import is_named_place, placed_parent
from .places import gazetteer, is_rare_word
from .resolve import ReportContext

# the units a branch is named as (placed_units._PLACED's, with 基地: 人才研修院|大鹏|基地)
_UNIT = re.compile(r"(?:研究生院|研究院|研究所|医院|分院|校区|院区|分行|分公司|实验室|中心|学院|基地)$")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_SHORT_LENGTHS = (2, 3)
# 国家超算|深圳|中心: a national designation sited in a place is one of a class, no unit of a body
_DESIGNATIONS = ("国家", "中国", "全国")
_PLACE_LENGTHS = (2, 3, 4)
_LEVELS = "市省区"


def _home_names(ctx: ReportContext | None) -> frozenset[str]:
    """The report's own places, with and without their level word: 光明区 and 光明, 深圳市 and 深圳."""
    if ctx is None:
        return frozenset()
    out = set()
    for p in (ctx.district, ctx.city, ctx.province):
        if p is None:
            continue
        out.add(p.name)
        for level in ("新区", "区", "市", "县", "省"):
            if p.name.endswith(level) and len(p.name) - len(level) >= 2:
                out.add(p.name[:-len(level)])
                break
    return frozenset(out)


def _opens_with_place(name: str) -> bool:
    """粤港澳大湾区|国际科技创新中心: a place opens the name, so the words before the next place are no
    abbreviated body (粤港澳 is the region's own opening)."""
    g = gazetteer()
    return any(st == 0 and e >= 2 and payload for st, e, _k, payload in g.matcher.find(name))


def short_parent(name: str, ctx: ReportContext | None = None) -> str | None:
    """The abbreviated parent opening `name` before a place and a unit (see the module); None if none."""
    if not _CJK.match(name) or _UNIT.search(name) is None or placed_parent(name) is not None:
        return None
    if _opens_with_place(name) or name.startswith(_DESIGNATIONS):
        return None
    home = _home_names(ctx)
    # 市药检院|光明|分院: a level word may open the abbreviation
    lead = 1 if name[0] in _LEVELS else 0
    for i in _SHORT_LENGTHS:
        short = name[:lead + i]
        if is_named_place(short) or short in home or not is_rare_word(short) or short.endswith("校") \
                or short in word_set("place_slogan_modifiers.txt"):
            continue
        for j in _PLACE_LENGTHS:
            place, rest = name[lead + i:lead + i + j], name[lead + i + j:]
            if len(rest) >= 2 and place in home and _UNIT.search(rest):
                return short
    return None
