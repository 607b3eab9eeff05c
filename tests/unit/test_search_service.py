"""SearchService over a real embedded store built from the seed report (BM25 only: no model needed)."""
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED
from pathlib import Path

import pytest

from govgraph.graph.search import SearchService
from govgraph.graph.search.evaluate import names_match
from govgraph.graph.store.base import Filters
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query

CORPUS = _CORPUS
SEED = CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt"
OTHER = CORPUS / "001_fzzf-szgm-2021.txt"

HIT_KEYS = {"passage", "report", "file", "title", "section", "role", "year", "text", "start", "end", "score", "also_in"}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("store"))
    for f in (SEED, OTHER):
        store.put_batch(build_batch(f))
    store.flush()
    return SearchService(store, None, tokenize_query, analyze_question)


def test_search_shape_and_ranking(service):
    res = service.search("外语标识核查纠错", k=5)
    d = res.to_dict()
    assert d["query"] == "外语标识核查纠错"
    assert 1 <= len(d["hits"]) <= 5
    assert all(set(h) == HIT_KEYS for h in d["hits"])
    top = d["hits"][0]
    assert "外语标识核查纠错" in top["text"] and top["file"] == SEED.name
    assert top["title"] and top["end"] > top["start"]
    scores = [h["score"] for h in d["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_hit_offsets_slice_the_report(service):
    hit = service.search("光速办", k=1).hits[0]
    text = OTHER.read_text("utf-8")
    # offsets point into the report text as read by ingest (the reader may normalise line ends)
    assert hit.text.strip()[:10] in text


def test_without_a_model_hybrid_is_bm25_and_vector_is_refused(service):
    a = service.search("首尔友谊节", k=5, mode="hybrid").to_dict()["hits"]
    b = service.search("首尔友谊节", k=5, mode="bm25").to_dict()["hits"]
    assert [h["passage"] for h in a] == [h["passage"] for h in b]
    with pytest.raises(ValueError, match="vector"):
        service.search("首尔友谊节", mode="vector")


def test_filters_restrict_every_hit(service):
    hits = service.search("法治政府建设", k=20, filters=Filters(report=OTHER.name)).hits
    assert hits and all(h.file == OTHER.name for h in hits)
    plan = service.search("法治政府建设", k=20, filters=Filters(role="plan")).hits
    assert plan and all(h.role == "plan" for h in plan)
    assert service.search("法治政府建设", k=20, filters=Filters(year=1999)).hits == []
    agency = service.search("法治政府建设", k=20, filters=Filters(label="Person")).hits
    ids = {h.passage for h in agency}
    in_p = service.store.nodes_in_passages(list(ids))
    for pid in ids:
        labels = {n.label for n in service.store.get_nodes(in_p[pid])}
        assert "Person" in labels


@pytest.mark.parametrize("kwargs,param", [
    ({"query": ""}, "query"),
    ({"query": "x", "k": 0}, "k"),
    ({"query": "x", "k": "5"}, "k"),
    ({"query": "x", "mode": "fuzzy"}, "mode"),
    ({"query": "x", "filters": Filters(role="wish")}, "role"),
    ({"query": "x", "filters": Filters(label="Passage")}, "label"),
])
def test_bad_input_names_the_parameter(service, kwargs, param):
    with pytest.raises(ValueError, match=param):
        service.search(**kwargs)


def test_ask_names_the_actor_with_evidence_from_the_passages(service):
    res = service.ask("哪些部门开展了公共场所外语标识核查纠错工作？", k=5)
    d = res.to_dict()
    assert d["label"] == "Agency"
    assert set(d) == {"question", "label", "answers", "passages", "time"}
    assert d["time"] is None  # no year asked (graph/time/ask.py fills it for questions naming years)
    assert d["answers"], "an agency should answer"
    top = res.answers[0]
    assert any(names_match("区政府外办", n) for n in top.names())
    pids = {h["passage"] for h in d["passages"]}
    for a in d["answers"]:
        assert a["label"] == "Agency"
        assert a["evidence"], a
        assert all(ev["passage"] in pids for ev in a["evidence"])
        assert set(a["evidence"][0]) == {"report", "file", "passage", "start", "end", "text"}


def test_ask_for_places_and_people(service):
    res = service.ask("东城区与日本哪个城市开展了结好30周年儿童画互展？", k=5)
    assert res.label == "Place"
    assert any(names_match("目黑区", n) for a in res.answers[:3] for n in a.names())
    person = service.ask("东城区外办的党组书记、主任是谁？", k=5)
    assert person.label == "Person" and person.answers and person.answers[0].name == "周桂芳"


def test_ask_without_label_returns_passages_only(service):
    res = service.ask("北京人艺扩建北京国际戏剧中心工程项目完成竣工验收的时间", k=3)
    assert res.label is None and res.answers == []
    assert res.passages and "竣工验收" in res.passages[0].text


def test_answers_never_come_from_outside_the_passages(service):
    res = service.ask("哪些企业参加了活动", k=2, filters=Filters(report=OTHER.name))
    pids = {h.passage for h in res.passages}
    for a in res.answers:
        node = service.store.get_node(a.id)
        supported = {e.passage for e in node.evidence} & pids
        edge_support = {ev.passage for e in service.store.edges_of(a.id) for ev in e.evidence} & pids
        assert supported or edge_support


def test_english_question_finds_chinese_passage_with_bm25_alone(service):
    res = service.ask("Which Japanese city held a children's painting exhibition with Dongcheng?", k=5, mode="bm25")
    assert res.label == "Place"
    assert any("目黑区" in h.text for h in res.passages[:3])
    assert any(names_match("目黑区", n) for a in res.answers[:3] for n in a.names())


def test_question_about_shortcomings_prefers_problem_passages(service):
    hits = service.ask("光明区法治政府建设存在哪些问题和不足", k=3).passages
    assert hits and hits[0].role == "problem"


def test_new_report_is_searchable_without_a_new_service(service, tmp_path):
    store = service.store
    batch = build_batch(CORPUS / "004_gzbg-szft-2019.txt")
    store.put_batch(batch)
    try:
        hit = service.search("阿普利亚大区", k=1).hits[0]
        assert hit.file == "004_gzbg-szft-2019.txt" and hit.title
    finally:
        store.remove_report(batch.report.id)
    assert all(h.file != "004_gzbg-szft-2019.txt" for h in service.search("阿普利亚大区", k=3).hits)


def test_warm_loads_without_error_and_search_still_works(service):
    service.warm()
    assert service.search("光速办", k=1).hits


def test_answer_of_the_kind_asked_for_ranks_higher(service):
    from govgraph.graph.search.ask import KIND_MATCH
    plain = service.ask("东城区与日本哪个城市开展了结好30周年儿童画互展？", k=5)
    by_kind = service._ranker.rank("Place", plain.question, plain.focus, plain.passages, limit=5, kind=["区"])
    # the same ranking without the kind (ask also weighs the partner asked for: 与日本哪个城市)
    before = {a.name: a.score for a in service._ranker.rank("Place", plain.question, plain.focus, plain.passages, limit=5)}
    for a in by_kind:
        if a.name in before and a.name.endswith("区"):
            assert a.score > before[a.name] * (KIND_MATCH - 0.01)
    assert any(a.name.endswith("区") for a in by_kind)
