"""A figure as written (910.6亿元, 1.2万亿元, 7%左右, 6%－6.5%, 三对) -> value, unit and qualifier.

cn2an turns Chinese numerals into numbers; the magnitude words (万, 亿, 万亿) and units are ours, because
they are what government figures mix with the numeral (1.2万亿元 is 1.2e12 元, 1100万人 is 1.1e7 人).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from govgraph.ingest.extract.lexicon import word_list

APPROX = "approx"  # 左右, 约, 近
MIN = "min"        # 以上, 超过, 突破
MAX = "max"        # 以内, 以下, 控制在…以内

_MAGNITUDE = {"万亿": 1e12, "千亿": 1e11, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUM = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"


def _units() -> list[str]:
    # Longest first so 个百分点 wins over 个 and 亿美元 over 亿.
    return sorted(word_list("indicator_units.txt"), key=len, reverse=True)


def figure_pattern() -> re.Pattern:
    units = "|".join(re.escape(u) for u in _units())
    mags = "|".join(_MAGNITUDE)
    return re.compile(
        rf"(?P<pre>约|近|超过|突破|超|逾)?(?P<num>{_NUM})(?:[%％]?\s*[－\-—~～至到]\s*(?P<num2>{_NUM}))?"
        rf"(?P<mag>{mags})?(?P<unit>{units})(?P<post>左右|以上|以内|以下|多|余)?"
    )


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    qualifier: str | None  # APPROX, MIN, MAX or None
    high: float | None = None  # the top of a range (6%－6.5%)


def _number(s: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return float(cn2an.cn2an(s, "smart"))


def read_figure(m: re.Match) -> Figure | None:
    """The Figure of a figure_pattern match, or None for what only looks like a number (十四五)."""
    try:
        value = _number(m.group("num"))
        high = _number(m.group("num2")) if m.group("num2") else None
    except (ValueError, KeyError):
        return None
    scale = _MAGNITUDE.get(m.group("mag") or "", 1.0)
    unit = m.group("unit")
    # 万人 / 万元 / 亿美元 as one unit word: the magnitude belongs to the value.
    for mag, factor in _MAGNITUDE.items():
        if unit.startswith(mag) and len(unit) > len(mag):
            scale *= factor
            unit = unit[len(mag):]
            break
    if unit in ("％",):
        unit = "%"
    pre, post = m.group("pre"), m.group("post")
    qualifier = None
    if post == "左右" or pre in ("约", "近"):
        qualifier = APPROX
    elif post in ("以上", "多", "余") or pre in ("超过", "突破", "超", "逾"):
        qualifier = MIN
    elif post in ("以内", "以下"):
        qualifier = MAX
    value = round(value * scale, 6)
    high = round(high * scale, 6) if high is not None else None
    return Figure(value, unit, qualifier, high)
