"""Events named by their edition or their cup: 第九届中国创新创业大赛, 中国杯帆船赛, whatever the verb.

A report cites a competition, fair or festival it did not hold as the place of a prize (荣获第九届中国创新
创业大赛一等奖, 在全国职业技能大赛中获得金牌) or of a count (中国杯帆船赛吸引30个国家选手参赛); no event verb
stands in the clause, so the name was dropped. An edition number right before the name (第N届) or a quoted
cup inside it (“绽放杯”5G应用大赛) makes it one named event; one-character heads (赛, 展) still need
their verb (the name scan runs far past a quote: “中国杯”帆船赛国内外参|赛). Congresses and meetings (大会, 会议, 全会) are left to
meetings.py: 第十四届全国人民代表大会代表 names delegates, not an event held.
"""
from __future__ import annotations

import re

_EDITION = re.compile(r"第[0-9一二三四五六七八九十百]+届$")
_MEETING_HEADS = ("大会", "会议", "全会", "年会")


def named_by_edition(text: str, start: int, name: str, suffix: str) -> bool:
    """Whether the event name text[start:…] = `name` carries an edition number before it or a cup inside it."""
    if suffix.endswith(_MEETING_HEADS) or len(suffix) < 2:
        return False     # a one-character head (赛, 展) needs its verb: “中国杯”帆船赛国内外参|赛 is no name
    return _EDITION.search(text[max(0, start - 6):start]) is not None or "杯”" in name
