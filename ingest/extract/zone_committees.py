"""The two bodies that govern a new area or a development zone: its Party working committee (党工委) and its
management committee (管委会), written after the zone's name or after a bare 新区 (issue 13, session 12).

A 新区, 开发区 or 高新区 has no people's government; the Party's 工作委员会 and the 管理委员会 govern it, and its
own reports name them by the bare level word: 在市委市政府和新区党工委的坚强领导下, 今年新区管委会工作的总体要求.
agencies.py reads a body only after a level character (区/市/省/县) and place_offices.py reads 管委会 only
right after the zone's name, so over the 155 reports (session 12) 新区党工委 was missed 52 times and a bare
新区管委会 17 times (the 大鹏, 坪山 and 光明 new areas' reports), 大鹏新区党工委 in full every time.
Here
- a zone's place mention (大鹏新区, 坪山新区, 高新区) followed by 党工委 or 工委 is the zone's Party committee;
- a bare 新区 followed by 党工委/工委/管委会/管理委员会 is the report's own new area's, when the report's place
  is a new area (ReportContext.home, else the author: 坪山新区管委会) and 新区 starts a name (it is no part of
  高新区, 各新区, 两新区);
- the second of 新区党工委、管委会 shares the first one's zone.
The Party committee is named as the Party names it (中共大鹏新区工作委员会, written short 大鹏新区党工委), the
management committee as on its seal (大鹏新区管理委员会), as place_offices.py names it.
"""
from __future__ import annotations

import re

from .mentions import Mention

_BODY = re.compile(r"党工委|工委|管委会|管理委员会")
_ZONES = ("新区", "开发区", "高新区", "合作区", "试验区")
# an author that is a new area's body: (深圳市)坪山新区管委会, 光明新区人民政府
_AUTHOR_AREA = re.compile(r"(?:[\u4e00-\u9fff]{2,4}?市)?([\u4e00-\u9fff]{2,4}?新区)(?:管委会|管理委员会|人民政府)")
# characters that make a bare 新区 part of another word or a count of new areas: 高新区, 各新区, 两新区
_NOT_OWN = frozenset("高各该两三四五六个等全跨诸")


def _named(zone: str, body: str) -> tuple[str, str]:
    """(name, short name) of the body `body` of the zone `zone`."""
    if body in ("党工委", "工委"):
        return f"中共{zone}工作委员会", f"{zone}党工委"
    return f"{zone}管理委员会", f"{zone}管委会"


def _own_new_area(ctx) -> str | None:
    """The new area the report is of: its place, or the new area its author is the body of (坪山新区管委会:
    the gazetteer places the 2014-2016 坪山 and 光明 new areas in no district, so the report has no home)."""
    if ctx is None:
        return None
    home = ctx.home
    if home is not None:
        return home.name if home.name.endswith("新区") else None
    m = _AUTHOR_AREA.match(ctx.author_name or "")
    return m.group(1) if m else None


def find_zone_committees(text: str, base: int, ctx, found: list[Mention]) -> list[Mention]:
    """Agency mentions of a zone's Party and management committees that no other finder read (see the module)."""
    out: list[Mention] = []
    if "委" not in text:
        return out
    taken = [(m.start - base, m.end - base) for m in found if m.label != "Place"]
    placed = [(m.start - base, m.end - base) for m in found if m.label == "Place"]
    zones = {m.end - base: m for m in found
             if m.label == "Place" and not m.props.get("foreign") and m.name.endswith(_ZONES)}
    own = _own_new_area(ctx)
    for b in _BODY.finditer(text):
        s, e = b.span()
        if any(x < e and s < y for x, y in taken):
            continue
        place = zones.get(s)
        if place is not None and b.group() in ("党工委", "工委"):
            start, zone = place.start - base, place.name
        elif (own is not None and place is None and text.startswith("新区", s - 2)
              and not any(x < s and s - 2 < y for x, y in taken + placed) and (s < 3 or text[s - 3] not in _NOT_OWN)):
            start, zone = s - 2, own
        elif out and out[-1].end - base == s - 1 and text[s - 1] == "、" and b.group() != "工委":
            start, zone = s, out[-1].props["zone"]   # 新区党工委、管委会: the list shares its zone
        else:
            continue
        if start == s - 2 and text.endswith(zone[:-2], 0, start):
            start -= len(zone) - 2   # 光明|新区党工委 where the gazetteer has no 光明新区: the name in full
        name, short = _named(zone, b.group())
        surface = text[start:e]
        out.append(Mention("Agency", base + start, base + e, surface, name, {surface, short} - {name},
                           {"zone": zone}))
        taken.append((start, e))
    return out
