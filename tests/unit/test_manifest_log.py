"""The embedded store's record as a log (graph/store/manifest_log.py, docs/storage.md): a write
appends one line instead of rewriting manifest.json, a torn last line never counts and is cut off
by the next writer, a kill between the two renames of a compaction loses nothing, and stores
written before the log are read and then upgraded."""
from __future__ import annotations

import json
import os

from govgraph.graph.store.base import StoreError
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.store.manifest_log import FORMAT, LOG, MANIFEST, ManifestFiles, atomic_write_bytes
from tests.contract.batches import report_a, report_b


def _ids(store: EmbeddedStore) -> set[str]:
    return {r.id for r in store.reports()}


def test_a_write_appends_a_line_and_leaves_the_manifest_alone(tmp_path):
    store = EmbeddedStore(tmp_path)
    a, va = report_a()
    store.put_batch(a, va)
    before = os.stat(tmp_path / MANIFEST)
    log_size = os.path.getsize(tmp_path / LOG)
    b, vb = report_b()
    store.put_batch(b, vb)
    after = os.stat(tmp_path / MANIFEST)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    lines = (tmp_path / LOG).read_bytes().splitlines()
    assert os.path.getsize(tmp_path / LOG) > log_size
    assert json.loads(lines[-1])["put"] == b.report.id and json.loads(lines[-1])["version"] == 2
    # another process sees both, and the version, from the log
    other = EmbeddedStore(tmp_path)
    assert _ids(other) == {a.report.id, b.report.id} and other.version == 2
    assert other.committed_version() == 2


def test_flush_folds_the_log_into_the_manifest(tmp_path):
    store = EmbeddedStore(tmp_path)
    for batch, vec in (report_a(), report_b()):
        store.put_batch(batch, vec)
    store.flush()
    m = json.loads((tmp_path / MANIFEST).read_text("utf-8"))
    assert m["format"] == FORMAT and m["version"] == 2 and len(m["segments"]) == 2
    assert len((tmp_path / LOG).read_bytes().splitlines()) == 1   # the header alone
    assert _ids(EmbeddedStore(tmp_path)) == set(m["segments"])


def test_a_torn_last_line_is_ignored_and_cut_off_by_the_next_writer(tmp_path):
    store = EmbeddedStore(tmp_path)
    a, va = report_a()
    store.put_batch(a, va)
    store.close()
    with open(tmp_path / LOG, "ab") as f:   # what a writer killed mid-append leaves
        f.write(b'{"version":2,"put":"r-torn","segment":"r-torn-00.pkl","rep')
    reader = EmbeddedStore(tmp_path)
    assert _ids(reader) == {a.report.id} and reader.version == 1 and reader.committed_version() == 1
    b, vb = report_b()
    reader.put_batch(b, vb)
    lines = (tmp_path / LOG).read_bytes().splitlines()
    assert all(json.loads(x) for x in lines), "the torn tail is still in the log"
    fresh = EmbeddedStore(tmp_path)
    assert _ids(fresh) == {a.report.id, b.report.id} and fresh.version == 2


def test_a_kill_between_compaction_renames_loses_nothing(tmp_path):
    """manifest.json is replaced first: the old log beside it holds only entries it already has."""
    store = EmbeddedStore(tmp_path)
    for batch, vec in (report_a(), report_b()):
        store.put_batch(batch, vec)
    old_log = (tmp_path / LOG).read_bytes()
    state, _ = ManifestFiles(tmp_path).read()
    ManifestFiles(tmp_path).compact(state)
    (tmp_path / LOG).write_bytes(old_log)   # as if killed before the new log was renamed in
    again = EmbeddedStore(tmp_path)
    assert again.version == 2 and len(_ids(again)) == 2
    a, va = report_a()
    again.remove_report(a.report.id)
    assert EmbeddedStore(tmp_path).version == 3 and len(_ids(EmbeddedStore(tmp_path))) == 1


def test_a_reader_between_compaction_renames_reads_again(tmp_path):
    """A log newer than the manifest.json read before it (a compaction in between) is not applied
    to it: the reader reads both files again."""
    store = EmbeddedStore(tmp_path)
    for batch, vec in (report_a(), report_b()):
        store.put_batch(batch, vec)
    files = ManifestFiles(tmp_path)
    stale_manifest = (tmp_path / MANIFEST).read_bytes()   # version 0, from the first write
    state, _ = files.read()
    files.compact(state)
    calls = []
    real = files._read_manifest

    def first_stale():
        calls.append(1)
        return json.loads(stale_manifest) if len(calls) == 1 else real()
    files._read_manifest = first_stale
    state, _ = files.read()
    assert len(calls) == 2 and state["version"] == 2 and len(state["segments"]) == 2


