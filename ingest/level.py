"""The level of government a question implies without naming a place, and the level a report speaks for.

Reports speak of their own jurisdiction as a whole: the State Council's 全国 (nationwide), a province's
全省 / 我省, a city's 全市 / 我市, a district's 全区 / 我区. A question that uses such a word and names no
place («全国双创活动周», "the provincial plan for high-level vocational colleges") points at the reports of
that level; which ones, the rest of the question decides. The caller grades them (a boost, never a filter).
"""
from __future__ import annotations

import re

from .vocabulary import Level

_ZH = ((Level.NATIONAL, re.compile(r"全国|国务院")), (Level.PROVINCE, re.compile(r"全省|我省|省级|省委|省政府")),
       (Level.CITY, re.compile(r"全市|我市|市级|市委|市政府")), (Level.DISTRICT, re.compile(r"全区|我区|区级|区委|区政府")))
_EN = ((Level.NATIONAL, re.compile(r"\b(?:nationwide|State Council|national level|across the country)\b", re.I)),
       (Level.PROVINCE, re.compile(r"\b(?:provinc(?:e|ial)(?:-wide)?)\b", re.I)),
       (Level.CITY, re.compile(r"\b(?:city-?wide|municipal)\b", re.I)),
       (Level.DISTRICT, re.compile(r"\b(?:district-?wide|district-level)\b", re.I)))


def implied_levels(q: str, lang: str) -> list[str]:
    """The levels of government the question's words imply (全省 -> province), in order of the table."""
    return [level for level, rx in (_ZH if lang == "zh" else _EN) if rx.search(q)]


def level_of_place(place: str | None) -> str | None:
    """The level a report's place speaks for: 国务院 national, …省 / …自治区 province, …市 city, …区 / …县
    district; a body (东城区人民政府外事办公室) by the place its name begins with."""
    if not place:
        return None
    if place == "国务院":
        return Level.NATIONAL
    m = re.match(r"^.+?(省|自治区|市|新区|区|县)", place)
    if m is None:
        return None
    return {"省": Level.PROVINCE, "自治区": Level.PROVINCE, "市": Level.CITY}.get(m.group(1), Level.DISTRICT)
