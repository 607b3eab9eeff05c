"""The unseen-text gold windows are well formed, and the windows eval scores them per split."""
import json
from pathlib import Path

from govgraph.ingest.eval_windows import CLOSED, SPLITS, WINDOWS_DIR, evaluate_windows
from govgraph.ingest.pipeline import build_batch

GOLD = [(split, f, json.loads(f.read_text(encoding="utf-8"))) for split in SPLITS
        for f in sorted((WINDOWS_DIR / split).glob("*.json"))]


def test_windows_cover_the_issue_requirements():
    assert len(GOLD) >= 16
    assert len({g["file"] for _, _, g in GOLD}) >= 12
    assert len({g["genre"] for _, _, g in GOLD}) >= 5
    assert "foreign_affairs" in {g["genre"] for _, _, g in GOLD}
    dev = {g["file"] for s, _, g in GOLD if s == "dev"}
    test = {g["file"] for s, _, g in GOLD if s == "test"}
    assert dev and test and not dev & test, "the split is by report"
    seen = {"000_seed-dongcheng-waiban-fzzf-2021.txt"} | {
        json.loads(f.read_text(encoding="utf-8"))["file"]
        for f in (WINDOWS_DIR.parent / "extraction").glob("*.json")}
    assert not (dev | test) & seen, "no window from a report the rules were written against"


def test_every_entity_has_spans_inside_its_window_and_relations_name_entities():
    for split, f, g in GOLD:
        assert g["split"] == split, f
        lo, hi = g["scope"]["start"], g["scope"]["end"]
        names = set()
        for e in g["entities"]:
            assert e["label"] in CLOSED, (f, e)
            assert e.get("implicit") or e["spans"], (f, e)
            assert all(lo <= a < b <= hi for a, b in e["spans"]), (f, e)
            names |= {e["name"], *e["aliases"]}
        for r in g["relations"]:
            assert r["source"] in names and r["target"] in names, (f, r)


def test_windows_eval_scores_the_dev_split():
    res = evaluate_windows(build_batch, splits=["dev"])
    assert set(res) == {"dev"}
    micro = res["dev"]["entities_micro"]
    assert micro["tp"] > 0 and 0 < micro["precision"] <= 1 and 0 < micro["recall"] <= 1
    assert {w["gold"] for w in res["dev"]["windows"]} == {f.name for s, f, _ in GOLD if s == "dev"}
