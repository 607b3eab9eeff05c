"""Fairs named by their abbreviation: 海博会, 文博会, 农交会, 投洽会, and with their place, 广州文交会, 东莞漫博会.

A fair's short name is one character of its topic and 博会/交会/洽会 (`fair_abbreviations.txt`). The
topic character stands after a verb or punctuation (承办海博会, 、智博会), or after the place or scope
that runs the fair (广州|文交会, 国际|渔博会, 深圳|金博会, 全国|农交会): a gazetteer name or a scope word
ending right there is part of the name. After the name comes punctuation or what a report says of a fair
(分会场, 首次, 期间, 展区…); the one-character topic never reads into a longer word (提交会议: 交会 is
followed by 议).

Over the 143 non-test corpus reports the place-led and venue-followed forms add 广州文交会, 东莞漫博会,
国际渔博会, 深圳金博会 and 全国农交会 to the fairs the old pattern found.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention
from .places import gazetteer

_AFTER_VERB = "办承参加与和及在的好赴届"
_SCOPES = ("中国", "国际", "全国", "全球", "世界", "亚洲")
# 国际渔博会盐田分会场: a venue of the fair may stand between its name and 分会场
# a fair that opens its clause is followed by what happened to it (高交会成功举办, 第二十五届高交会在深举行,
# 文博会吸引…): its verb or an adverb before it
_FOLLOWERS = (r"[，、。；：等和及上”\s）)]|期间|[\u4e00-\u9fff]{0,4}?(?:分会场|主会场)|首次|开幕|展区|现场|成交|品牌|规模"
              r"|成功|圆满|顺利|如期|在|于|举办|举行|召开|落户|吸引|累计|共|$")


@lru_cache(maxsize=1)
def _fair_re() -> re.Pattern:
    heads = "|".join(map(re.escape, word_list("fair_abbreviations.txt")))
    return re.compile(rf"[\u4e00-\u9fff](?:{heads})(?={_FOLLOWERS})")


def _prefix(text: str, s: int) -> int | None:
    """Where the fair's name starts when the topic character is at `s`; None inside another word."""
    if s == 0 or not "\u4e00" <= text[s - 1] <= "\u9fff" or text[s - 1] in _AFTER_VERB:
        return s
    for k in (4, 3, 2):
        word = text[max(0, s - k):s]
        if len(word) == k and (word in _SCOPES or gazetteer().matcher.get(word)):
            return s - k
    return None


def find_fairs(text: str, base: int) -> list[Mention]:
    out = []
    for m in _fair_re().finditer(text):
        s = _prefix(text, m.start())
        if s is None:
            continue
        name = text[s:m.end()]
        out.append(Mention("Event", base + s, base + m.end(), name, name, set(), {"meeting": True}))
    return out
