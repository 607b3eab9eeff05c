"""The political consultative conference written bare after its place's people's congress: 区人大、政协的监督,
龙岗区人大、政协监督支持, 自治区人大、政协和社会各界 (issue 13, session 12).

Reports thank or report to the two bodies that oversee a government in one breath, and the level written on the
congress is shared by the conference after it. The lexicon reads 政协 only after a place or a level character
(区政协), and bare_agencies.py never reads a two-character name bare, so the conference was lost (18 times over
the 155 reports, session 12, all read right here). Here 政协 right after a congress mention and 、 or 和 is the conference of the
congress's place, unless it opens the word of its members or motions (人大代表、政协委员; 建议和政协提案: there
the congress mention is no body either, but that is the congress finder's matter).
"""
from __future__ import annotations

from .mentions import Mention

_CONGRESS = ("人民代表大会常务委员会", "人民代表大会")
_JOINS = "、和"
_NOT_BODY = ("委员", "提案")


def find_listed_councils(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Agency mentions of 政协 written bare after a congress (see the module)."""
    out: list[Mention] = []
    if "政协" not in text:
        return out
    taken = {m.start - base for m in found}
    for m in found:
        if m.label != "Agency" or not m.name.endswith(_CONGRESS):
            continue
        e = m.end - base
        if not (text.startswith("政协", e + 1) and text[e:e + 1] in _JOINS) or e + 1 in taken:
            continue
        if text.startswith(_NOT_BODY, e + 3) or text.startswith("代表", e) or m.surface.endswith("代表"):
            continue
        place = next(m.name[:-len(c)] for c in _CONGRESS if m.name.endswith(c))
        out.append(Mention("Agency", base + e + 1, base + e + 3, "政协", f"{place}政治协商会议", {"政协"},
                           {"listed": True}))
    return out
