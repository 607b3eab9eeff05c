"""Programmes named by a quoted term with the plan word outside the quotes: “粤贸全国”计划, “梧桐人才”政策.

Reports name a government's programme by a quoted nickname followed by what it is: a plan (计划,
行动计划), a policy (政策) or a set of documents (系列文件: 国资监管“1+11”系列文件). The quote is the
name, whatever verb stands before it (开展, 落实, 优化落实, 深化); the drafting-verb rule read only those
after its own verbs, and quoted_plans only numbered terms at a clause's start. The name is the quote and
the word. The other policy rules run first and keep their names (数字经济“十百千”计划 after a drafting
verb): this rule adds only what none of them read.

Refused: a quote that is only a count (“十大”计划: several plans, not one), a plan word that opens a longer
noun (“双创”政策措施, “1+N”政策体系 are read by the drafting-verb rule with their whole word).
"""
from __future__ import annotations

import re

_QUOTED = re.compile(r"“(?P<q>[^“”《》，。；：\n]{2,14})”(?P<word>行动计划|计划|政策|系列文件)"
                     r"(?![\u4e00-\u9fff]?(?:体系|措施|举措|文件|工具|包|库))")
# a quote that is nothing but a count names several (“十大”, “三项”, “两个”); a quantity word names none
# (“一揽子”政策: the whole package of a year's measures)
_ONLY_COUNT = re.compile(r"^(?:[0-9]+|[一二三四五六七八九十两百千]+)(?:项|大|个|类|批|条)?$")


_QUANTITIES = frozenset({"一揽子", "一系列", "组合式", "一批"})


def quoted_plan_words(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each quoted programme followed by its plan word; the span holds the quotes."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "”" not in text:
        return out       # most passages quote nothing
    for m in _QUOTED.finditer(text):
        if _ONLY_COUNT.match(m.group("q")) or m.group("q") in _QUANTITIES:
            continue
        out.append((m.start(), m.end(), m.group("q") + m.group("word"), {m.group(0)}))
    return out
