"""Events listed before one shared head: 中韩、中尼外长会 are two meetings, 中韩（韩国）、中尼（尼泊尔）外长会 too.

Foreign-affairs writing lists bilateral meetings by the pair's abbreviation (中韩, 中尼, 中日韩), each
optionally glossed with the partner's name in brackets, and writes the head (外长会, 峰会, 对话) once.
Each item takes the head; the bracketed gloss is an alias, not part of the name. Items are the short
abbreviations of one side's pairs (they open with the same character), so a list of topics before a
head (技术、人才交流会) is not read as several events.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention

_GLOSS = re.compile(r"（[\u4e00-\u9fff]{2,8}）$")
_CLAUSE_MARKS = "，。；：！？\n"


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    heads = "|".join(map(re.escape, sorted(word_list("event_list_heads.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{heads})")


def _core(part: str) -> str:
    return _GLOSS.sub("", part)


def _items(text: str, lo: int, hi: int) -> list[tuple[int, int, str]] | None:
    """(start, end, core) of each pair before a head at `hi`: the parts between 、 of the clause, the first
    one cut to the pair that opens with the same character as the last one (保障|中韩)."""
    parts, pos = [], lo
    for part in text[lo:hi].split("、"):
        parts.append((pos, pos + len(part), part))
        pos += len(part) + 1
    if len(parts) < 2:
        return None
    last = _core(parts[-1][2])
    if not 2 <= len(last) <= 3:
        return None
    anchor = last[0]
    out = []
    for k, (s, e, part) in enumerate(parts):
        core = _core(part)
        if k == 0:
            tail = next((core[-n:] for n in (3, 2) if len(core) >= n and core[-n] == anchor), None)
            if tail is None:
                return None
            s = s + len(core) - len(tail)
            core = tail
        elif not (2 <= len(core) <= 3 and core[0] == anchor):
            return None
        out.append((s, e, core))
    return out


def find_listed_events(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    if "、" not in text:
        return out
    for m in _head_re().finditer(text):
        if m.start() == 0 or not ("\u4e00" <= text[m.start() - 1] <= "\u9fff" or text[m.start() - 1] == "）"):
            continue
        lo = max((text.rfind(c, 0, m.start()) for c in _CLAUSE_MARKS), default=-1) + 1
        if "、" not in text[lo:m.start()]:
            continue
        items = _items(text, lo, m.start())
        if not items:
            continue
        head = m.group(0)
        for k, (s, e, core) in enumerate(items):
            end = m.end() if k == len(items) - 1 else e
            name = core + head
            written = text[s:e] + head
            out.append(Mention("Event", base + s, base + end, text[s:end], name, {written} - {name},
                               {"listed": head}))
    return out
