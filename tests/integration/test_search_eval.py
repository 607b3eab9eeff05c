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


# q199 on: English questions written in session 6 to measure unseen English (docs/english.md); the
# floors below were measured on the questions before them, and these have their own.
UNSEEN = "q199"


@pytest.fixture(scope="module")
def result(service):
    res = evaluate(service, GOLD, k=10, before=UNSEEN)
    print()
    print(format_table(res))
    return res


@pytest.fixture(scope="module")
def unseen(service):
    res = evaluate(service, GOLD, k=10, modes=("hybrid",), since=UNSEEN)
    print()
    print(format_table(res))
    return res["modes"]["hybrid"]


def test_unseen_english_questions_keep_their_measured_level(unseen):
    # English MRR on the 44 unseen questions: 0.486 with session 5's main, 0.547 after the session-6
    # dictionary readings (single characters, numbers, hyphenated glosses), 0.58 after session 7's
    # adjective nouns (dev 0.571, test 0.592); 0.664 after session 8's glossary of government English,
    # acronyms and words held inside longer words (dev 0.689, test 0.638); 0.772 after session 9's
    # amounts in yuan, British endings and no answer lead for English (dev 0.802, test 0.741).
    assert unseen["mrr_en"] >= 0.70, unseen
    # Label accuracy on them: 33 of 44 from the cue lists alone, 38 of 44 with labels read from the
    # graph's names (graph/search/english_label.py).
    assert unseen["label_accuracy"] >= 0.8, unseen


def test_all_three_modes_measured_in_one_run(result):
    assert set(result["modes"]) == {"bm25", "vector", "hybrid"}
    assert result["questions"] >= 60
    for m in result["modes"].values():
        assert 0.0 <= m["evidence_mrr"] <= 1.0 and m["hit@1"] <= m["hit@3"]


# Issue 5's targets (hybrid evidence MRR >= 0.85, answer hit@3 >= 0.8) held on its 99 questions over 9
# reports (0.857 / 0.822). The gold then grew to 198 questions over 17 reports (issue 15: a third English,
# a third noun-phrase queries, more reports competing): 0.753 MRR, hit@3 0.818, answer hit@3 0.797 (Chinese
# MRR 0.865, English 0.604) before the collection priors and the answer weights of issue 15's fourth
# session, 0.794 / 0.884 / 0.804 (Chinese 0.914, English 0.635) after, and 0.799 / 0.884 / 0.790 (Chinese
# 0.912) once main's extraction changes of the same day were merged (answers depend on the entities). These floors sit a little under
# the measured figures so a regression fails here while a question changing places does not; the
# issue-15 targets (0.9 on the held-back half) are not met and are not asserted.
def test_no_regression_below_measured(result):
    m = result["modes"]["hybrid"]
    assert m["evidence_mrr"] >= 0.77 and m["hit@3"] >= 0.86, m
    # Answer hit@3 0.820 over both halves (dev 0.849, test 0.791) before issue 15's ninth session, 0.887
    # (dev 0.939, test 0.836) after: answers the text names where the graph has no entity, the full
    # name of a policy, and the role rules reading names inside sentence-long evidence (docs/answers.md).
    assert m["answer_hit@3"] >= 0.85, m


def test_chinese_questions_keep_issue_5_level(result):
    # Chinese questions alone are above the level issue 5 asked for the whole set (0.914 measured).
    assert result["modes"]["hybrid"]["mrr_zh"] >= 0.89, result["modes"]["hybrid"]


def test_the_store_holds_every_gold_report(result):
    assert result["store_reports"] == result["gold_reports"] >= 15, result


def test_english_questions_keep_the_reports_choice_of_senses(result):
    # English MRR was 0.604 on all 198 questions before the senses of English words were chosen by
    # the reports (graph/search/crosslingual.py); measured after: 0.753 dev, 0.530 test, about 0.64
    # over both; with the phrases-together prior (graph/search/english_proximity.py) and the session-5
    # dictionary readings 0.915 dev, 0.701 test, 0.804 over both (docs/english.md). Issue 15's 0.85 on
    # the held-back half is not met and not asserted.
    assert result["modes"]["hybrid"]["mrr_en"] >= 0.77, result["modes"]["hybrid"]


def test_typed_answers_are_of_the_asked_label(result):
    assert result["modes"]["hybrid"]["label_accuracy"] >= 0.95, result["modes"]["hybrid"]


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
