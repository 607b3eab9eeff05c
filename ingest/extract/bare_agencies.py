"""Agencies written without their place or level (issue 13, session 7).

Two ways government writing drops the prefix of a body (agencies.py needs one: 区住建局, 深圳市司法局):
- in a list of bodies the first carries the level and the rest share it: 协办：区环保水务局、交通运输局、住建局
  (three district bureaus), 市规土委宝安管理局、区环保水务局、城管局;
- a report names its own government's departments by function alone: 由司法局牵头, 信访办、司法局加强协调 in
  a district's 法治政府 report are the district's (the window gold's convention of session 6).
A bare body counts only where a name can start: after punctuation, or after the clause's opening verbs and
prepositions (由|司法局, 会同|教育局); 市场监管局 inside 全市场监管局 or 新区|教育局 stays unread. Only bureau
names of three characters or more are read bare (教育局, 信访办), never 政府 or 委员会, which name no
department on their own.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .name_shapes import clause_lead

if TYPE_CHECKING:
    from .resolve import ReportContext

_BOUNDARY = frozenset("，。；：、（）()“”《》\n\u3000 ")
_NEVER_BARE = frozenset({"人民政府", "政府", "委员会", "人民政府办公室", "政府办公室",
                         # seated central bodies belong to a city or port, never to the report's own district
                         "证监局", "银保监局", "银监局", "海事局", "边检站", "出入境边防检查站", "出入境检验检疫局"})
_OPENER_SPAN = 6


def bare_prefix(text: str, s: int, key: str, ctx: ReportContext,
                listed_after: tuple[int, str] | None) -> tuple[int, str] | None:
    """(start, canonical place) for the body `key` at `s` written without a prefix, or None.
    `listed_after`: (end, place) of the body written just before, with its prefix."""
    if len(key) < 3 or key in _NEVER_BARE:
        return None
    if s > 0 and text[s - 1] == "、" and listed_after is not None and listed_after[0] == s - 1:
        return s, listed_after[1]   # 区环保水务局、住建局: the list's level carries over
    if s > 0 and text[s - 1] not in _BOUNDARY:
        lo = s
        while lo > max(0, s - _OPENER_SPAN) and text[lo - 1] not in _BOUNDARY:
            lo -= 1
        if clause_lead(text[lo:s]) != s - lo:
            return None   # 新区|教育局, 全市|场监管局: no name starts here
    home = ctx.home
    return (s, home.canonical) if home is not None else None
