"""Partners listed after 与/同 before a joint verb: 「推进与香港生产力促进局、香港大学、港交所等合作」.

The 与X…沟通 cue of sentence._partners sees only the first name (its joint verb must follow within
12 characters); here the whole list between 与 and the verb is read, and every item that opens with a
named body is a partner. The actor's partner, not a third party's: after 鼓励/引导/支持 (鼓励企业与高校
合作) or right after another named body (深圳大学与香港大学合作) the list is someone else's.
"""
from __future__ import annotations

import re
from typing import Sequence

from .mentions import Mention

_LIST = re.compile(r"[与同](?P<items>[^，。；：！？]{2,60}?)等?(?:开展|深化|加强|进行|推进|全面|战略|深度|务实)*"
                   r"(?:合作|协作|签约|签署|共建|对接|联动)")
_ITEM_SEP = re.compile(r"[、和及]")
_THIRD_PARTY = re.compile(r"鼓励|引导|支持|帮助|推动企业|吸引")
_CLAUSE_START = re.compile(r"[，。；：！？]")


def _clause_before(text: str, lo: int, pos: int) -> str:
    """The text of the clause before `pos` (back to the last clause mark, not before `lo`)."""
    i = pos
    while i > lo and not _CLAUSE_START.match(text[i - 1]):
        i -= 1
    return text[i:pos]


def third_party_list(text: str, lo: int, pos: int) -> bool:
    """Whether a 与 at `pos` opens someone else's cooperation (鼓励企业与高校合作), not the actor's."""
    return bool(_THIRD_PARTY.search(_clause_before(text, lo, pos)))


def listed_partners(text: str, start: int, end: int, bodies: Sequence[Mention]) -> list[Mention]:
    """Bodies (agencies, organisations) that open the items of a 与A、B、C等合作 list in text[start:end]."""
    if "与" not in text[start:end] and "同" not in text[start:end]:
        return []
    by_start = {m.start: m for m in bodies}
    ends = {m.end for m in bodies}
    out: list[Mention] = []
    for lm in _LIST.finditer(text, start, end):
        if lm.start() in ends or third_party_list(text, start, lm.start()):
            continue
        pos = lm.start("items")
        for part in _ITEM_SEP.split(lm.group("items")):
            m = by_start.get(pos)
            if m is not None and m not in out:
                out.append(m)
            pos += len(part) + 1
    return out
