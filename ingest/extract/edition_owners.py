"""Games and summits named by their owner and edition alone: 广东省第十一届运动会, 福田区第五届运动会.

When nothing but an edition stands before the event word (第十一届|运动会), the name scan stops at 届 (a
measure word after a numeral) and found no name. Such an event is named by who holds the series and which
edition it is: the name runs from the owner (the words before 第, read by the same boundary scan: 承办了|
广东省) through the edition to the event word; with no owner written (第三届峰会) nothing is named.
"""
from __future__ import annotations

import re

from .spans import expand_left
from .words import cut_words, tagger

_OWNER_TAGS = ("ns", "nt", "n", "j")
_EDITION_END = re.compile(r"第?(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,4})届$")


def edition_owner_start(text: str, pos: int, floor: int) -> int | None:
    """Start of an event name whose event word at `pos` follows an edition directly, else None."""
    m = _EDITION_END.search(text, max(floor, pos - 6), pos)
    if m is None or not text.startswith("第", m.start()):
        return None      # 3届: a count of editions held, not the name of one
    lo = expand_left(text, m.start(), min_len=2, max_len=8, floor=floor)
    if lo is None:
        return None      # without its owner, 第三届峰会 names no series
    # the owner is the run of place and noun words before 第 (备战|深圳市, 承办|了|广东省)
    _, tags = tagger()
    keep = 0
    for w in reversed(cut_words(text[lo:m.start()])):
        if not tags.get(w, "x").startswith(_OWNER_TAGS):
            break
        keep += len(w)
    return m.start() - keep if keep >= 2 else None
