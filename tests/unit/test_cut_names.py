"""An answer's name cut at its start by the extractor, made whole where the question writes the cut word
(issue 15, session 13): 「办好接诉即办改革论坛」 gave 办改革论坛."""
import pytest

from govgraph.graph.search.ask import AnswerRanker
from govgraph.graph.search.cut_names import cut_before
from govgraph.ingest.tokenize import tokenize_query
from tests.unit.report_stores import one_report_store, passage_hits

QUESTION = "北京举办什么论坛来扩大接诉即办的国际影响力？"
REPORT = """北京市政府工作报告

一、2026年主要任务
深入推进接诉即办改革。办好接诉即办改革论坛，深化实践理论研究，扩大国际影响力。
用好中关村论坛、金融街论坛、北京文化论坛等平台。
"""


def test_a_run_of_the_question_across_the_start_is_a_cut_word():
    text = "办好接诉即办改革论坛，深化实践理论研究"
    start = text.index("办改革")
    assert cut_before(text, start, QUESTION) == 3  # 接诉即 + 办
    # a name whose start the question does not write across is whole
    assert cut_before("用好中关村论坛、金融街论坛", 2, QUESTION) == 0
    # two characters shared across the start (即办) are not enough to say a word was cut
    assert cut_before("立即办改革论坛", 2, "马上即办的事") == 0
    assert cut_before(text, len(text), QUESTION) == 0


@pytest.fixture(scope="module")
def beijing(tmp_path_factory):
    store = one_report_store(tmp_path_factory.mktemp("cut"), "北京市政府工作报告_2026.txt", REPORT)
    return store, passage_hits(store, lambda t: "论坛" in t, lambda t: "接诉即办改革论坛" in t)


def _answers(beijing, whole: bool):
    store, hits = beijing
    ranker = AnswerRanker(store, tokenize_query)
    ranker.whole_names = whole
    return ranker.rank("Event", QUESTION, "北京举办 论坛 来扩大接诉即办的国际影响力", hits, kind=["论坛"])


def test_the_extracted_name_is_cut(beijing):
    names = [a.name for a in _answers(beijing, False)]
    assert "办改革论坛" in names and "接诉即办改革论坛" not in names


def test_the_answer_takes_the_name_the_text_writes_with_its_offsets(beijing):
    store, hits = beijing
    top = _answers(beijing, True)[0]
    assert top.name == "接诉即办改革论坛"
    assert top.entity and "办改革论坛" in top.aliases and "TEXT_WHOLE" in top.via
    ev = top.evidence[0]
    hit = next(h for h in hits if h.passage == ev.passage)
    assert hit.text[ev.start - hit.start:ev.end - hit.start] == "接诉即办改革论坛" == ev.text
    # the other forums keep their names
    assert "中关村论坛" in [a.name for a in _answers(beijing, True)]
