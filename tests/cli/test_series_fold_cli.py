"""A fact repeated across years of one report series is one hit, with "also in <year>" (issue 15)."""
from __future__ import annotations

import json

from tests.conftest import CORPUS_EXTRA, govgraph

# Two years of the Futian series whose glossaries explain 普惠制幼儿园 in nearly the same words.
FUTIAN = [CORPUS_EXTRA / "福田区政府工作报告（2016）_2016.txt", CORPUS_EXTRA / "福田区政府工作报告（2017）_2017.txt"]
QUERY = "普惠制幼儿园 依法设立 办学规范 科学保教 收费合理"


def test_search_folds_the_other_year_and_says_so(tmp_path):
    store = tmp_path / "store"
    govgraph("ingest", *map(str, FUTIAN), "--store", str(store), "--no-embed")
    hits = json.loads(govgraph("search", QUERY, "--store", str(store), "--json").stdout)["hits"]
    top = hits[0]
    assert "普惠制幼儿园" in top["text"]
    other = 2016 if top["file"] == FUTIAN[1].name else 2017
    assert top["also_in"] == [other]
    # the folded passage is not listed again
    assert not [h for h in hits[1:] if "普惠制幼儿园" in h["text"] and "科学保教" in h["text"]]
    table = govgraph("search", QUERY, "--store", str(store)).stdout
    assert f"(also in {other})" in table
