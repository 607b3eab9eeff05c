"""Games of a level of government, named by the level and the edition: 区第五届运动会, 第16届全区运动会,
市第十届运动会, 区运动会.

A district, city or province holds its own games and names them by its level alone (区, 全区, 市…) with or
without the edition; the name scan of events.py stops at such a level word (全区 opens clauses: 全区上下)
and at 届 after a numeral, so nothing was named (举行区第五届运动会, 办好第16届全区运动会: 4 reports of
the non-test corpus). The level word right before or after the edition, or right before the event word
after an event verb of the clause (开展区运动会), makes the name; the name is written as the report writes
it. Only the games (运动会, with the group it is for: 青少年运动会): a level word before other event words
names a kind (市级展会, 区级比赛).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention

_EDITION = r"第(?:[0-9]{1,3}|[一二三四五六七八九十百]{1,4})届"
_LEVEL = r"(?:全区|全市|全省|全县|区|市|省|县)"
_GAMES = re.compile(rf"(?:{_EDITION}{_LEVEL}|{_LEVEL}(?:{_EDITION})?)(?:青少年|中小学生|老年人|残疾人|全民|职工)?运动会")
# the character before a bare level word must end a word of its own: a verb's last character or punctuation
_CLAUSE_END = re.compile(r"[，。；、：\n]")


@lru_cache(maxsize=1)
def _verbs() -> tuple[str, ...]:
    return tuple(word_list("event_verbs.txt"))


def find_level_games(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    if "运动会" not in text:
        return out
    for m in _GAMES.finditer(text):
        s = m.start()
        if not text.startswith("第", s) and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" \
                and not text[:s].endswith(_verbs()):
            continue     # 深圳市运动会, 广东省第十一届运动会: the level word ends a place's name (events.py reads it)
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, 0, s)), default=0)
        if "届" not in m.group(0) and not any(v in text[clause_start:s] for v in _verbs()):
            continue
        name = m.group(0)
        out.append(Mention("Event", base + s, base + m.end(), name, name, set(), {}))
    return out
