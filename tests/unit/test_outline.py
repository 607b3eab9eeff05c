"""The section outline, one step of its state machine at a time, on heading lines of real reports."""
from __future__ import annotations

from govgraph.ingest.structure.outline import Outline, split_paragraphs
from govgraph.ingest.vocabulary import Role


def _feed(lines: list[str], review_year: int, plan_year: int):
    outline = Outline(review_year, plan_year)
    return outline, [outline.feed(p) for p in split_paragraphs("\n".join(lines))]


def test_a_part_heading_closes_every_open_section():
    # 深圳市南山区 2023 政府工作报告: unnumbered parts, each with 一、二、… below.
    outline, ctx = _feed([
        "2022年工作回顾",
        "一、切实做到“疫情要防住”",
        "2023年主要工作",
        "一、加快融入新发展格局，着力推动高质量发展",
    ], 2022, 2023)
    assert [c.path for c in ctx] == [
        "2022年工作回顾", "2022年工作回顾 > 一、切实做到“疫情要防住”",
        "2023年主要工作", "2023年主要工作 > 一、加快融入新发展格局，着力推动高质量发展"]
    assert [c.role for c in ctx] == [Role.ACHIEVEMENT, Role.ACHIEVEMENT, Role.PLAN, Role.PLAN]
    assert [c.year for c in ctx] == [2022, 2022, 2023, 2023]
    assert [c.top for c in ctx] == [0, 0, 1, 1]
    assert len(outline.stack) == 2


def test_a_style_already_open_takes_its_level_again():
    # 国务院 2023 政府工作报告: （一） under 一、, then 二、 closes the （…） level.
    outline, ctx = _feed([
        "一、过去一年和五年工作回顾",
        "（一）创新宏观调控，保持经济运行在合理区间。面对贸易保护主义抬头、疫情冲击等接踵而至的严峻挑战。",
        "（二）如期打赢脱贫攻坚战，巩固拓展脱贫攻坚成果。全面建成小康社会最艰巨最繁重的任务。",
        "二、对今年政府工作的建议",
        "（一）着力扩大国内需求。把恢复和扩大消费摆在优先位置。",
    ], 2022, 2023)
    assert ctx[2].path == "一、过去一年和五年工作回顾 > （二）如期打赢脱贫攻坚战，巩固拓展脱贫攻坚成果"
    assert ctx[3].path == "二、对今年政府工作的建议"
    assert ctx[4].path == "二、对今年政府工作的建议 > （一）着力扩大国内需求"
    assert [c.role for c in ctx] == [Role.ACHIEVEMENT] * 3 + [Role.PLAN] * 2
    assert [c.year for c in ctx] == [2022, 2022, 2022, 2023, 2023]  # 今年 names the year planned


def test_a_misnumbered_heading_continues_the_outer_sequence():
    # 东城区外办 2021 法治政府建设报告: 一、 then 2、 3、 then 四、, all at the top level.
    _, ctx = _feed([
        "一、2021年推进法治政府建设的主要举措和成效",
        "2、 2021年推进法治政府建设存在的不足和原因",
        "3、 2021年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        "四、2022年推进法治政府建设的主要安排",
    ], 2021, 2022)
    assert [c.top for c in ctx] == [0, 1, 2, 3]
    assert all(" > " not in c.path for c in ctx)
    assert [c.role for c in ctx] == [Role.ACHIEVEMENT, Role.PROBLEM, None, Role.PLAN]
    assert [c.year for c in ctx] == [2021, 2021, 2021, 2022]


def test_the_outer_cue_names_the_section_and_the_inner_year_dates_it():
    # A review part with a sub-heading naming its own year: the role comes from the outer heading,
    # the year from the innermost one that names one.
    outline, ctx = _feed([
        "过去五年工作回顾",
        "一、2022年主要工作",
    ], 2022, 2023)
    assert ctx[1].role == Role.ACHIEVEMENT
    assert outline._section_role() == (Role.ACHIEVEMENT, 0)
    assert (ctx[0].year, ctx[0].year_decided) == (None, True)   # 五年 spans several years
    assert (ctx[1].year, ctx[1].year_decided) == (2022, True)


def test_text_before_any_heading_has_no_section():
    _, ctx = _feed(["各位代表：", "现在，我代表区人民政府，向大会报告工作，请予审议。"], 2022, 2023)
    assert [(c.path, c.role, c.top) for c in ctx] == [("", None, -1), ("", None, -1)]
