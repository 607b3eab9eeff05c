"""Packages named by a topic and a quoted count of articles: 稳外贸“24条”, 暖企“十条”, “福企”十一条.

A city names its measure packages by the topic and the count, and quotes either the count (企业技改“18条”,
惠企“15条”, 暖企“十条”) or the topic (“福企”十一条, “福企”新十条). The nickname rule reads a count quoted whole
(“稳外贸24条”): with the topic outside the quotes it named the package by its count alone (“24条”: 44 such
nodes over the 143 non-test corpus reports, a name that tells no package from another) or, for a count in
Chinese numerals (暖企“十条”), nothing. Here the name is the topic and the count as written.

The topic is the run of characters before the opening quote back to a clause mark, after the last document verb
in it (policy_verbs.txt and `policy_count_lead_verbs.txt`: 出台, 推出, 用足用好, 对标…); two to ten characters. A count after a
conjunction (“稳外贸11条和4条”) or with no topic (“24条” at a clause's start) is left to the nickname rule.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list

_NUM = r"(?:[1-9][0-9]?|[一二三四五六七八九十]{1,3})"
# topic + “count”: 稳外贸“24条”, 暖企“十条”, 外向型企业高质量发展“双20条”
# the document word after the quote belongs to the name (助企纾困解难“十条”措施, 暖企“十条”政策)
_QUOTED_COUNT = re.compile(rf"“(?:新|双)?{_NUM}条”(?:政策措施|措施|政策|举措)?")
# “topic” + count: “福企”十一条, “福企”新十条; an Arabic count after a quoted term counts roads (“断头路”2条,
# 道路“白改黑”20条), so only a count in Chinese numerals or a new edition
_QUOTED_TOPIC = re.compile(r"“(?P<topic>[\u4e00-\u9fff]{2,8})”(?:(?:新|双)(?:[1-9][0-9]?|[一二三四五六七八九十]{1,3})"
                           r"|[一二三四五六七八九十]{1,3})条(?=[，。；、：\n和及与等]|$)")
# a clause mark or a conjunction ends the topic (“7+9”惠企政策和稳增长“40条”: the topic is 稳增长)
_CLAUSE = re.compile(r"[，。；、：”）\n（“和及与]")
# a count of packages before the quote (大气、水、土壤污染防治三个“十条”) names several
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两几]个$")
_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,24}$")


@lru_cache(maxsize=1)
def _lead_verbs() -> re.Pattern:
    verbs = set(word_list("policy_verbs.txt")) | set(word_list("policy_count_lead_verbs.txt"))
    return re.compile("|".join(map(re.escape, sorted(verbs, key=len, reverse=True))))


def _topic_start(text: str, q: int) -> int | None:
    """Where the topic before the opening quote at `q` starts, or None without one: after the clause mark and
    the last document verb before it (我们及时出台|支持企业发展“15条”), two to ten characters."""
    lo = max((m.end() for m in _CLAUSE.finditer(text, max(0, q - 24), q)), default=max(0, q - 24))
    t = _TOPIC.search(text, lo, q)
    if t is None:
        return None
    s = max((v.end() for v in _lead_verbs().finditer(text, t.start(), q) if q - v.end() >= 2), default=t.start())
    return s if 2 <= q - s <= 10 and not _COUNTED.search(text, s, q) else None


def topic_counts(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each package named by its topic and a quoted count."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "条" not in text or "“" not in text:
        return out
    for m in _QUOTED_COUNT.finditer(text):
        s = _topic_start(text, m.start())
        if s is not None:
            out.append((s, m.end(), text[s:m.end()], set()))
    for m in _QUOTED_TOPIC.finditer(text):
        out.append((m.start(), m.end(), m.group(0), set()))
    return out
