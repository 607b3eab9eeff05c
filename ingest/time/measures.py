"""Which sentences of a plan section are planned measures (a task the government sets itself), and
which only frame them.

A plan section also holds: the year's target figures (主要预期目标是：…；…。, read as indicator points),
headings that sum up the measures below them (（一）推动制造业高质量发展…, 二是加速发展战略性新兴产业。),
sentences leading into the list (2023年是…开局之年…要重点做好以下十个方面的工作), a look at the part of
the year gone (今年一季度，我们克服疫情…) and exhortation (当前，各类市场主体面临…大家要…). None of these is a
task a later report could say was done, so none is a plan item. Measured on tests/gold/time/plan_measures.jsonl
(docs/time.md).
"""
from __future__ import annotations

import re

_N = "一二三四五六七八九十"
_HEADING = re.compile(rf"^(?:[（(][{_N}]+[）)]|[{_N}]+、|第[{_N}]+[，、是])")
# 「二是加速发展战略性新兴产业。」: a short numbered lead sentence names the group, the sentences after it
# are its measures.
_NUMBERED = re.compile(rf"^[{_N}]+是")
_NUMBERED_MAX = 30
_LEAD_IN = re.compile(r"以下.{0,6}(?:方面|工作|任务|几个)|重点做好|做好以下|预期目标|[开收]局之年|关键一年|"
                      r"重要一年|之年，|做好今年(?:政府)?工作")
_ASIDE = re.compile(rf"^(?:当前|目前|今年(?:[{_N}]季度|上半年|以来)|[{_N}]季度|上半年|前三季度)")
TARGETS = re.compile(r"预期目标")


def is_measure(sentence: str) -> bool:
    s = sentence.strip()
    if _HEADING.match(s) or _ASIDE.match(s) or _LEAD_IN.search(s):
        return False
    if _NUMBERED.match(s) and len(s) <= _NUMBERED_MAX:
        return False
    return True
