"""A kind word before a list of events covers every item: 各种产品展销会和采购大会, 大型专业展销会、贸易洽谈会.

find_events drops an event led by a quantity or size (各种, 大型, 一批: a kind of event, not one), but
only the first item of a list carries that word; the items coordinated right after it (和, 及, 与, 、)
are kinds of event too, and so are the items after those. Read on the corpus: 认真策划组织好…各种产品
展销会和采购大会, 组织企业参加…大型专业展销会、贸易洽谈会 (深圳 2003).
"""
from __future__ import annotations

from .mentions import Mention

_LINKS = "和及与、"


def drop_kind_listed(text: str, base: int, events: list[Mention], kind_ends: list[int]) -> list[Mention]:
    """`events` of a passage `text` starting at `base`, without the items listed right after an event
    of a kind; `kind_ends` are the passage offsets where such events end."""
    if not kind_ends:
        return events
    ends = set(kind_ends)
    dropped: set[int] = set()
    for ev in sorted(events, key=lambda e: e.start):   # left to right: an item dropped makes the next one a kind
        s = ev.start - base
        if s - 1 in ends and text[s - 1] in _LINKS:
            ends.add(ev.end - base)
            dropped.add(id(ev))
    return [ev for ev in events if id(ev) not in dropped]
