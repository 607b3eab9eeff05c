"""A training named by whom it trains or the skill it teaches is a kind of service, not an event.

Work reports count trainings the way they count services: 开展20场社区居民就业指导培训, 组织户籍人员培训300场,
开展补贴性职业技能培训59.9万人次, 联合深交所开展企业上市定制化培训. Over the 143 non-test corpus reports
the event finder made about 110 training events; read by hand, nearly all are such services, named by a
group of people (居民, 人员, 职工, 教师, 企业, 护理员…) or a skill (职业技能, 技能): the window gold lists
none of them (its conventions name meetings, fairs, forums, festivals and exhibitions; 法治专题学习培训 is a
trap in one window), and one dev window's first score had three such false events.

A training stays an event when something says which one: a year or edition (2021年度领导干部法治专题线上
培训班, 第三期), a quote or title (“粤菜师傅”培训, “龙岗第一课”培训: a programme's brand), or no group or
skill word at all (行业外语能力培训, the seed's event held in named hotels, is left to the other rules).
"""
from __future__ import annotations

import re

from .words import cut_words

_HEADS = ("培训班", "培训")
# words naming the people a training is for (whole jieba words, or words ending in a person suffix)
_GROUPS = frozenset({"居民", "市民", "人员", "职工", "员工", "教师", "学生", "青少年", "劳动者", "劳动力", "干部",
                     "企业", "家长", "老年人", "残疾人", "农民", "工人", "官兵", "学员", "骨干", "校长", "人才",
                     "群众", "青年", "妇女", "儿童", "中小学生", "公职人员", "党员", "村民", "户籍"})
_PERSON_ENDS = ("员", "者", "师")
# the skill taught: a training of a trade, not one event
_SKILLS = frozenset({"技能", "职业技能", "技术", "就业", "创业"})
# what names one training: a year, an edition, a quote or a title
_NAMED = re.compile(r"[0-9]{4}年|第[0-9一二三四五六七八九十百]+[期届次]|[“”《》\"]")


def trains_a_group(name: str, suffix: str) -> bool:
    """Whether a training's name says only whom it trains or what skill (户籍人员培训, 职业技能培训)."""
    if suffix not in _HEADS or _NAMED.search(name):
        return False
    words = cut_words(name[:-len(suffix)])
    return any(w in _GROUPS or w in _SKILLS or (len(w) > 1 and w.endswith(_PERSON_ENDS)) for w in words)
