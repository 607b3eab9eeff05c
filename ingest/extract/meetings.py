"""Named meetings, congresses and fairs by their shape, not by a verb nearby.

市委七届六次全会, 区二届二次党代会, 市七届人大四次会议, 省第十三次党代会, 中央经济工作会议,
中央全面依法治国工作会议, 海博会: the session numbers (七届六次, 第十三次) or a level body before the
head (中央, 省委) make them one event; a bare 会议 or 全会 names none.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .fair_names import find_fairs
from .lexicon import word_list
from .meeting_lists import listed_work_meetings
from .mentions import Mention

if TYPE_CHECKING:
    from .resolve import ReportContext

_NUM = "[一二三四五六七八九十百0-9]"
# the local body holding the meeting (省委, 市, 区委…). The Party's national congresses and plenums
# (党的二十大, 十九届六中全会) are cited as doctrine in every report, not as events anyone held or
# attended there, and are left out (the report gold does not count them either).
_BODY = r"(?:省委|市委|区委|县委|省|市|区|县)"


@lru_cache(maxsize=1)
def _session_re() -> re.Pattern:
    heads = "|".join(map(re.escape, sorted(word_list("meeting_heads.txt"), key=len, reverse=True)))
    # 市委七届六次全会, 区二届二次党代会, 省第十三次党代会, 十九届二中、三中全会
    # 区第七届党代会; 十二届市委八次全会 (the term written before the body)
    return re.compile(rf"(?:{_BODY}(?:{_NUM}+届(?:{_NUM}+中|{_NUM}+次|历次)?|第{_NUM}+[次届]|{_NUM}+届)|{_NUM}+届{_BODY}{_NUM}+次)"
                      rf"(?:人大|政协)?(?:[{_NUM[1:-1]}]+中、)*(?:{_NUM}+[中次])?(?:{heads})")


@lru_cache(maxsize=1)
def _work_meeting_re() -> re.Pattern:
    # 中央经济工作会议, 中央全面依法治国工作会议, 全省高质量发展大会: a level body and a topic of up to 10 characters
    # 自治区党委经济工作会议, 省委农村工作会议: a local Party committee holds its work meetings too
    return re.compile(r"(?<!党)(?:中央|全国|全省|全市|全区|(?:自治区|省|市|区|县)(?:党委|委))[\u4e00-\u9fff]{2,10}?"
                      r"(?:工作会议|大会)")


def find_meetings(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    out: list[Mention] = []
    for rx in (_session_re(), _work_meeting_re()):
        for m in rx.finditer(text):
            s = m.start()
            name = text[s:m.end()]
            if len(name) < 3 or name.endswith("全国代表大会"):
                continue     # 中国共产党第二十次|全国代表大会: the Party's national congress, cut (left out above)
            out.append(Mention("Event", base + s, base + m.end(), name, name, set(), {"meeting": True}))
            if rx is _work_meeting_re() and name.endswith("工作会议"):
                out += [Mention("Event", base + a, base + b, w, n, {w}, {"meeting": True})
                        for a, b, n, w in listed_work_meetings(text, name, m.end())]
    return out + find_fairs(text, base)
