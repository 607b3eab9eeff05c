"""An English question's phrases-together bonus is kept in full by the reports the question names and halved
for the others (graph/search/service.py, UNNAMED_TOGETHER_SHARE), over a real embedded store of two reports
of different places (BM25 only: no model needed)."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search import service as service_module
from govgraph.graph.search.service import SearchService
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    for name in ("004_gzbg-szft-2019.txt", "007_gzbg-szba-2022.txt"):
        s.put_batch(build_batch(CORPUS / name))
    s.flush()
    return SearchService(s, None, tokenize_query, analyze_question)


def test_a_named_report_keeps_the_bonus_and_another_keeps_a_share(svc):
    reports = {r.file: r.id for r in svc.store.reports()}
    futian, baoan = reports["004_gzbg-szft-2019.txt"], reports["007_gzbg-szba-2022.txt"]
    intent = analyze_question("Futian community canteens for the elderly")
    grades = svc._report_grades(intent.focus, [], **svc._named(intent))
    assert grades.get(futian) == 1.0 and baoan not in grades
    assert svc._named_share(grades, futian) == 1.0
    assert svc._named_share(grades, baoan) == service_module.UNNAMED_TOGETHER_SHARE < 1.0
    # a question naming no report leaves every passage its whole bonus
    intent = analyze_question("community canteens for the elderly")
    none = svc._report_grades(intent.focus, [], **svc._named(intent))
    assert none == {} and svc._named_share(none, baoan) == 1.0
