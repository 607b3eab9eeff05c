"""What a section is about (achievement, problem, plan, other) and which year, read from its heading.

The cue words are those of Chinese government writing in general (工作回顾, 存在的不足, 工作安排…), not of
any one report.
"""
from __future__ import annotations

import re

from govgraph.ingest.vocabulary import Role

ACHIEVEMENT = Role.ACHIEVEMENT
PROBLEM = Role.PROBLEM
PLAN = Role.PLAN
OTHER = Role.OTHER

# Problems first: "存在的不足" would otherwise read as a plain review heading.
_PROBLEM_WEAK = re.compile(r"不足|问题|困难|挑战|差距|短板|薄弱")
# A heading must say so plainly (a plan's "着力解决…问题" is still a plan); only a short top-level
# heading ("二、存在问题") may use the bare words.
_PROBLEM_STRONG = re.compile(
    r"^(?:存在的?|主要|面临的?)?(?:主要)?(?:问题|不足|困难|差距|短板)(?:和|与|及)?(?:不足|问题|原因|挑战|困难|差距)?$"
    r"|存在的?(?:主要)?(?:问题|不足|困难|短板|差距)|(?:问题|困难)和(?:不足|挑战)|不足和原因|差距和不足"
)
_ACHIEVEMENT = re.compile(
    r"工作回顾|回顾|主要举措和成效|举措和成效|成效|成就|主要成绩|过去一年|一年来|过去五年|五年来|以来工作"
    r"|工作情况|工作总结|完成情况|取得的|进展情况|落实情况|开展情况|建设情况"
)
_PLAN = re.compile(
    r"安排|计划|打算|工作思路|思路和|今后|下一步|下一年|未来|今年|明年|目标任务|主要任务|工作任务|重点任务"
    r"|总体要求|政策取向|奋斗目标|发展目标|预期目标|工作部署|总体部署|展望|建议|目标和"
)
# Headings that look like plans or reviews by year alone: 2023年主要工作 / 2023年重点工作.
_NEUTRAL_WORK = re.compile(r"主要工作|重点工作|工作重点|政府工作")
_APPENDIX = re.compile(r"名词解释|术语|注释|附件|附录|附表|说明$")

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*以来|\s*来)(?:度)?")
_YEAR_SINCE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年(?:\s*以来|\s*来)")
_RANGE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)?\d{2}")
_MULTI = re.compile(r"五年|十[一二三四五六七八九]五|时期|本届|以来|历年|[两三五十]年来")
_LAST_YEAR = re.compile(r"过去一年|一年来|去年|上一年")
_THIS_YEAR = re.compile(r"今年|本年度|本年")
_NEXT_YEAR = re.compile(r"明年|下一年|下一年度|来年")

# A paragraph that turns to shortcomings in the middle of a review: 清醒认识到…存在的不足：一是…
_PROBLEM_PARAGRAPH = re.compile(
    r"^[^。！？]{0,40}?(?:清醒(?:地)?(?:认识|看)到|也要看到|同时也(?:要)?看到|不足之处|存在(?:的)?(?:一些|不少)?(?:问题|不足|困难|短板)"
    r"|(?:问题|困难)和(?:不足|挑战)|短板和不足|差距和不足)"
)


def heading_role(text: str, top_level: bool, plan_year: int | None) -> str | None:
    """The role a heading's words announce, or None if they announce none."""
    if _APPENDIX.search(text) and len(text) <= 20:
        return OTHER
    if _PROBLEM_STRONG.search(text) or (top_level and len(text) <= 12 and _PROBLEM_WEAK.search(text)):
        return PROBLEM
    # The head noun of a Chinese heading comes last: "2019年和今年以来工作回顾" is a review, "“十四五”时期
    # 发展成就和“十五五”时期主要目标任务" a plan. So the cue that ends last decides.
    a_end = max((m.end() for m in _ACHIEVEMENT.finditer(text)), default=-1)
    p_end = max((m.end() for m in _PLAN.finditer(text)), default=-1)
    if a_end >= 0 or p_end >= 0:
        return ACHIEVEMENT if a_end > p_end else PLAN
    year = single_year(text)
    if year is not None and plan_year is not None:
        # 高质量做好2022年各项工作 / 关于2026年工作: a year alone says which way the section looks.
        if year >= plan_year:
            return PLAN
        if year < plan_year and _NEUTRAL_WORK.search(text):
            return ACHIEVEMENT
    return None


def problem_paragraph(text: str) -> bool:
    return bool(_PROBLEM_PARAGRAPH.search(text))


def single_year(text: str) -> int | None:
    """The one calendar year a heading speaks of, if it speaks of exactly one."""
    if _RANGE.search(text):
        return None
    m = _YEAR.search(text)
    if m:
        return int(m.group(1))
    return None


def heading_year(text: str, review_year: int | None, plan_year: int | None) -> tuple[bool, int | None]:
    """(decided, year) from a heading: decided=False when the heading says nothing about time."""
    year = single_year(text)
    if year is not None:
        return True, year
    if _LAST_YEAR.search(text):
        return True, review_year
    # Reports are written early in the year after the one they review, so 今年 and 下一年 both name the
    # year being planned.
    if _NEXT_YEAR.search(text) or _THIS_YEAR.search(text):
        return True, plan_year
    since = _YEAR_SINCE.search(text)
    if since and review_year is not None and int(since.group(0)[:4]) == review_year:
        # "2021年以来工作回顾" in a 2022 report reviews 2021 and the weeks since.
        return True, review_year
    if _MULTI.search(text) or _RANGE.search(text) or since:
        return True, None
    return False, None


# Reviews report results (了, 取得, percentages, 亿元); plans set tasks (要, 将, 加快, 推动). Measured on the
# sections of the corpus whose headings do say which they are, this split agrees with the heading on
# 97% of them; it is used only where no heading says.
_PAST = re.compile(r"了|取得|[%％]|亿元|累计|获批|首个|全年|增长|建成|新增")
_FUTURE = re.compile(r"将|要|加快|推动|力争|确保|打造|加强|大力|着力|更好")


def text_leaning(text: str) -> str | None:
    """ACHIEVEMENT or PLAN for a stretch of report text whose heading gives no cue; None if too short."""
    if len(text) < 200:
        return None
    past = len(_PAST.findall(text))
    future = len(_FUTURE.findall(text))
    if past == future:
        return None
    return ACHIEVEMENT if past > future else PLAN
