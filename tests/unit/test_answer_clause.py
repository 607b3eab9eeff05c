"""The clause a question matched (issue 15): an answer written beside the question's words is lifted over one
written in another clause of the same sentence."""
import pytest

from govgraph.graph.search.answer_clause import ClauseMatcher, matched_clauses
from govgraph.graph.search.ask import AnswerRanker
from govgraph.graph.search.results import Hit
from govgraph.ingest.tokenize import tokenize_query
from tests.unit.report_stores import one_report_store, passage_hits

REPORT = """光明区政府工作报告

一、过去一年工作回顾
来自中山大学的学生参加社区志愿服务。
全社会研发投入102.7亿元。中山大学喜迎百年华诞，深圳理工大学获批成立。158名学者入选全球前2%顶尖科学家榜单。
"""


def test_the_matched_clause_holds_most_question_words():
    text = "全社会研发投入102.7亿元。中山大学喜迎百年华诞，深圳理工大学获批成立。"
    assert matched_clauses(text, ["大学", "获批", "成立"]) == ["深圳理工大学获批成立"]
    # ties are all kept (a list of clauses each holding the same words)
    assert matched_clauses("甲大学获批成立，乙大学获批成立", ["大学", "获批", "成立"]) == ["甲大学获批成立", "乙大学获批成立"]
    # one shared word says nothing about which clause is meant
    assert matched_clauses(text, ["大学", "举办"]) == []
    assert matched_clauses(text, []) == []


def test_a_matcher_lifts_names_written_in_a_matched_clause_only():
    text = "中山大学喜迎百年华诞，深圳理工大学获批成立。"
    m = ClauseMatcher([Hit("p", "r", "r.txt", "", "", "", 2025, text, 0, len(text), 1.0)], ["获批", "成立"])
    assert m.lifts(["深圳理工大学"], ["p"])
    assert not m.lifts(["中山大学"], ["p"])
    assert not m.lifts(["深圳理工大学"], ["other"])  # not in that passage's evidence


@pytest.fixture(scope="module")
def one_report(tmp_path_factory):
    store = one_report_store(tmp_path_factory.mktemp("clause"), "光明区政府工作报告_2025.txt", REPORT)
    return store, passage_hits(store, lambda t: "大学" in t, lambda t: "获批" in t)


def _ranked(one_report, lift: float) -> list[str]:
    store, hits = one_report
    ranker = AnswerRanker(store, tokenize_query)
    ranker.clause_lift = lift
    return [a.name for a in ranker.rank("Organization", "光明区哪所大学获批成立？", "大学获批成立", hits)]


def test_the_university_approved_is_the_answer_not_the_one_celebrating(one_report):
    # 中山大学 is named in both passages and shares the sentence's 获批成立: without the lift it ranks first
    assert _ranked(one_report, 1.0)[0] == "中山大学"
    assert _ranked(one_report, 1.5)[0] == "深圳理工大学"
