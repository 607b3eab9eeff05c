"""Bureaus listed bare after a sibling that carries their level (issue 13, session 12).

主办：区住建局、教育局、卫计局; 协办：市规土委宝安管理局、区城市更新局、经促局、卫计局、教育局: in a list of
bodies the level is written once, on the first of the bureaus of that level, and the items after it drop it.
shaped_agencies.py reads a bureau by its shape only after a level character (区|卫计局), and the lexicon knows
the usual functions (教育局), so a bare abbreviation in such a list (卫计局, 经促局, 安监局) was no agency. Here
an item of a 、-list is a bureau of the same level as the agency before it in the list when
- the agency before it was written with a level character (区住建局, 市规土委: ReportContext.level gives the
  place), and
- the item is a function and a body's suffix whose name with the level character passes shaped_agencies'
  `function_name` (区|卫计局 reads as a body; 区|部署 does not), and no other finder read it.
"""
from __future__ import annotations

import re

from .mentions import Mention
from .shaped_agencies import function_name

_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:局|委|办)$")
_LEVELS = "区市省县"
_LIST_STOP = "，。；：！？\n（）()“”《》"


def find_listed_bureaus(text: str, base: int, ctx, found: list[Mention]) -> list[Mention]:
    """Agency mentions of bare bureaus listed after a level-prefixed sibling (see the module)."""
    out: list[Mention] = []
    if "、" not in text or ctx is None:
        return out
    taken = [(m.start - base, m.end - base) for m in found if m.label != "Measure"]
    agencies = sorted((m for m in found if m.label == "Agency" and m.surface[:1] in _LEVELS and m.end > m.start),
                      key=lambda m: m.start)
    levelled = {m.start - base for m in agencies}
    for ag in agencies:
        info = ctx.level(ag.surface[0])
        if info is None:
            continue
        pos = ag.end - base
        while pos < len(text) and text[pos] == "、":
            hi = pos + 1
            while hi < len(text) and text[hi] not in _LIST_STOP and text[hi] != "、":
                hi += 1
            item = text[pos + 1:hi]
            if pos + 1 in levelled:
                break      # 区城市更新局: a sibling with its own level takes the list over
            if any(a < hi and pos + 1 < b for a, b in taken):
                pos = next((b for a, b in taken if a == pos + 1), None) or hi
                if pos != hi and (pos >= len(text) or text[pos] != "、"):
                    break
                continue   # another finder's item (教育局): the list goes on after it
            if not _ITEM.match(item) or not function_name(ag.surface[0] + item):
                break
            name = info.canonical + item
            out.append(Mention("Agency", base + pos + 1, base + hi, item, name, {item}, {"shaped": True, "listed": True}))
            pos = hi
    return out
