"""What a question asks about time: the years (2018年到2024年, from 2020 to 2023), whether it asks about
change, which indicators (the indicator lexicon, in Chinese or through the English-Chinese terms the
question analyzer gives), target or result, and the words that may name a series (坪山, Guangdong -> 广东).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govgraph.ingest.extract.lexicon import Matcher, table

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*(?:到|至|－|-|—|~|～|to|through|until|and)\s*((?:19|20)\d{2})(?!\d)", re.I)
_CHANGE = re.compile(r"变化|变动|增减|趋势|走势|相比|比较|对比|逐年|历年|change|trend|compare|evolv|over the years", re.I)
_GROWTH = re.compile(r"增长|增速|增幅|growth|grow|increase|rate", re.I)
_TARGET = re.compile(r"目标|预期|计划|target|goal|aim|plan", re.I)
_ACTUAL = re.compile(r"实际|完成|实现|结果|达到|actual|result|achiev|outcome|reached", re.I)
_MAX_SPAN = 15  # a range wider than this is not a question about yearly points


@dataclass
class TimeQuestion:
    years: list[int] = field(default_factory=list)
    change: bool = False
    indicators: list[str] = field(default_factory=list)  # canonical names
    growth: bool = False
    kind: str | None = None  # "target" | "actual" | None for both
    words: list[str] = field(default_factory=list)  # the question and its Chinese terms, for series names

    @property
    def is_time(self) -> bool:
        return bool(self.years) and (bool(self.indicators) or self.change or len(self.years) > 1)


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    entries = []
    for canonical, forms, english, _units in table("indicators.tsv"):
        for form in forms.split("|"):
            entries.append((form.strip().lower(), canonical))
        for alias in english.split("|"):
            entries.append((alias.strip().lower(), canonical))
    return Matcher(entries)


def _years(q: str) -> list[int]:
    m = _RANGE.search(q)
    if m:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        if b - a <= _MAX_SPAN:
            return list(range(a, b + 1))
    return sorted({int(y) for y in _YEAR.findall(q)})


def analyze_time_question(question: str, terms: list[str] | None = None) -> TimeQuestion:
    terms = list(terms or [])
    text = " ".join([question, *terms])
    low = text.lower()
    names = list(dict.fromkeys(c for _, _, _, c in _matcher().find(low)))
    kind = None
    target, actual = bool(_TARGET.search(question)), bool(_ACTUAL.search(question))
    if target != actual:
        kind = "target" if target else "actual"
    return TimeQuestion(years=_years(question), change=bool(_CHANGE.search(question)), indicators=names,
                        growth=bool(_GROWTH.search(question)), kind=kind, words=[question, *terms])
