"""From a checkout (this editable install), the evals default to the repository's own gold."""
from __future__ import annotations

from govgraph.ingest.checkout import GOLD_EXTRACTION, GOLD_QUESTIONS, checkout_path, in_checkout, shipped_gold
from tests.conftest import ROOT, govgraph


def test_a_checkout_finds_its_gold_wherever_it_runs():
    assert in_checkout()
    assert shipped_gold(GOLD_EXTRACTION) == ROOT / "tests" / "gold" / "extraction"
    assert shipped_gold(GOLD_QUESTIONS) == ROOT / "tests" / "gold" / "questions.jsonl"
    assert checkout_path("tests/gold/no-such-file.jsonl") is None


def test_eval_search_names_an_unreadable_gold_file(tmp_path):
    missing = tmp_path / "questions.jsonl"
    res = govgraph("eval", "search", "--gold", str(missing), "--store", str(tmp_path / "store"), check=False)
    assert res.returncode == 2
    assert str(missing) in res.stderr and "Traceback" not in res.stderr


def test_eval_search_names_a_bad_split(tmp_path):
    res = govgraph("eval", "search", "--split", "half", "--equivalent", "--store", str(tmp_path / "store"), check=False)
    assert res.returncode == 2
    assert "split" in res.stderr and "half" in res.stderr and "Traceback" not in res.stderr
