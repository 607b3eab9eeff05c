"""Reading cross-agency questions (ingest.aggregation) and the pieces of graph.search.aggregate that
need no store: detection, topic term groups, agency -> place, year ranges, sentence matching."""
from __future__ import annotations

import pytest

from govgraph.graph.search.aggregate import _has, parse_years
from govgraph.ingest.aggregation import Scope, detect_aggregation, place_of, topic_groups


@pytest.mark.parametrize("q, scope", [
    ("哪些区推进了国际化街区建设？", Scope.DISTRICT),
    ("哪几个区在推行河长制？", Scope.DISTRICT),
    ("各区垃圾分类情况", Scope.DISTRICT),
    ("哪些城市提到低空经济？", Scope.CITY),
    ("哪些省份发展低空经济？", Scope.PROVINCE),
    ("哪些部门开展了外语标识核查？", Scope.AGENCY),
    ("有哪些单位参与了垃圾分类？", Scope.AGENCY),
    ("Which districts mention international schools?", Scope.DISTRICT),
    ("Which cities mention the low-altitude economy?", Scope.CITY),
    ("Which provinces are developing the low-altitude economy?", Scope.PROVINCE),
    ("Which agencies implement the river chief system?", Scope.AGENCY),
    ("How is drug control work going in each district?", Scope.DISTRICT),
])
def test_aggregation_questions_are_detected(q, scope):
    intent = detect_aggregation(q)
    assert intent is not None and intent.scope is scope
    assert intent.groups


@pytest.mark.parametrize("q", [
    "哪个部门负责外语标识核查？",         # asks for one body
    "北京哪些市属国企迁入了城市副中心？",   # 市属国企 are companies
    "哪些区域实现了5G全覆盖？",             # 区域 is an area, not a district
    "深圳2024年新增了哪些国际友城？",       # asks for partner cities, not actors
    "Which Japanese city held a children's painting exhibition?",
    "Which office organized inspections of foreign-language signs?",
    "国际化街区",                            # a bare topic is a search
    "哪些区？",                              # no topic left
])
def test_other_questions_are_not_aggregation(q):
    assert detect_aggregation(q) is None


def test_topic_drops_asking_words_and_keeps_the_thing():
    words = [g.words() for g in detect_aggregation("哪些区推进了国际化街区建设？").groups]
    assert words == [["国际化街区", "国际化", "街区"]]
    # jieba cuts unknown words into characters; the run of characters is one word again
    assert [g.words() for g in topic_groups("在推行河长制")] == [["河长制"]]


def test_english_topic_uses_curated_phrases_over_loose_words():
    groups = detect_aggregation("Which districts pursue the park city concept?").groups
    assert [g.words() for g in groups] == [["公园城市"]]
    groups = detect_aggregation("Which districts mention international schools?").groups
    assert any("国际学校" in g.words() for g in groups)


def test_plan_questions_ask_for_plans():
    assert detect_aggregation("哪些区计划建设人才住房？").role == "plan"
    assert detect_aggregation("哪些区建设人才住房？").role is None


@pytest.mark.parametrize("agency, name, kind", [
    ("南山区人民政府", "南山区", "district"),
    ("深圳市南山区人民政府", "南山区", "district"),
    ("东城区人民政府外事办公室", "东城区", "district"),
    ("坪山新区管委会", "坪山区", "district"),     # known to the lexicon by its later name
    ("大鹏新区管委会", "大鹏新区", "district"),
    ("深圳市人民政府", "深圳市", "city"),
    ("广东省人民政府", "广东省", "province"),
    ("广西壮族自治区人民政府", "广西壮族自治区", "province"),
])
def test_place_of_agency(agency, name, kind):
    p = place_of(agency)
    assert p is not None and (p.name, p.kind) == (name, kind)


def test_place_of_bodies_without_place():
    assert place_of("国务院") is None
    assert place_of("") is None


def test_parse_years():
    assert parse_years("2018-2025") == (2018, 2025)
    assert parse_years("2021") == (2021, 2021)
    assert parse_years(None) is None and parse_years("") is None
    for bad in ("2025-2018", "last year", "18-25"):
        with pytest.raises(ValueError, match="years"):
            parse_years(bad)


def test_sentence_matching_keeps_phrase_words_close():
    g = topic_groups("国际化街区")[0]
    assert _has("推进国际化街区建设", g)
    assert _has("高品质推进国际化示范街区建设", g)          # a short modifier between the words
    assert not _has("加快国际化社区建设，创建蛇口样板街区", g)  # apart, across a comma
    park = topic_groups("公园城市")[0]
    assert not _has("儿童公园等城市设施不足", park)          # a list, not the phrase


def test_aggregate_ask_schema_mirrors_the_result():
    from govgraph.api import schemas as S
    from govgraph.graph.search.aggregate import AggregateAskResult, RowAnswer
    from govgraph.ingest.batch import Evidence
    ev = Evidence("r", "r.txt", "r#p1", 0, 4, "推进河长制")
    row = RowAnswer("place-1", "Place", "南山区", 2.0, [ev], years=[2017, 2018], reports=["r", "s"], status=["done"])
    assert set(S.RowAnswerOut.model_fields) == set(row.to_dict())
    res = AggregateAskResult("哪些区推行河长制？", "Place", [row], [], topic="河长制", scope="district")
    assert set(S.AggregateAskOut.model_fields) == set(res.to_dict())
    out = S.AggregateAskOut.model_validate(res.to_dict())
    assert out.answers[0].years == [2017, 2018] and out.aggregate == {"topic": "河长制", "scope": "district"}
