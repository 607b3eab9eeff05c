"""Work meetings listed after one that names its body share the body: 中央经济工作会议、城市工作会议 is the
central city work meeting (中央城市工作会议), as 中央经济工作会议、城镇化工作会议 is the central one on urbanisation.

find_meetings reads a work meeting only with a level body before it (中央, 全省, 省委…); a list writes the
body once. An item joined by 、/和/及 right after such a meeting and ending in 工作会议 without a body of its
own takes the first one's body; the name as written is an alias. 大会 items are left out: a list of
大会 mixes the body's meetings with others' (全省高质量发展大会、世界隧道大会).
"""
from __future__ import annotations

import re

_ITEM = re.compile(r"[、和及](?P<topic>[\u4e00-\u9fff]{2,10}?)工作会议")
# the bodies find_meetings reads before a work meeting
_BODY = re.compile(r"中央|全国|全省|全市|全区|(?:自治区|省|市|区|县)(?:党委|委)")


def listed_work_meetings(text: str, first: str, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, name, written) of each work meeting listed right after `first`, which ends at `end`."""
    out: list[tuple[int, int, str, str]] = []
    body = _BODY.match(first)
    if body is None:
        return out
    pos = end
    while (m := _ITEM.match(text, pos)) is not None:
        topic = m.group("topic")
        if _BODY.match(topic):
            break        # 中央经济工作会议、中央农村工作会议: its own body, read by find_meetings
        written = topic + "工作会议"
        out.append((m.start("topic"), m.end(), body.group(0) + written, written))
        pos = m.end()
    return out
