"""Places named with the nation and their seat in brackets (issue 13, session 8).

中国（深圳）新媒体广告产业园, 中国（广东）自由贸易试验区, 中国（深圳）农业食品创新产业园区: the national prefix and the
seat in brackets are part of the name, yet the shape rules start a name after the bracket (新媒体广告产业园)
and a zone of a generic kind (自由贸易试验区) is no name on its own. A place found right after 中国（X）, X a
known place, is extended over the prefix; so is a zone head standing right after it. (Organisations written
so, 中国（深圳）知识产权仲裁中心, are org_lists' seated national bodies; events keep their own finders.)
"""
from __future__ import annotations

import re

from .mentions import Mention
from .traps import is_known_place

_SEAT = re.compile(r"中国（(?P<seat>[\u4e00-\u9fff]{2,4})）")
# zones that are a name only with their seat: 中国（广东）自由贸易试验区, 中国（深圳）跨境电子商务综合试验区
_ZONE = re.compile(r"(?:[\u4e00-\u9fff]{0,8}?)(?:自由贸易试验区|自贸试验区|综合试验区)")


def find_seated_places(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of names opening with 中国（X）; `found`: this passage's mentions (the place after the
    prefix, if one was found)."""
    out: list[Mention] = []
    if "中国（" not in text:
        return out
    places = {m.start - base: m for m in found if m.label == "Place"}
    for m in _SEAT.finditer(text):
        if not is_known_place(m.group("seat")):
            continue
        after = places.get(m.end())
        end = after.end - base if after is not None else None
        if end is None:
            z = _ZONE.match(text, m.end())
            end = z.end() if z is not None else None
        if end is not None:
            out.append(Mention("Place", base + m.start(), base + end, text[m.start():end], text[m.start():end],
                               set(), {"seated": m.group("seat")}))
    return out
