"""Indicator figures, indicator points, plan items, places and time questions, rule by rule."""
from __future__ import annotations

import pytest

from govgraph.ingest.batch import Passage, ReportInfo
from govgraph.ingest.time.indicators import find_indicators
from govgraph.ingest.time.place import report_place
from govgraph.ingest.time.plans import find_plans, plan_keys
from govgraph.ingest.time.question import analyze_time_question
from govgraph.ingest.time.values import figure_pattern, read_figure


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("1.2万亿元", 1.2e12, "元", None),
    ("7%左右", 7.0, "%", "approx"),
    ("910.6亿元", 9.106e10, "元", None),
    ("1100万人以上", 1.1e7, "人", "min"),
    ("3.58万元", 35800.0, "元", None),
    ("1383亿美元", 1.383e11, "美元", None),
    ("5.5%以内", 5.5, "%", "max"),
    ("约3000亿元", 3e11, "元", "approx"),
    ("三对", 3.0, "对", None),
    ("28.5个百分点", 28.5, "个百分点", None),
])
def test_figures(text, value, unit, qualifier):
    fig = read_figure(figure_pattern().search(text))
    assert fig.value == pytest.approx(value) and fig.unit == unit and fig.qualifier == qualifier


def test_range_keeps_both_ends():
    fig = read_figure(figure_pattern().search("国内生产总值增长6%－6.5%"))
    assert (fig.value, fig.high, fig.unit) == (6.0, 6.5, "%")


def _points(text: str, role: str, year: int = 2022):
    r = ReportInfo(id="r", title="t", file="f.txt", sha256="x", year=year)
    p = Passage(id="r#p0000", report="r", index=0, text=text, start=0, end=len(text), role=role, year=year)
    return [(n.name, n.props["kind"], n.props["year"], n.props["value"], n.props["unit"], n.evidence[0].text)
            for n in find_indicators(text, [p], r)]


def test_review_gives_results_level_and_growth():
    pts = _points("全年地区生产总值达910.6亿元、增长11.7%，固定资产投资总额达481.5亿元、增长15.9%。", "achievement", 2021)
    assert pts == [
        ("地区生产总值", "actual", 2021, 9.106e10, "元", "地区生产总值达910.6亿元"),
        ("地区生产总值增长", "actual", 2021, 11.7, "%", "地区生产总值达910.6亿元、增长11.7%"),
        ("固定资产投资", "actual", 2021, 4.815e10, "元", "固定资产投资总额达481.5亿元"),
        ("固定资产投资增长", "actual", 2021, 15.9, "%", "固定资产投资总额达481.5亿元、增长15.9%"),
    ]


def test_plan_gives_targets_with_qualifiers():
    pts = _points("主要预期目标是：地区生产总值增长7%左右；城镇调查失业率控制在5.5%以内；粮食产量1268万吨以上。", "plan")
    assert [(n, k, v, u) for n, k, _, v, u, _ in pts] == [
        ("地区生产总值增长", "target", 7.0, "%"), ("城镇调查失业率", "target", 5.5, "%"),
        ("粮食产量", "target", 1.268e7, "吨")]


def test_what_is_not_a_point():
    # part of a year, a share of another quantity, money that is not homes, an average over years
    assert _points("1—11月固定资产投资总额增长17.9%。", "achievement") == []
    assert _points("民营经济占地区生产总值比重提高到54.1%。", "achievement") == []
    assert _points("保障性住房投资41亿元。", "achievement") == []
    assert _points("地区生产总值年均增长14%。", "achievement") == []
    assert _points("地区生产总值增长7%左右。", "other") == []


def test_stated_year_overrides_the_section():
    pts = _points("预计2022年全省地区生产总值达12.8万亿元。", "achievement", 2023)
    assert pts[0][:4] == ("地区生产总值", "actual", 2022, 1.28e13)


def test_added_counts_are_their_own_indicator():
    pts = _points("新增国家高新技术企业141家，增长25%。", "achievement", 2021)
    assert [p[0] for p in pts] == ["新增国家高新技术企业", "新增国家高新技术企业增长"]


