"""Which report of a named year a question means: the one reviewing the year or the one planning it.

A yearly work report dated Y reviews Y-1 (过去一年, 2024年全市地区生产总值…) and plans Y (今年主要预期
目标是…); a 法治政府建设年度报告 dated Y reviews Y and plans Y+1 (ReportInfo.reviews / plans). So a
year a question names stands in two reports of one series, and they tell different things of it: the
targets for 2022 are in the report of 2022, what was done in 2022 in the report of 2023. The question's
words say which part it asks for:

- a target or a plan (目标, 预期, 计划, 要, 将, 拟, 今年; target, goal, will, plan): the report planning the year;
- a completed action (the analyzer's achievement role: 了, 成功, 建成, 去年; English did, was, were,
  has been, reached): the report reviewing the year;
- the year followed by 政府工作报告 / "work report" names the report of that date.

Nothing said: both are meant alike (None). The caller grades the other part lower, never out.
"""
from __future__ import annotations

import re

from .vocabulary import Role, YearPart


_ZH_DATED = re.compile(r"(?:19|20)\d{2}年(?:的)?(?:政府)?工作报告")
_EN_DATED = re.compile(r"\b(?:19|20)\d{2}(?:\s+government)?\s+(?:work\s+)?report\b", re.IGNORECASE)
_ZH_PLANS = re.compile(r"目标|预期|计划|打算|安排|部署|今年|要(?!求|点|素)|将|拟")
_EN_PLANS = re.compile(r"\b(?:targets?|goals?|aims?|will|plans?|planned|planning|going to|intends?|this year)\b",
                       re.IGNORECASE)
_EN_REVIEWS = re.compile(r"\b(?:did|was|were|had|has been|have been|reached|achieved|completed|last year|"
                         r"past (?:year|five years))\b", re.IGNORECASE)


def year_part(q: str, lang: str, role: str | None = None) -> YearPart | None:
    """The part of a named year the question `q` asks about; `role` is the analyzer's passage role."""
    if (_ZH_DATED if lang == "zh" else _EN_DATED).search(q):
        return YearPart.DATED
    if role == Role.PLAN or (_ZH_PLANS if lang == "zh" else _EN_PLANS).search(q):
        return YearPart.PLANS
    if role == Role.ACHIEVEMENT or (lang != "zh" and _EN_REVIEWS.search(q)):
        return YearPart.REVIEWS
    return None
