"""Collection-aware ranking (issue 15): which reports a query names, the newest of a series, the
unbroken run of a query in a passage, a list headed by the asked kind, and the evaluation of a
whole-collection store."""
import json

import pytest

from govgraph.graph.search.ask import AnswerRanker
from govgraph.graph.search.collection import newest_of_series, series_key
from govgraph.graph.search.collection_rank import report_grades
from govgraph.graph.search.evaluate import evaluate, store_coverage
from govgraph.graph.search.proximity import longest_run, segments
from govgraph.graph.search.results import Hit
from govgraph.ingest.batch import Evidence, ReportInfo


def _report(rid, author, place, year, title=None, place_before=None):
    return ReportInfo(id=rid, title=title or f"{year}年{place}政府工作报告", file=f"{rid}.txt", sha256=rid,
                      year=year, author=author, place=place, place_before=place_before,
                      reviews=year - 1, plans=year)


def named_reports(reports, words, places, years=()):
    """The reports graded 1: the ones a query names itself."""
    return {rid for rid, g in report_grades(reports, words, places, years).items() if g == 1.0}


@pytest.fixture()
def reports():
    rs = [_report("sz2024", "深圳市人民政府", "深圳市", 2024), _report("sz2025", "深圳市人民政府", "深圳市", 2025),
          _report("ft2019", "福田区人民政府", "福田区", 2019),
          _report("ft2021", "深圳市福田区人民政府", "福田区", 2021, title="2021年政府工作报告（在深圳市福田区…）"),
          _report("gd2024", "广东省人民政府", "广东省", 2024), _report("gwy2023", "国务院", "国务院", 2023),
          _report("ps2018", "坪山区人民政府", "坪山区", 2018, place_before="坪山新区"),
          _report("dc2021", "东城区人民政府外事办公室", "东城区人民政府外事办公室", 2021)]
    return {r.id: r for r in rs}


def test_a_named_place_prefers_the_reports_that_speak_for_it(reports):
    # 深圳 names the city's reports, not the district report whose title says 深圳市福田区
    assert named_reports(reports, [], ["深圳", "深圳市"]) == {"sz2024", "sz2025"}
    assert named_reports(reports, [], ["福田区"]) == {"ft2019", "ft2021"}
    # an earlier name and a body of the place count
    assert named_reports(reports, [], ["坪山新区"]) == {"ps2018"}
    assert named_reports(reports, [], ["东城区"]) == {"dc2021"}


def test_a_year_narrows_the_place_and_alone_prefers_its_reports(reports):
    # a report of 2025 reviews 2024
    assert named_reports(reports, [], ["深圳市"], [2024]) == {"sz2024", "sz2025"}
    assert named_reports(reports, [], ["深圳市"], [2025]) == {"sz2025"}
    assert named_reports(reports, [], ["福田区"], [2020]) == {"ft2021"}
    assert named_reports(reports, [], [], [2019]) == {"ft2019"}


def test_words_name_a_body_only_when_no_place_does(reports):
    assert named_reports(reports, ["国务院", "规划"], []) == {"gwy2023"}
    assert named_reports(reports, ["国务院"], ["深圳市"]) == {"sz2024", "sz2025"}
    # titles are not read: 区政府 of 福田区政府工作报告 and 第八届 of 第八届人民代表大会 name no body
    assert named_reports(reports, ["政府工作报告", "区政府", "第八届"], []) == set()
    # a word in half the authors or more names nothing in particular
    assert named_reports(reports, ["人民政府"], []) == set()
    assert named_reports({"a": reports["sz2024"]}, [], ["深圳市"]) == set()


