"""End to end: build a store with embeddings from the gold questions' reports, then hold search and
ask to the targets of issue 5 (hybrid evidence MRR >= 0.85, answer hit@3 >= 0.8, hybrid better than
BM25 alone and vectors alone). Uses the real model and the real ingest pipeline."""
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED
import json
from pathlib import Path

import pytest

from govgraph.graph.embedder import CachedEmbedder
from govgraph.graph.search import SearchService
from govgraph.graph.search.evaluate import evaluate, format_table, load_gold
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.vectorize import vectors_for
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query

GOLD = Path(__file__).resolve().parents[1] / "gold" / "questions.jsonl"
CORPUS = _CORPUS

pytestmark = pytest.mark.timeout(3600)


def _report_path(name: str) -> Path:
    """Gold reports live in the shared corpus or, for the yearly series, in corpus-extra."""
    for folder in (CORPUS, _CORPUS_EXTRA):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"gold report {name} is in neither {CORPUS} nor {_CORPUS_EXTRA}")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    files = sorted({q.report for q in load_gold(GOLD)})
    assert len(files) >= 6
    embedder = CachedEmbedder()
    store = EmbeddedStore(tmp_path_factory.mktemp("gold-store"))
    for name in files:
        batch = build_batch(_report_path(name))
        store.put_batch(batch, vectors_for(batch, embedder))
    store.flush()
    return SearchService(store, embedder, tokenize_query, analyze_question)


@pytest.fixture(scope="module")
def result(service):
    res = evaluate(service, GOLD, k=10)
    print()
    print(format_table(res))
    return res


def test_all_three_modes_measured_in_one_run(result):
    assert set(result["modes"]) == {"bm25", "vector", "hybrid"}
    assert result["questions"] >= 60
    for m in result["modes"].values():
        assert 0.0 <= m["evidence_mrr"] <= 1.0 and m["hit@1"] <= m["hit@3"]


# The targets, asserted as written. Measured on this gold set (all 99 questions): hybrid
# evidence MRR 0.857 (Chinese 0.96, English 0.69), answer hit@3 0.822. The margins are thin; the
# floors below tell a regression from a question that changed places.
def test_no_regression_below_measured(result):
    m = result["modes"]["hybrid"]
    assert m["evidence_mrr"] >= 0.75 and m["hit@3"] >= 0.85, m
    assert m["answer_hit@3"] >= 0.75, m


def test_hybrid_evidence_mrr_target(result):
    assert result["modes"]["hybrid"]["evidence_mrr"] >= 0.85, json.dumps(result["misses"]["hybrid"],
                                                                           ensure_ascii=False)


def test_answer_hit_at_3_target(result):
    misses = [m for m in result["misses"]["hybrid"] if m["answer_ok"] is False]
    assert result["modes"]["hybrid"]["answer_hit@3"] >= 0.8, json.dumps(misses, ensure_ascii=False)


def test_hybrid_beats_each_mode_alone(result):
    m = result["modes"]
    assert m["hybrid"]["evidence_mrr"] > m["bm25"]["evidence_mrr"]
    assert m["hybrid"]["evidence_mrr"] > m["vector"]["evidence_mrr"]


def test_english_questions_find_chinese_evidence(service):
    res = service.ask("Which Italian region became a sister district of Futian?", k=5)
    assert res.passages and any("阿普利亚" in h.text for h in res.passages[:3])


def test_query_vectors_are_cached(service):
    service.search("国际友城", k=3)
    before = service._qvec.hits
    service.search("国际友城", k=3)
    assert service._qvec.hits == before + 1
