"""A foreign partner named after its country, taken from the text when the graph lacks it (issue 15,
session 13): 「与法国伊西莱·莫利诺市建立友好关系」."""
import pytest

from govgraph.graph.search.ask import AnswerRanker
from govgraph.graph.search.results import Hit
from govgraph.graph.search.text_answers import partner_spans
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query
from tests.unit.report_stores import one_report_store, passage_hits

REPORT = """福田区政府工作报告

一、2013年工作回顾
加快推进国际化建设，开展国际化先导城区规划研究，与法国伊西莱·莫利诺市建立友好关系，率先成立外籍志愿者服务队。
与意大利阿普利亚大区缔结友好城区，国际友城增至6个。
"""


def _hit(text: str) -> Hit:
    return Hit("p", "r", "r.txt", "", "", "", 2014, text, 100, 100 + len(text), 1.0)


def test_the_partner_after_its_country_is_a_span_with_offsets():
    text = "开展规划研究，与法国伊西莱·莫利诺市建立友好关系，率先成立服务队。"
    spans = partner_spans("Place", ["城镇"], [_hit(text)], set())
    assert [s.name for s in spans] == ["伊西莱·莫利诺市"]
    ev = spans[0].evidence()
    assert text[ev.start - 100:ev.end - 100] == "伊西莱·莫利诺市"


def test_no_span_without_a_country_a_known_name_or_the_asked_ending():
    # common words in the slot: no country before them
    assert partner_spans("Place", [], [_hit("区政府与其他区合作，与友好城市交流合作。")], set()) == []
    # a name the graph already holds in the passage
    assert partner_spans("Place", [], [_hit("与西班牙马尔贝拉市签署友好交流合作协议。")], {"马尔贝拉市"}) == []
    # a place is asked for, and what follows the country ends in no division's word
    assert partner_spans("Place", [], [_hit("与德国西门子开展合作。")], set()) == []
    # a verb inside the slot starts another phrase: what follows it is the partner
    spans = partner_spans("Place", [], [_hit("与日本东京都开展目黑区结好30周年儿童画互展。")], set())
    assert spans == []  # what follows 开展, 目黑区, has no country before it


@pytest.fixture(scope="module")
def futian(tmp_path_factory):
    store = one_report_store(tmp_path_factory.mktemp("partner"), "福田区政府工作报告_2014.txt", REPORT)
    return store, passage_hits(store, lambda t: "友好" in t, lambda t: "法国" in t)


def _answers(futian, spans: bool = True, topics: bool = True):
    store, hits = futian
    q = "Which French town did Futian establish friendly relations with?"
    intent = analyze_question(q)
    ranker = AnswerRanker(store, tokenize_query)
    ranker.partner_spans = spans
    ranker.term_topics = topics
    return ranker.rank(intent.label, q, intent.focus, hits, terms=intent.terms, kind=intent.kind,
                       partner=intent.partner)


def test_the_town_the_graph_lacks_answers_the_partner_question(futian):
    before = [a.name for a in _answers(futian, spans=False)]
    assert "伊西莱·莫利诺市" not in before  # the extractor does not make it
    top = _answers(futian)[0]
    assert top.name == "伊西莱·莫利诺市" and not top.entity and top.via == ["TEXT_PARTNER"]
    assert top.evidence[0].text == "伊西莱·莫利诺市"


def test_an_english_question_names_its_topic_through_its_terms(futian):
    # "French" -> 法国 is what the question is about: a quarter of its score, as a Chinese question's 法国
    off = {a.name: a.score for a in _answers(futian, topics=False)}
    on = {a.name: a.score for a in _answers(futian, topics=True)}
    assert on["法国"] == pytest.approx(off["法国"] * 0.25)
    assert on["阿普利亚大区"] == pytest.approx(off["阿普利亚大区"])
