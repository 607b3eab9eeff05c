"""Meetings named by the organisation that holds them: 上海合作组织峰会, 上合组织青岛峰会, 亚太经合组织领导人非正式会议.

Summits of international bodies are written as the body's name and the meeting word, sometimes with the host
city or the attendees between (上合组织|青岛峰会, 亚太经合组织|领导人非正式会议). The organisation finder takes the
body's name first, and the event scan then stops at it: the event came out cut to what follows the body (青岛峰会,
领导人非正式会议) or not at all (上海合作组织峰会: the event word alone is no name). So an event that starts right
where an organisation's name ends, and a meeting word right after one, name the organisation's meeting; the
name runs from the organisation's start, and the organisation stays a mention inside it (events contain names).

Only meeting words (峰会, 年会, 会议, 大会, 外长会…, `org_meeting_heads.txt`): after a body's name a fair or
a prize (比亚迪|博览会, 华为|杯) is rarely the body's own; and only events that begin with a place, the
attendees or the meeting word itself, so that a topic after the body (联合国|气候变化大会) is left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention

# who a meeting is for, between the body and 会议: 领导人, 非正式 (亚太经合组织领导人非正式会议); a bare 会议 after a
# firm's name is often a product (腾讯会议), so 会议 needs one of them
_ATTENDEES = r"(?:领导人|首脑|部长|外长)(?:非正式)?|非正式"
# a host city of two characters before 峰会 (上合组织青岛峰会)
_HOST = r"[\u4e00-\u9fff]{2}(?=峰会)"


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    heads = "|".join(map(re.escape, sorted(word_list("org_meeting_heads.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{_ATTENDEES})(?:{heads}|会议)|(?:{_HOST})?(?:{heads})")


def find_org_events(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """Events named by the organisation right before them, for the mentions `ms` of passage `text` at `base`."""
    orgs = [m for m in ms if m.label == "Organization"]
    if not orgs:
        return []
    events = {m.start: m for m in ms if m.label == "Event"}
    out: list[Mention] = []
    for o in orgs:
        e = o.end - base
        hm = _head_re().match(text, e)
        if not hm:
            continue
        after = events.get(o.end)
        end = max(hm.end() + base, after.end if after is not None else 0)
        name = text[o.start - base:end - base]
        props = dict(after.props) if after is not None else {}
        out.append(Mention("Event", o.start, end, name, name, set(), props))
    return out
