"""`govgraph compare` and `govgraph eval aggregation` as a user runs them, on the sample store."""
from __future__ import annotations

import json

from tests.conftest import SAMPLES, govgraph


def test_compare_json_shape_and_table(sample_store):
    res = govgraph("compare", "法治政府", "--store", str(sample_store), "--label", "Agency", "--json")
    body = json.loads(res.stdout)
    assert body["topic"] == "法治政府" and body["rows"]
    for row in body["rows"]:
        assert set(row) >= {"id", "name", "years", "reports", "evidence"}
        assert all("法治政府" in e["text"] for e in row["evidence"])
    table = govgraph("compare", "哪些区提到法治政府？", "--store", str(sample_store))
    assert "东城区" in table.stdout


def test_compare_bad_years_is_a_usage_error(sample_store):
    res = govgraph("compare", "法治政府", "--store", str(sample_store), "--years", "soon", check=False)
    assert res.returncode == 2 and "years" in res.stderr and "Traceback" not in res.stderr


def test_eval_aggregation_prints_precision_and_recall(sample_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    files = [p.read_text("utf-8") for p in SAMPLES.glob("*.txt")]
    assert any("法治政府" in t for t in files)
    gold.write_text(json.dumps({"id": "a", "question": "哪些区提到法治政府？", "lang": "zh", "scope": "district",
                                "split": "dev", "answers": ["东城区", "不存在区"]}, ensure_ascii=False) + "\n", "utf-8")
    res = json.loads(govgraph("eval", "aggregation", "--store", str(sample_store), "--gold", str(gold),
                              "--json").stdout)
    assert res["questions"] == 1
    assert res["recall"] == 0.5  # 东城区 found, the made-up district cannot be
    assert 0 < res["precision"] <= 1
