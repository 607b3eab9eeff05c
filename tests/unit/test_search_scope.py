"""The named reports' own ranking (issue 15, session 9): a ranked list kept to the reports a query
names, and which reports those are in a real store of three reports."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search import SearchService
from govgraph.graph.search.scope import within
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.batch import passage_id, report_of_passage
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query

FILES = ("004_gzbg-szft-2019.txt", "014_gzbg-shenzhen-2025.txt", "021_gzbg-tianjin-2026.txt")


def test_a_passage_id_gives_back_its_report():
    assert report_of_passage(passage_id("report-36e3484cc6fbe03f", 12)) == "report-36e3484cc6fbe03f"


def test_within_keeps_the_named_reports_passages_in_order_up_to_the_limit():
    ranked = [(passage_id(r, i), 1.0 / (i + 1)) for i, r in enumerate(["a", "b", "a", "c", "b", "a"])]
    assert [report_of_passage(p) for p, _ in within(ranked, {"a"}, 10)] == ["a", "a", "a"]
    assert within(ranked, {"a", "b"}, 2) == ranked[:2]
    assert within(ranked, {"z"}, 5) == []


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("store"))
    for name in FILES:
        store.put_batch(build_batch(CORPUS / name))
    store.flush()
    return SearchService(store, None, tokenize_query, analyze_question)


def _files(service, ids):
    return {service.store.find_report(rid).file for rid in ids}


def test_the_scope_is_the_reports_a_question_names(service):
    intent = analyze_question("天津技术合同成交额目标是多少？")
    assert _files(service, service._scope(intent.focus, [], intent.places, intent.years)) == {FILES[2]}
    # 深圳 names the city's report, not the Futian district report whose text says 深圳
    intent = analyze_question("深圳外贸进出口总额达到多少")
    assert _files(service, service._scope(intent.focus, [], intent.places, intent.years)) == {FILES[1]}


def test_no_scope_when_nothing_is_named_or_the_weight_is_off(service):
    intent = analyze_question("外贸进出口总额达到多少")
    assert service._scope(intent.focus, [], intent.places, intent.years) == set()
    intent = analyze_question("天津技术合同成交额目标是多少？")
    service.scope_weight = 0.0
    try:
        assert service._scope(intent.focus, [], intent.places, intent.years) == set()
    finally:
        service.scope_weight = 0.5
