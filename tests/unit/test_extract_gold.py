"""F1 floors against the hand-made gold annotations (tests/gold/extraction)."""
from pathlib import Path

import pytest

from govgraph.ingest.eval_extract import default_roots, evaluate, format_table, names_match
from govgraph.ingest.pipeline import build_batch

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
    # six reports of four genres (two 法治政府 reports, a district and three provincial-level work reports)
    assert len(res["reports"]) >= 6
    # floors a little below what was measured (entities 0.925, relations 0.937; Place the lowest label at 0.861);
    # the targets are 0.85 overall, 0.8 per label and 0.7 for relations
    assert res["entities_micro"]["f1"] >= 0.90
    assert res["relations_micro"]["f1"] >= 0.90
    for label in ("Agency", "Event", "Measure", "Organization", "Person", "Place", "Policy"):
        assert res["labels"][label]["f1"] >= 0.84, label
    for rel in ("CARRIED_OUT", "PART_OF", "ISSUED", "IMPLEMENTS", "HEADS"):
        assert res["relations"][rel]["f1"] >= 0.8, rel
    # no report may be far behind the others: a genre the rules do not read shows up here
    for r in res["reports"]:
        assert r["entities"]["f1"] >= 0.7 and r["relations"]["f1"] >= 0.7, r["file"]