def test_plan_items_keep_distinctive_keys():
    text = "加快青山湖湿地公园建设，完成湖岸生态修复工程。我们要坚持以习近平新时代中国特色社会主义思想为指导。"
    r = ReportInfo(id="r", title="t", file="f.txt", sha256="x", year=2022)
    p = Passage(id="r#p0000", report="r", index=0, text=text, start=0, end=len(text), role="plan", year=2022)
    items = find_plans(text, [p], r)
    assert [n.evidence[0].text for n in items] == ["加快青山湖湿地公园建设，完成湖岸生态修复工程。"]
    keys = plan_keys(items[0].evidence[0].text)
    assert "加快" not in keys and "建设" not in keys and any("湿地" in k for k in keys)


def test_names_outside_the_lexicon_by_the_shape_of_the_statement():
    pts = _points("PCT国际专利申请量增长77%，战略性新兴产业增加值1.33万亿元，占地区生产总值比重提高到41.1%。"
                  "新增三甲医院7家。企业研发投入占全社会研发投入比重94.0%。", "achievement", 2022)
    assert [(n, v, u) for n, _, _, v, u, _ in pts] == [
        ("PCT国际专利申请量增长", 77.0, "%"), ("战略性新兴产业增加值", 1.33e12, "元"),
        ("战略性新兴产业增加值占比", 41.1, "%"), ("新增三甲医院", 7.0, "家"), ("企业研发投入占比", 94.0, "%")]


def test_shapes_that_are_not_a_yearly_quantity():
    # an action with its amount, the tail of a list, an enumeration of examples, a total over years, a
    # daily average
    for text in ("安排资金10亿元。", "建成中小学、幼儿园12所。", "汇东晟等项目15个。", "累计引进人才3万人。",
                 "日均新设企业超过1.8万户。", "惠及企业3456家。"):
        assert _points(text, "achievement") == [], text


def test_plan_items_are_measures_only():
    text = ("今年主要预期目标是：地区生产总值增长7%左右；规模以上工业增加值增长10.5%左右；居民收入稳步增长。"
            "今年一季度，我们克服疫情影响，实现开门红。重点做好以下八个方面工作：（一）推动制造业高质量发展，加快提升产业链水平"
            "二是加速发展战略性新兴产业。支持华大基因加快新一代基因测序仪等产品研发生产。")
    r = ReportInfo(id="r", title="t", file="f.txt", sha256="x", year=2022)
    p = Passage(id="r#p0000", report="r", index=0, text=text, start=0, end=len(text), role="plan", year=2022)
    items = [ev.text for n in find_plans(text, [p], r) for ev in n.evidence]
    assert items == ["支持华大基因加快新一代基因测序仪等产品研发生产。"]


@pytest.mark.parametrize("author, text, place, before", [
    ("坪山区政府筹备组", "一、坪山新区成立以来的工作回顾", "坪山区", "坪山新区"),
    ("光明区人民政府", "光明区正式揭牌成立", "光明区", "光明新区"),
    ("南山区人民政府", "南山区各项工作", "南山区", None),
    ("深圳市福田区人民政府", "", "福田区", None),
    ("大鹏新区管理委员会", "", "大鹏新区", None),
    ("国务院", "", "国务院", None),
    ("东城区人民政府外事办公室", "", "东城区人民政府外事办公室", None),
    (None, "", None, None),
])
def test_places(author, text, place, before):
    assert report_place(author, text) == (place, before)


def test_time_questions():
    q = analyze_time_question("2018年到2024年广东省国际友好城市数量如何变化？")
    assert q.years == list(range(2018, 2025)) and q.change and q.indicators == ["国际友好城市"] and q.is_time
    q = analyze_time_question("how did Pingshan's GDP growth target change from 2020 to 2023?", ["坪山区"])
    assert q.years == [2020, 2021, 2022, 2023] and q.growth and q.kind == "target"
    assert q.indicators == ["地区生产总值"] and "坪山区" in q.words
    assert not analyze_time_question("哪些部门开展了外语标识核查？").is_time