def test_grades_of_a_named_place_and_year(reports):
    # 福田 named: its own reports 1, its parent Shenzhen's `parent`, never the province (a grandparent)
    grades = report_grades(reports, [], ["福田区"], (), parent=0.2, child=0.0)
    assert grades == {"ft2019": 1.0, "ft2021": 1.0, "sz2024": 0.2, "sz2025": 0.2}
    # 深圳 named: its children's reports `child`, its parent Guangdong's `parent`
    grades = report_grades(reports, [], ["深圳市"], (), parent=0.2, child=0.1)
    assert grades == {"sz2024": 1.0, "sz2025": 1.0, "ft2019": 0.1, "ft2021": 0.1, "ps2018": 0.1, "gd2024": 0.2}
    # a named year: its reports 1 (2025's reviews 2024), the neighbours' `neighbour`; a place multiplies
    grades = report_grades(reports, [], [], [2019], neighbour=0.5)
    assert grades["ft2019"] == 1.0 and grades["ps2018"] == 0.5 and "sz2024" not in grades
    grades = report_grades(reports, [], ["福田区"], [2019], parent=0.2, neighbour=0.5)
    assert grades == {"ft2019": 1.0, "ft2021": 0.5}  # 2021 reviews 2020, next to 2019
    grades = report_grades(reports, [], ["深圳市"], [2025], parent=0.2, child=0.1, neighbour=0.5)
    assert grades == {"sz2025": 1.0, "sz2024": 0.5, "gd2024": 0.1}


def test_newest_of_each_series(reports):
    assert newest_of_series(reports, reports) == {"sz2025", "ft2021", "gd2024", "gwy2023", "ps2018", "dc2021"}
    assert series_key(reports["ft2021"]) == series_key(reports["ft2019"]) == "福田区"
    assert series_key(None) is None


def test_longest_unbroken_run_of_the_query():
    segs = segments("进一步深化国资国企改革方案")
    assert segs == ["进一步深化国资国企改革方案"]
    whole = "制定实施进一步深化国资国企改革方案，促进国有企业聚焦主责主业"
    apart = "深化国资国企改革，把新一轮国企改革方案与推进提质增效专项方案紧密结合"
    assert longest_run(segs, whole) == 1.0
    assert 0.4 < longest_run(segs, apart) < 0.8
    assert longest_run(segs, "完全无关的一句话") == 0.0
    # English words and short runs are left to BM25
    assert segments("Which office? 外办") == []


def _hit(pid, text):
    return Hit(pid, "r", "r.txt", "", "", "other", 2024, text, 0, len(text), 1.0)


def test_an_item_of_a_list_headed_by_the_kind_is_of_that_kind():
    from govgraph.graph.search.ask import _Candidate
    from govgraph.ingest.batch import Node
    text = "高水平办好广交会、高交会、加博会等重大展会，成功举办世界客商大会"
    hit = _hit("p", text)

    def cand(name):
        a = text.index(name)
        c = _Candidate(Node(id=name, label="Event", name=name))
        c.add_evidence(0, Evidence(report="r", file="r.txt", passage="p", start=a, end=a + len(name), text=name))
        return c
    listed = AnswerRanker._listed_as_kind
    assert listed(cand("广交会"), {"p": hit}, ["展会"]) and listed(cand("加博会"), {"p": hit}, ["展会"])
    assert not listed(cand("世界客商大会"), {"p": hit}, ["展会"])
    assert not listed(cand("广交会"), {"p": hit}, [])


class _Store:
    def __init__(self, files):
        self.files = files

    def reports(self):
        return [_report(f, "x", "x", 2020) for f in self.files]


class _Service:
    embedder = None

    def __init__(self, files):
        self.store = _Store(files)


def test_evaluation_names_a_gold_report_the_store_lacks(tmp_path):
    gold = tmp_path / "q.jsonl"
    gold.write_text(json.dumps({"id": "1", "question": "哪些部门？", "lang": "zh", "label": "Agency",
                                "report": "a.txt", "evidence": "x"}, ensure_ascii=False) + "\n", "utf-8")
    assert store_coverage(_Store(["a", "b"]), []) == {"reports": 2, "gold_reports": 0, "missing": []}
    with pytest.raises(ValueError, match="lacks 1 gold report.*a.txt"):
        evaluate(_Service(["b"]), gold)


def test_a_question_asking_for_a_figure_and_the_passage_that_gives_one():
    from govgraph.graph.search.proximity import words_with_figures
    from govgraph.ingest.question import analyze_question
    assert analyze_question("天津新增全国重点实验室多少家？").quantity
    assert analyze_question("How many Luban Workshops are there now?").quantity
    assert not analyze_question("天津要办好哪些高端展会？").quantity
    words = ["新增", "全国", "重点实验室"]
    assert words_with_figures(words, "新当选院士7名，新增全国重点实验室12家，低维电子材料海河实验室入轨运行") == 2
    assert words_with_figures(words, "用好全国重点实验室、高校院所等创新资源") == 0
