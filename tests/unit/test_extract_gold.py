"""F1 floors against the hand-made gold annotations (tests/gold/extraction)."""
from pathlib import Path

import pytest

from ingest.eval_extract import default_roots, evaluate, format_table, names_match
from ingest.pipeline import build_batch

GOLD = Path(__file__).resolve().parents[1] / "gold" / "extraction"
HAVE_CORPUS = any((r / "000_seed-dongcheng-waiban-fzzf-2021.txt").exists() for r in default_roots())


def test_fuzzy_names_only_for_measures_and_events():
    assert names_match("Measure", ["公共场所外语标识核查纠错"], ["组织开展公共场所外语标识核查纠错工作"])
    assert not names_match("Agency", ["区发改委"], ["东城区发展和改革委员会"])
    assert names_match("Agency", ["东城区发展和改革委员会", "区发改委"], ["区发改委"])


@pytest.mark.skipif(not HAVE_CORPUS, reason="shared corpus not present")
def test_extraction_f1_floors_on_gold():
    res = evaluate(GOLD, build_batch)
    print("\n" + format_table(res))
    assert len(res["reports"]) >= 4
    assert res["entities_micro"]["f1"] >= 0.78
    assert res["relations_micro"]["f1"] >= 0.70
    for label in ("Agency", "Place", "Policy", "Event"):
        assert res["labels"][label]["f1"] >= 0.85, label
    for label in ("Organization", "Measure"):
        assert res["labels"][label]["f1"] >= 0.7, label
