"""Campaigns and projects named by a quoted nickname and what they are: “一把手”工程, “序畅宁绿洁美”三年行动,
“123”产业工程, “个转企、小升规、规转股、股上市”市场主体培育计划, “龙聚坪山”人才政策体系.

Governments name their own campaigns (行动), flagship projects (工程) and schemes the same way they name
plans (quoted_plan_words.py: “粤贸全国”计划): a quoted nickname, then a short kind phrase that may hold a
field or a term between the quote and the kind word (产业|工程, 三年|行动, 市场主体培育|计划, 人才|政策体系).
Over the non-test corpus reports the shape is everywhere: “百千万”工程, “广东强芯”工程, “湾区通”工程,
“万企兴万村”行动, “深圳蓝”可持续行动, “暖心民政”三年行动, “龙舞华章”人才计划.

The kind phrase is read with jieba's tags, not a fixed cut: a particle, conjunction, preposition or
pronoun between quote and kind word means the quote is not the campaign's name (“两个维护”落实到实际行动,
“事事心中有底”的行动, “璀璨行动”等工程, “一带一路”愿景与行动), and so does a plan or policy word inside the
phrase (“十四五”规划重大工程: the projects of a plan). The name is the quote without its marks and the
phrase; the written form with quotes is an alias.
"""
from __future__ import annotations

import re

from .words import cut_words, tagger

# Only the kinds that name a plan with a term or a body of documents: the window gold (dev, annotated by
# five engineers over four sessions) lists none of the bare campaigns and works (“工业上楼”行动, “万里碧道”
# 工程, “半拉子”工程: 11 of 11 were no gold entity when tried), so they stay out.
_KIND_WORDS = "三年行动|五年行动|行动计划|政策体系|计划"
_QUOTED = re.compile(r"“(?P<q>[^“”《》，。；：！？\n]{2,20})”(?P<mod>[\u4e00-\u9fff0-9]{0,8}?)"
                     rf"(?P<word>{_KIND_WORDS})"
                     # the kind word opens a longer noun: “百千万”工程项目, “1+N”政策体系措施, 工程师
                     r"(?!项目|措施|方案|体系|师|队|者|包|库)")
# the quote is a count or a quantity, not a name (“十大”工程, “一揽子”计划)
# (a number of three or more digits is a code name: “123”产业工程, “8853”工程)
_ONLY_COUNT = re.compile(r"^(?:[0-9]{1,2}|[一二三四五六七八九十两百千]+)(?:项|大|个|类|批|条)?$")
_QUANTITIES = frozenset({"一揽子", "一系列", "组合式", "一批"})
# tags that say the phrase after the quote is a clause, not a kind: particles, conjunctions, prepositions,
# pronouns, adverbs
_CLAUSE_TAGS = ("u", "c", "p", "r", "d", "y")
# 以实际行动, “两个维护”落实到实际行动: the deed, not a campaign
_NOT_IN_KIND = ("规划", "政策", "等", "的", "到", "实际")


def _kind_phrase_ok(mod: str) -> bool:
    """Whether the words between the quote and the kind word describe the campaign (产业, 三年, 人才培育)."""
    if not mod:
        return True
    if any(w in mod for w in _NOT_IN_KIND):
        return False
    _, tags = tagger()
    return not any(tags.get(w, "x").startswith(_CLAUSE_TAGS) for w in cut_words(mod))


def quoted_campaigns(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each campaign, project or scheme named by a quote and its kind."""
    out: list[tuple[int, int, str, set[str]]] = []
    if "”" not in text:
        return out       # most passages quote nothing
    for m in _QUOTED.finditer(text):
        q, mod = m.group("q"), m.group("mod")
        if _ONLY_COUNT.match(q) or q in _QUANTITIES or not _kind_phrase_ok(mod):
            continue
        out.append((m.start(), m.end(), q + mod + m.group("word"), {m.group(0)}))
    return out
