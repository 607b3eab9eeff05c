"""A place counted is a kind of place, not a name (issue 13, session 10).

Government writing counts kinds and names one place: 在6个城中村开展统租运营试点, 完成10个城中村综合治理,
规划布局更多国际陆港, 条件成熟的三、四个卫星新城. A proper name takes no count (no one writes 两个前海); when a
count word stands right before a shaped place name holding no known place, the phrase is a kind of place and
no Place (a count before a named place counts what follows it: 2座|深圳机场|候机楼).
Lists whose items are counted after them (湖贝、蔡屋围两大统筹片区) are enumerations.py's: the count follows the
names there, and its items stay.
"""
from __future__ import annotations

import re

from .mentions import Mention
from .places import gazetteer

# a number and a classifier (6个, 三、四个, 两座), or a quantity word (更多, 若干, 一批)
_COUNT_BEFORE = re.compile(r"(?:(?:[0-9０-９]+|[两一二三四五六七八九十百千几多数、]+)[个座处所条片]"
                           r"|更多|若干|一批|一系列|诸多|众多|各个|每个)$")
_LOOK_BACK = 8


def drop_counted_kinds(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """`ms` without the place mentions of passage `text` (at `base`) that stand right after a count."""
    out = []
    for m in ms:
        if (m.label == "Place" and not m.props.get("gazetteer") and not m.props.get("listed")
                and _COUNT_BEFORE.search(text, max(0, m.start - base - _LOOK_BACK), m.start - base)
                and not gazetteer().matcher.find(m.surface)):
            continue
        out.append(m)
    return out
