"""Collection-aware ranking, session 8 (issue 15): a place the report grades stand for is not matched as
a word, a report's repeated passage folds into its first, and answers weigh the evidence of the reports
a question names above the others."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search import SearchService
from govgraph.graph.search.collapse import collapse_series
from govgraph.graph.search.collection import one_place_said, unsaid
from govgraph.graph.search.results import Hit
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query

SEED = CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt"
GUANGMING = CORPUS / "001_fzzf-szgm-2021.txt"


def _report(rid, place, year):
    return ReportInfo(id=rid, title=f"{year}年{place}政府工作报告", file=f"{rid}.txt", sha256=rid, year=year,
                      author=place + "人民政府", place=place, reviews=year - 1, plans=year)


REPORTS = {r.id: r for r in (_report("sz2024", "深圳市", 2024), _report("sz2025", "深圳市", 2025),
                             _report("gd2024", "广东省", 2024), _report("ft2019", "福田区", 2019))}


def test_one_place_is_said_by_its_reports_whatever_form_names_it():
    assert one_place_said(REPORTS, ["深圳", "深圳市"])  # the short form names no report alone
    assert one_place_said(REPORTS, ["福田区"])
    # Shenzhen in Guangdong's report: one of the two places is what the question is about
    assert not one_place_said(REPORTS, ["深圳市", "广东省"])
    assert not one_place_said(REPORTS, ["上海市"])  # no report speaks for it
    assert not one_place_said(REPORTS, [])


def test_unsaid_drops_the_place_and_its_parts_but_never_the_whole_query():
    tokens, words = unsaid(["福田", "新", "引进", "文化", "名人"], "福田新引进了 文化名人", ["福田", "福田区"])
    assert tokens == ["新", "引进", "文化", "名人"]
    assert "福田" not in words and "文化名人" in words
    assert unsaid(["深圳市"], "深圳市", ["深圳市", "深圳"]) == (["深圳市"], "深圳市")
    # A place the tokenizer cuts into a word and a stray character is still the whole query.
    assert unsaid(["光明", "区"], "光明区", ["光明区"]) == (["光明", "区"], "光明区")


def _hit(pid, report, year, text):
    return Hit(pid, report, report + ".txt", "", "", "other", year, text, 0, len(text), 1.0)


def test_a_repeated_passage_of_one_report_folds_into_its_first():
    text = "七是加强政府建设和治理创新，保持社会和谐稳定。制定修订行政法规28部。"
    hits = [_hit("a", "r2025", 2025, text), _hit("b", "r2025", 2025, "完全不同的一段话讲的是交通建设"),
            _hit("c", "r2025", 2025, text.replace("，", "， ")), _hit("d", "other", 2025, text)]
    out = collapse_series(hits, {"r2025": "国务院", "other": None}.get)
    assert [h.passage for h in out] == ["a", "b", "d"]
    assert out[0].also_in == [] and out[0].folded == ["r2025.txt"]
    # a near-duplicate of one report that is not the same text stays: only repeats fold
    near = [_hit("a", "r", 2025, text), _hit("b", "r", 2025, text.replace("28", "29"))]
    assert len(collapse_series(near, {"r": "国务院"}.get)) == 2


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("store"))
    for f in (SEED, GUANGMING):
        store.put_batch(build_batch(f))
    store.flush()
    return SearchService(store, None, tokenize_query, analyze_question)


def test_the_named_place_is_said_by_the_store_reports(service):
    assert service._said_by_reports(["光明区", "光明"]) == ["光明区", "光明"]
    assert service._said_by_reports(["光明区", "东城区"]) == []
    assert service._said_by_reports([]) == []


def test_answers_weigh_the_named_reports_evidence_first(service):
    question = "光明区开展了哪些活动？"
    intent = service.analyzer(question)
    res = service.ask(question, k=10)
    guangming = {r.id for r in service.store.reports() if r.place == "光明区"}
    factors = service._answer_factors(intent, intent.focus, [], res.passages)
    assert factors, "a question naming a place of the store grades its passages"
    for h in res.passages:
        assert factors[h.passage] == (1.0 if h.report in guangming else service.unnamed_answer_share)
    # with no weight left to the unnamed reports, every answer rests on evidence of the named one
    ranked = service._ranker.rank(intent.label, question, intent.focus, res.passages,
                                  passage_factor={h.passage: 1.0 if h.report in guangming else 0.0
                                                  for h in res.passages})
    assert ranked
    for a in ranked:
        if a.score > 0:
            assert any(e.report in guangming for e in a.evidence), a
