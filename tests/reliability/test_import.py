"""`govgraph import`: an exported collection loads into an empty embedded store and exports the same
again, answers the same, and bad files are refused whole with a message naming file and line."""
from __future__ import annotations

import json

from tests.conftest import govgraph

from .helpers import assert_no_stack_trace, check_store_consistent


def test_export_import_export_is_identical_and_answers_the_same(sample_store, tmp_path):
    first, second, copy = tmp_path / "first.jsonl", tmp_path / "second.jsonl", tmp_path / "copy"
    govgraph("export", "--store", str(sample_store), "--with-vectors", "-o", str(first))
    govgraph("import", str(first), "--store", str(copy))
    govgraph("export", "--store", str(copy), "--with-vectors", "-o", str(second))
    assert first.read_text("utf-8") == second.read_text("utf-8")
    meta = json.loads(first.read_text("utf-8").splitlines()[0])
    assert meta["kind"] == "meta" and meta["model"], meta
    assert sum('"embedding"' in line for line in first.read_text("utf-8").splitlines()) > 100
    check_store_consistent(copy)
    for args in (["search", "外语标识", "-k", "5"], ["ask", "哪些部门开展了外语标识核查？"]):
        a = json.loads(govgraph(*args, "--store", str(sample_store), "--json").stdout)
        b = json.loads(govgraph(*args, "--store", str(copy), "--json").stdout)
        assert a == b and (a.get("hits") or a.get("answers")), args


def test_bad_files_and_a_full_store_are_refused_with_nothing_written(sample_store, tmp_path):
    good = tmp_path / "good.jsonl"
    govgraph("export", "--store", str(sample_store), "-o", str(good))
    lines = good.read_text("utf-8").splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join(lines[:5] + ['{"kind": "node", "id": oops'] + lines[5:]) + "\n", "utf-8")
    orphan = tmp_path / "orphan.jsonl"
    orphan.write_text("\n".join(l for l in lines if '"label": "Report"' not in l) + "\n", "utf-8")
    for bad, says in ((broken, f"{broken}:6: not JSON"), (orphan, "has no Report record"),
                      (tmp_path / "missing.jsonl", "no file")):
        target = tmp_path / f"store-{bad.stem}"
        res = govgraph("import", str(bad), "--store", str(target), check=False)
        assert res.returncode in (1, 2) and says in res.stderr, res.stderr
        assert_no_stack_trace(res.stderr)
        assert not (target / "manifest.json").exists(), "a refused import wrote into the store"
    # An import never merges into a collection: a store holding reports is refused, unchanged.
    before = (sample_store / "manifest.json").read_bytes()
    res = govgraph("import", str(good), "--store", str(sample_store), check=False)
    assert res.returncode == 2 and "already holds" in res.stderr, res.stderr
    assert (sample_store / "manifest.json").read_bytes() == before
