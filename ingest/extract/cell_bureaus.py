"""Bureaus written bare and short as the items of a list of responsible units (issue 13, session 12).

A report's table of tasks names each task's units by their short names alone, one to a cell or in a 、-list:
`\t卫计局\t`, `发改局、卫计局、住建局`, `科创局牵头办理`, `（主办：环水局）`. The level is the report's own: the
units are the departments of the government that writes (the window gold's convention, see bare_agencies.py).
bare_agencies.py reads such a bare name only when the lexicon holds it (教育局), listed_bureaus.py only after a
sibling written with its level (区住建局、卫计局), shaped_agencies.py only after a level character (区|卫计局).
Over the 155 reports (session 12) 卫计局 was missed 15 times bare, 环水局 11, 建工局 10, 科创局 7, 文体局 5.

An item is read when
- it stands alone as an item: after a cell or list boundary (tab, line start, 、, ：, （) and before one (tab,
  line end, 、, ，, ；, ）) or before the verbs that give a unit its task (牵头, 负责, 协办, 配合);
- it is three to five characters and, with the level character of the report's place before it, passes
  shaped_agencies' `function_name` (区|卫计局 reads as a body; 区|马上就办, 区|产业布局 do not);
- it is no street office, no community Party committee nor a word that ends in a body's character (街道办,
  党委, 两委, 新局, 破局).
"""
from __future__ import annotations

import re

from .mentions import Mention
from .shaped_agencies import function_name

_ITEM = re.compile(r"(?:(?<=^)|(?<=[\t\n、：（(\u3000]))([\u4e00-\u9fff]{2,4}?(?:局|委|办))"
                   r"(?=[\t\n、，；）)\u3000]|$|牵头|负责|协办|配合)", re.M)
_NOT_UNITS = ("街道办", "两委", "党委", "新局", "破局", "变局", "大局", "集体办", "实办")
_LEVEL_CHAR = {"district": "区", "county": "县", "city": "市", "province": "省"}


def find_cell_bureaus(text: str, base: int, ctx, found: list[Mention]) -> list[Mention]:
    """Agency mentions of bare short bureaus standing alone as items (see the module)."""
    out: list[Mention] = []
    home = ctx.home if ctx is not None else None
    level = _LEVEL_CHAR.get(home.kind) if home is not None else None
    if level is None or not any(c in text for c in "局委办"):
        return out
    taken = [(m.start - base, m.end - base) for m in found]
    for m in _ITEM.finditer(text):
        s, e = m.span(1)
        item = m.group(1)
        if item.endswith(_NOT_UNITS) or item[0] in "区市省县" or any(x < e and s < y for x, y in taken):
            continue
        if not function_name(level + item):
            continue
        name = home.canonical + item
        out.append(Mention("Agency", base + s, base + e, item, name, {item}, {"shaped": True, "bare": True}))
    return out
