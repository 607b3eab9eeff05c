"""Contests named by the prize won at them: 获全国颠覆性技术创新大赛优胜奖, 荣获全国围棋甲级联赛第三名.

Reports list the prizes their firms, schools and teams won: a winning verb (获, 荣获, 摘得, 勇夺…), the contest's
name, then the prize (金奖, 二等奖, 冠军, 第三名…). The event scan takes a contest's name only after a verb of
holding or joining (举办, 参加…), so a contest named by the prize won at it was lost: 15 of the 18 such phrases
over the 143 non-test corpus reports name one contest (中国创新创业大赛, 全国职业院校技能大赛). The name runs from
the winning verb to the contest word; names that count or rank contests (亚洲级以上大赛, 2枚全国…大赛) name a class.
"""
from __future__ import annotations

import re

from .mentions import Mention

_WON = re.compile(
    r"(?:获评|荣获|获得|摘得|夺得|勇夺|斩获|获)了?"
    r"(?P<name>[^，。；、：“”《》\n]{3,22}?(?:大奖赛|大赛|联赛|锦标赛|公开赛|邀请赛|挑战赛))"
    r"(?:总决赛|决赛|全国赛|国际赛)?[中上]?"
    r"(?:[一二三特]等奖|金奖|银奖|铜奖|优胜奖|优秀奖|奖项|冠军|亚军|季军|桂冠|金牌|银牌|铜牌|第[一二三四五六七八九十0-9]+名)")
# a count or a rank names a class of contests: 2枚全国职业技能大赛, 亚洲级以上大赛, 国际国内大赛
_CLASS = re.compile(r"^[0-9一二三四五六七八九十两几多]+[枚个项次]|级以上|以上|国际国内|各类|各级")


def find_contest_awards(text: str, base: int) -> list[Mention]:
    """Contests in passage `text` at `base` named by a prize won at them."""
    out: list[Mention] = []
    if not ("赛" in text and any(w in text for w in ("获", "摘得", "夺得", "勇夺"))):
        return out
    for m in _WON.finditer(text):
        name = m.group("name")
        if _CLASS.search(name):
            continue
        s = m.start("name")
        out.append(Mention("Event", base + s, base + m.end("name"), name, name, set(), {}))
    return out
