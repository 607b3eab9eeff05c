"""The `govgraph` command end to end on a temporary store, in the forms DESIGN.md fixes."""
from __future__ import annotations

import json
import shutil

from tests.conftest import SAMPLES, SEED, govgraph


def _json(res):
    return json.loads(res.stdout)


def test_ingest_reports_bad_files_and_goes_on(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(SEED, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    store = tmp_path / "store"
    res = govgraph("ingest", str(inbox), "--store", str(store), "--no-embed", check=False)
    assert res.returncode == 1
    assert "empty.txt" in res.stderr and "picture.txt" in res.stderr
    assert "Traceback" not in res.stderr
    st = _json(govgraph("stats", "--store", str(store), "--json"))
    assert st["reports"] == 1 and st["passages"] > 10
    assert st["nodes"]["Agency"] > 0 and st["nodes"]["Policy"] > 0


def test_ingest_twice_skips_unchanged_and_remove(tmp_path):
    store = tmp_path / "store"
    first = _json(govgraph("ingest", str(SEED), "--store", str(store), "--no-embed", "--json"))
    assert first["ok"] and first["files"][0]["status"] == "added"
    again = _json(govgraph("ingest", str(SEED), "--store", str(store), "--no-embed", "--json"))
    assert again["files"][0]["status"] == "unchanged"
    before = _json(govgraph("stats", "--store", str(store), "--json"))
    changed = tmp_path / SEED.name
    changed.write_text(SEED.read_text("utf-8") + "\n十、新增一段：组织开展外语培训工作。\n", "utf-8")
    upd = _json(govgraph("ingest", str(changed), "--store", str(store), "--no-embed", "--json"))
    assert upd["files"][0]["status"] == "updated"
    after = _json(govgraph("stats", "--store", str(store), "--json"))
    assert after["reports"] == 1 and after["passages"] == before["passages"] + 1
    govgraph("remove", SEED.name, "--store", str(store))
    empty = _json(govgraph("stats", "--store", str(store), "--json"))
    assert empty["reports"] == 0 and empty["passages"] == 0 and not empty["nodes"].get("Agency")
    missing = govgraph("remove", "no-such-report.txt", "--store", str(store), check=False)
    assert missing.returncode == 4 and "no-such-report" in missing.stderr


def test_search_ask_export_on_sample_store(sample_store, tmp_path):
    s = _json(govgraph("search", "外语标识", "--store", str(sample_store), "-k", "3", "--json"))
    assert s["query"] == "外语标识" and 0 < len(s["hits"]) <= 3
    assert set(s["hits"][0]) >= {"passage", "report", "file", "section", "text", "start", "end", "score"}
    a = _json(govgraph("ask", "哪些部门开展了外语标识核查？", "--store", str(sample_store), "--json"))
    assert a["label"] == "Agency" and a["answers"] and a["passages"]
    assert set(a["answers"][0]) >= {"id", "label", "name", "score", "evidence"}
    out = tmp_path / "g.jsonl"
    govgraph("export", "--store", str(sample_store), "--format", "jsonl", "-o", str(out))
    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    st = _json(govgraph("stats", "--store", str(sample_store), "--json"))
    assert sum(1 for r in rows if r["kind"] == "node") == sum(st["nodes"].values())
    assert sum(1 for r in rows if r["kind"] == "edge") == sum(st["edges"].values())
    node = next(r for r in rows if r["kind"] == "node" and r["label"] == "Agency")
    assert set(node) >= {"id", "label", "name", "aliases", "name_en", "props", "evidence"}
    ev = node["evidence"][0]
    assert set(ev) == {"report", "file", "passage", "start", "end", "text"}


def test_usage_errors_are_clear(tmp_path):
    res = govgraph("export", "--store", str(tmp_path / "s"), "--format", "xls", check=False)
    assert res.returncode == 2 and "xls" in res.stderr and "Traceback" not in res.stderr
    res = govgraph("ingest", str(tmp_path / "missing-folder"), "--store", str(tmp_path / "s"), "--no-embed",
                   check=False)
    assert res.returncode == 1 and "missing-folder" in res.stderr
    help_text = govgraph("ingest", "--help").stdout
    assert "Example" in help_text


def test_same_file_name_twice_is_refused_not_overwritten(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(SEED, tmp_path / sub / "report.txt")
    (tmp_path / "a" / "README.md").write_text("# notes about this folder\n", "utf-8")
    store = tmp_path / "store"
    res = govgraph("ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--store", str(store), "--no-embed",
                   check=False)
    assert res.returncode == 1
    assert "report.txt" in res.stderr and "same name" in res.stderr
    st = _json(govgraph("stats", "--store", str(store), "--json"))
    assert st["reports"] == 1  # the folder README was not taken for a report


def test_unchanged_file_built_by_older_rules_is_rebuilt(tmp_path):
    """A store filled before the ingest rules changed picks the new rules up on the next ingest."""
    from govgraph.api.ingest_service import ingest_paths
    from govgraph.graph.store.embedded import EmbeddedStore
    from govgraph.ingest.pipeline import PIPELINE_VERSION, build_batch

    store = EmbeddedStore(tmp_path / "store")
    old = build_batch(SEED)
    old.report.pipeline = PIPELINE_VERSION - 1
    store.put_batch(old)
    first = ingest_paths(store, [SEED])
    assert [f.status for f in first.files] == ["updated"]
    assert store.find_report(SEED.name).pipeline == PIPELINE_VERSION
    again = ingest_paths(store, [SEED])
    assert [f.status for f in again.files] == ["unchanged"]
