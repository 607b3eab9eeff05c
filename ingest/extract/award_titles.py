"""What a body or place is awarded is a title, not a place (issue 13, session 9).

获评广东省法治文化主题公园, 获评国家生态文明建设示范区, 入选国家级旅游休闲街区, 评为省宜居社区, 荣获全国和谐社区
建设示范街道: after 获评, 评为, 荣获 and 入选 government writing names the honour a place received, shaped like a
place's name (a place and a kind) but naming a class of places. A place the shape rules built right after one
of these verbs (quotes and 首批 between allowed) is dropped; gazetteer places and venues keep their reading.
"""
from __future__ import annotations

import re

from .mentions import Mention

_AWARD = re.compile(r"(?:获评|评为|荣获|入选)(?:为)?(?:首批|第[一二三四五六七八九十]+批)?[“\"]?$")


def drop_award_titles(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """`ms` without the shaped places that are an award's title (see the module)."""
    return [m for m in ms if not (m.label == "Place" and "gazetteer" not in m.props and m.props.get("kind") != "venue"
                                  and _AWARD.search(text[max(0, m.start - base - 8):m.start - base]))]
