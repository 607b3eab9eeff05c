"""Typed question understanding, series collapse and ingest ETA (issue 15)."""
import pytest

from govgraph.api.ingest_eta import IngestEta
from govgraph.graph.search.collapse import collapse_series
from govgraph.graph.search.results import Hit
from govgraph.ingest.question import PHRASE, QUESTION, analyze_question


@pytest.mark.parametrize("q,label,form", [
    ("冬奥会期间的国际语言环境建设方案", "Policy", PHRASE),
    ("大鹏新区的生态文明体制改革方案", "Policy", PHRASE),
    ("中国长城博物馆", "Place", PHRASE),
    ("上海 世界赛艇锦标赛", "Event", PHRASE),
    ("福田 长者食堂", None, PHRASE),
    ("Great Wall Museum of China opened", "Place", PHRASE),
    ("Anhui plan for co-building an innovation center", "Policy", PHRASE),
    ("foreign ambassadors and diplomats visited which museum", "Place", QUESTION),
    ("坪山区与哪些港澳机构开展了合作？", "Organization", QUESTION),
    ("南山区引进了哪些境外机构？", "Organization", QUESTION),
    ("哪些海外机构在前海设立了总部？", "Organization", QUESTION),
    ("深圳建成了哪些国家级科研机构？", "Organization", QUESTION),
    ("Which reform plan did Anhui draw up?", "Policy", QUESTION),
])
def test_label_and_form(q, label, form):
    i = analyze_question(q)
    assert (i.label, i.form) == (label, form)


def test_who_leads_asks_for_a_body_with_its_cue_verb():
    i = analyze_question("外籍人士新冠疫苗接种工作由谁牵头？")
    assert i.label == "Agency" and i.alt_labels == ["Organization"] and i.actor_cues == ["牵头"]
    assert analyze_question("Who hosted the forum?").actor_cues == ["主办"]


def test_places_and_years_named():
    i = analyze_question("2019年福田区引进了哪些企业？")
    assert "福田区" in i.places and i.years == [2019]
    e = analyze_question("Which companies did Bao'an attract in 2021?")
    assert "宝安区" in e.places and e.years == [2021]


def test_a_common_word_is_no_place():
    # 合作 is 合作市 (Gansu) in the gazetteer, but a verbal noun in these questions
    assert analyze_question("国务院出台了哪项河套深港科技创新合作区的规划？").places == []
    assert analyze_question("2025年上海合作组织峰会在哪里举办？").places == ["上海", "上海市"]
    # prefecture cities keep their short forms even where jieba tags them otherwise (大连 d, 清远 a)
    assert analyze_question("大连和清远有哪些合作？").places == ["大连", "大连市", "清远", "清远市"]


def test_a_place_inside_an_organisation_name_is_no_place():
    # 北京人艺 (the Beijing People's Art Theatre) and 中山大学 are organisations, not Beijing or 中山市
    assert analyze_question("北京人艺完成了哪些演出？").places == []
    assert analyze_question("中山大学附属医院在哪里？").places == []
    # a place written as its own word stays one, also beside an organisation
    assert analyze_question("北京人艺扩建北京国际戏剧中心").places == ["北京", "北京市"]
    assert analyze_question("上海大歌剧院").places == ["上海", "上海市"]


def _hit(pid, report, year, text):
    return Hit(pid, report, report + ".txt", "", "", "other", year, text, 0, len(text), 1.0)


def test_near_duplicates_of_one_series_fold_into_the_best_hit():
    same = "建成1家区级及4家社区长者食堂，新增养老床位200张"
    # the same fact reworded folds; another figure is another fact (tests/unit/test_series_fold_figures.py)
    hits = [_hit("a", "r2020", 2020, same), _hit("b", "r2019", 2019, same.replace("建成", "已建成")),
            _hit("c", "other", 2019, same), _hit("d", "r2018", 2018, "完全不同的一段话讲的是交通建设")]
    authors = {"r2020": "福田区人民政府", "r2019": "福田区人民政府", "r2018": "福田区人民政府",
               "other": "南山区人民政府"}
    out = collapse_series(hits, authors.get)
    assert [h.passage for h in out] == ["a", "c", "d"]
    assert out[0].also_in == [2019] and out[0].to_dict()["also_in"] == [2019]
    assert out[1].to_dict()["also_in"] == []


def test_eta_counts_bytes_done(tmp_path):
    (tmp_path / "a.txt").write_text("x" * 100, "utf-8")
    (tmp_path / "b.txt").write_text("x" * 300, "utf-8")
    eta = IngestEta.of([tmp_path])
    assert "[1/2, about" in eta.done("a.txt")
    assert eta.done("b.txt").strip() == "[2/2]"