def test_a_store_written_before_the_log_is_read_then_upgraded(tmp_path):
    store = EmbeddedStore(tmp_path)
    for batch, vec in (report_a(), report_b()):
        store.put_batch(batch, vec)
    store.flush()
    m = json.loads((tmp_path / MANIFEST).read_text("utf-8"))
    m["format"] = 1
    atomic_write_bytes(tmp_path / MANIFEST, json.dumps(m).encode())
    (tmp_path / LOG).unlink()
    old = EmbeddedStore(tmp_path)
    assert old.version == 2 and len(_ids(old)) == 2 and old.committed_version() == 2
    a, _ = report_a()
    old.remove_report(a.report.id)
    m = json.loads((tmp_path / MANIFEST).read_text("utf-8"))
    assert m["format"] == FORMAT, "older code would read a format-1 manifest and miss the log"
    assert EmbeddedStore(tmp_path).version == 3


def _entry(version: int, rid: str) -> dict:
    return {"version": version, "put": rid, "segment": f"{rid}-00.pkl", "report": {}, "model": None}


def test_a_new_log_that_reuses_the_old_inode_is_read_as_new(tmp_path):
    """ext4 gives a freed inode number to the next new file, so two compactions can leave a log
    with the inode a slow writer knew. Known by inode alone, that writer saw no new entries,
    appended under a stale version and cut the others' entries off (the write lost in
    test_writers). The header's token tells the files apart."""
    slow, fast = ManifestFiles(tmp_path), ManifestFiles(tmp_path)
    state, pos = fast.read()
    pos = fast.append(state, pos, _entry(1, "r-first"))
    slow_state, slow_pos = slow.read()
    assert slow.peek_version() == 1
    os.link(tmp_path / LOG, tmp_path / "kept")   # keeps the slow writer's inode alive
    state, pos, _ = fast.follow(state, pos)
    pos = fast.append(state, pos, _entry(2, "r-second"))
    pos = fast.compact(state)
    for v in (3, 4, 5):
        pos = fast.append(state, pos, _entry(v, f"r-{v}"))
    # the new log's bytes in the old inode, renamed into place: what inode reuse gives
    new_log = (tmp_path / LOG).read_bytes()
    assert len(new_log) >= slow_pos.end
    with open(tmp_path / "kept", "r+b") as f:
        f.truncate(0)
        f.write(new_log)
    os.replace(tmp_path / "kept", tmp_path / LOG)
    assert os.stat(tmp_path / LOG).st_ino == slow_pos.inode

    assert slow.peek_version() == 5, "a reader polling the log missed the writes"
    slow_state, slow_pos, changed = slow.follow(slow_state, slow_pos)
    assert changed and slow_state["version"] == 5
    slow_pos = slow.append(slow_state, slow_pos, _entry(6, "r-slow"))
    state, _ = ManifestFiles(tmp_path).read()
    assert state["version"] == 6
    assert set(state["segments"]) == {"r-first", "r-second", "r-3", "r-4", "r-5", "r-slow"}


def test_a_position_in_another_log_is_never_written_at(tmp_path):
    """A writer's append checks the log is the one it caught up with, token and all: a stale
    position must not cut another log (one that reuses the inode) at its old end."""
    files = ManifestFiles(tmp_path)
    state, pos = files.read()
    stale = files.append(state, pos, _entry(1, "r-a"))
    other = ManifestFiles(tmp_path / "other")
    (tmp_path / "other").mkdir()
    o_state, o_pos = other.read()
    for v in (1, 2, 3):
        o_pos = other.append(o_state, o_pos, _entry(v, f"r-o{v}"))
    replacement = (tmp_path / "other" / LOG).read_bytes()
    with open(tmp_path / LOG, "r+b") as f:   # another log in the same inode
        f.truncate(0)
        f.write(replacement)
    try:
        files.append(state, stale, _entry(2, "r-b"))
    except StoreError as e:
        assert "replaced" in str(e)
    else:
        raise AssertionError("appended at a position of a log that was replaced")
    assert (tmp_path / LOG).read_bytes() == replacement
