"""A government does not hold a congress: party congresses and plenums, people's congress and CPPCC
sessions are held by their own bodies, and the central meetings by the centre.

Work reports greet them (以优异成绩迎接党的十九大和省第十二次党代会胜利召开, 中国共产党第二十次全国代表大会
胜利召开), and the hold verb after the name made the report's government their organiser or participant:
29 of the 1,479 such edges from agencies in the non-test corpus reports (省第十二次党代会 5, 全国代表大会 5,
区委八届五次全会…). Neither gold has a
government organising or joining one; the seed's 光明区人民政府 ORGANIZED 区委全面依法治区委员会第三次会议 (a
committee's meeting) is no congress and stays.
"""
from __future__ import annotations

import re

from ..mentions import Mention

_CONGRESS = re.compile(r"(?:党代会|代表大会|全会|全体会议|(?:人大|政协)[^，。]{0,8}会议)$|^党的[一二三四五六七八九十]+大$")
_CENTRAL = re.compile(r"^(?:中央|全国)[\u4e00-\u9fff]{2,10}(?:工作会议|会议)$")
_GOVERNMENTS = ("人民政府", "管理委员会", "管委会", "国务院")


def held_by_its_own_body(actor: Mention, event: Mention) -> bool:
    """Whether `event` is a congress or central meeting, which the government `actor` does not hold."""
    return actor.name.endswith(_GOVERNMENTS) and (
        _CONGRESS.search(event.name) is not None
        or (event.props.get("meeting") is True and _CENTRAL.match(event.name) is not None and actor.name != "国务院"))
