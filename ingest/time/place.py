"""Which jurisdiction or body a report speaks for, and the earlier name its text shows it had.

Series of reports join on this (graph.time.series): 坪山区人民政府, 深圳市坪山区人民政府 and 坪山区政府筹备组
all speak for 坪山区; 大鹏新区管委会 and 大鹏新区管理委员会 for 大鹏新区. A new area that became a district
(坪山新区 -> 坪山区) is one series only where the district's own report says so: it names the new area
(「坪山新区成立以来的工作回顾」) or announces its own founding (「光明区正式揭牌成立」). A district whose reports
say neither stays a series of its own: a shared stem alone is no proof.
"""
from __future__ import annotations

import re

# The body that speaks for a place: a government, a new area's administrative committee, a preparatory group.
_GOVERNMENT = re.compile(r"(?:人民政府|政府筹备组|筹备组|管理委员会|管委会|政府)$")
# 深圳市坪山区 -> 坪山区: the city in front of one of its districts or counties.
_PARENT = re.compile(r"^[\u4e00-\u9fff]{2,4}?[省市](?=[\u4e00-\u9fff]{2,5}(?:新区|区|县|市)$)")


def report_place(author: str | None, text: str) -> tuple[str | None, str | None]:
    """(place, earlier place) of a report by `author`; a body other than a government is its own place."""
    if not author:
        return None, None
    if not _GOVERNMENT.search(author):
        return author, None
    place = _GOVERNMENT.sub("", author)
    place = _PARENT.sub("", place) or place
    if not place:
        return author, None
    before = None
    if place.endswith("区") and not place.endswith("新区") and len(place) >= 3:
        stem = place[:-1]
        former = stem + "新区"
        founded = re.search(rf"{re.escape(place)}(?:正式)?(?:挂牌|揭牌)?成立", text)
        if former in text or founded:
            before = former
    return place, before
