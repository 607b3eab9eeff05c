"""Programmes named whole inside quotes: “孔雀计划”, “珠江人才计划”, “广东特支计划”, “凤凰英才计划”.

A quoted term that itself ends in 计划 is the proper name of a programme (a talent, enterprise or
education scheme a government runs), whatever verb stands before it (实施, 入选, 依托, 落实…). The forms
with the plan word outside the quotes (“十百千”计划, “鹏城孔雀”计划) are read by quoted_plans; these were
left to nothing. Over the 143 non-test corpus reports 96 such quotes name 84 programmes: 孔雀计划 alone
is quoted 17 times and had never been a node.

Refused: a count of plans (“三项计划”, “十大专项行动计划”, “五个亿元计划”: several documents, not one; a
count titled 十大计划 is quoted_plans' reading) and a plan named by kind words only (“三年行动计划”).
"""
from __future__ import annotations

import re

from .policy_titles import generic_title

_QUOTED = re.compile(r"“(?P<name>[^“”《》，。；、：\n]{2,18}?计划)”")
# a count of plans (三项, 十大, 两个, 五个亿元…) names several, or the numbered set quoted_plans reads
_COUNT_LEAD = re.compile(r"^(?:[0-9]+|[一二三四五六七八九十两百千]+)(?:项|大|个|类|批|年)")
_PLAN_WORDS = ("行动计划", "计划")


def quoted_programmes(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each programme quoted whole; the span holds the quotes."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "计划”" not in text:
        return out       # most passages quote no programme
    for m in _QUOTED.finditer(text):
        name = m.group("name")
        if len(name) < 4 or _COUNT_LEAD.match(name) or generic_title(name, _PLAN_WORDS):
            continue
        out.append((m.start(), m.end(), name, {m.group(0)}))
    return out
