"""The gold questions are well formed and the evaluation's matching rules hold."""
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED
import json
from collections import Counter
from pathlib import Path

import pytest

from govgraph.graph.search.evaluate import evidence_rank, format_table, load_gold, names_match, select
from govgraph.graph.search.results import Hit

GOLD = Path(__file__).resolve().parents[1] / "gold" / "questions.jsonl"
CORPUS = _CORPUS


def test_gold_covers_what_the_issue_asks():
    qs = load_gold(GOLD)
    assert len(qs) >= 150
    assert len({q.report for q in qs}) >= 15
    assert sum(q.lang == "en" for q in qs) * 3 >= len(qs)
    assert sum(q.form == "phrase" for q in qs) * 3 >= len(qs)
    labels = Counter(q.label for q in qs)
    for lab in ("Agency", "Organization", "Place", "Policy", "Person", "Event", "Measure", None):
        assert labels[lab] >= 3, lab
    for q in qs:
        assert (q.label is None) == (not q.answers), q.id


def test_every_evidence_string_is_in_its_report():
    for q in load_gold(GOLD):
        path = CORPUS / q.report
        text = (path if path.exists() else _CORPUS_EXTRA / q.report).read_text("utf-8")
        assert q.evidence in text, (q.id, q.evidence)


def test_splits_partition_the_questions():
    qs = load_gold(GOLD)
    dev, test = select(qs, "dev"), select(qs, "test")
    assert {q.id for q in dev} | {q.id for q in test} == {q.id for q in qs}
    assert not {q.id for q in dev} & {q.id for q in test}
    with pytest.raises(ValueError, match="split"):
        select(qs, "train")


def test_a_later_written_set_is_scored_alone_in_its_halves():
    qs = load_gold(GOLD)
    new_dev, old_dev = select(qs, "dev", since="q199"), select(qs, "dev", before="q199")
    assert new_dev[0].id == "q199" and all(int(q.id[1:]) >= 199 for q in new_dev)
    assert {q.id for q in new_dev} | {q.id for q in old_dev} == {q.id for q in select(qs, "dev")}
    assert not {q.id for q in select(qs, "test", since="q199")} & {q.id for q in new_dev}
    with pytest.raises(ValueError, match="since"):
        select(qs, "dev", since="q999")


def test_name_matching():
    assert names_match("区政府外办", "区政府外办")
    assert names_match("首尔", "首尔市")
    assert names_match("法治政府建设实施纲要（2021－2025年）", "法治政府建设实施纲要（2021—2025年）")
    assert names_match("San Francisco", "san francisco")
    assert not names_match("市政府", "首尔市政府")
    assert not names_match("东城区", "东城区人民政府外事办公室")


def test_evidence_rank_needs_the_right_report():
    q = load_gold(GOLD)[0]
    hit = Hit("p1", "r1", q.report, "t", "", "other", None, "前文" + q.evidence + "后文", 0, 10, 1.0)
    other = Hit("p2", "r2", "elsewhere.txt", "t", "", "other", None, q.evidence, 0, 10, 1.0)
    assert evidence_rank(q, [other, hit]) == 2
    assert evidence_rank(q, [other]) is None


def test_bad_gold_file_names_file_and_line(tmp_path):
    bad = tmp_path / "q.jsonl"
    bad.write_text(json.dumps({"id": "a", "question": "x"}) + "\n", "utf-8")
    with pytest.raises(ValueError, match=r"q\.jsonl:1"):
        load_gold(bad)
    with pytest.raises(ValueError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")


def test_format_table_lists_every_mode():
    res = {"questions": 2, "with_answers": 1, "k": 10, "split": "all", "modes": {
        m: {"evidence_mrr": 0.5, "hit@1": 0.5, "hit@3": 1.0, "answer_hit@3": None, "ask_ms_p50": 1.0,
            "ask_ms_p95": 2.0} for m in ("bm25", "vector", "hybrid")}}
    out = format_table(res)
    for m in ("bm25", "vector", "hybrid", "MRR", "hit@1", "ans@3"):
        assert m in out
