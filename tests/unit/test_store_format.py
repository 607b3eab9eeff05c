"""The embedded store's on-disk index (docs/storage.md): opened without reading the segments or any
whole-store pickle, converted once from the pickled snapshot older versions wrote, and kept
serving by a reader while another process replaces it."""
from __future__ import annotations

import json
import pickle
import shutil

import numpy as np
import pytest

from govgraph.graph.store.base import Filters
from govgraph.graph.store.derived import build_derived
from govgraph.graph.store.disk_index import BUILDING, INDEX_FORMAT, building, is_abandoned
from govgraph.graph.store.embedded import EmbeddedStore
from tests.contract.batches import report_a, report_b


def _answers(store: EmbeddedStore) -> dict:
    """What a reader asks a store, as plain data to compare two stores by."""
    a_batch, a_vec = report_a()
    rid = a_batch.report.id
    ids = [n.id for n in a_batch.nodes]
    return {
        "stats": store.stats(),
        "passages": [p.to_dict() for p in store.passages_of(rid)],
        "nodes": [n.to_dict() for n in store.get_nodes(ids)],
        "edges": sorted(json.dumps(e.to_dict(), sort_keys=True) for i in ids for e in store.edges_of(i)),
        "find": [n.id for n in store.find_nodes(limit=100)[1]],
        "lexical": store.lexical_search("", a_batch.tokens[a_batch.passages[0].id][:3], 5),
        "vector": store.vector_search(a_vec.passages[0], 5, Filters(report=rid)),
        "entities": store.entity_vector_search(a_vec.entities[0], 5),
        "mentions": store.nodes_in_passages([p.id for p in a_batch.passages]),
    }


@pytest.fixture
def written(tmp_path):
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    for batch, vectors in (report_a(), report_b()):
        store.put_batch(batch, vectors)
    store.flush()
    expected = _answers(store)
    store.close()
    return path, expected


def _make_old_format(path) -> None:
    """The folder as the previous version left it: the same manifest and segments, and the index
    as one pickle of Python objects (index-<version>.pkl) instead of the index folder."""
    manifest = json.loads((path / "manifest.json").read_text("utf-8"))
    segments = {}
    for rid, fname in manifest["segments"].items():
        with open(path / "segments" / fname, "rb") as f:
            segments[rid] = pickle.load(f)
    (path / f"index-{manifest['version']}.pkl").write_bytes(pickle.dumps(build_derived(segments)))
    for d in path.glob("index-*"):
        if d.is_dir():
            shutil.rmtree(d)


def test_reads_never_touch_the_segments(written):
    """Open, search and every read come from the index folder: with every segment file gone the
    store still answers all of it (segments are read only to build an index)."""
    path, expected = written
    for f in (path / "segments").iterdir():
        f.unlink()
    store = EmbeddedStore(path)
    assert _answers(store) == expected


def test_index_folder_holds_no_pickle(written):
    path, _ = written
    (index,) = [d for d in path.glob("index-*") if d.is_dir()]
    meta = json.loads((index / "meta.json").read_text("utf-8"))
    assert meta["format"] == INDEX_FORMAT
    for f in index.rglob("*.npy"):
        np.load(f, allow_pickle=False, mmap_mode="r")  # refuses object arrays
    assert sorted(meta["files"]) == sorted(f.relative_to(index).as_posix() for f in index.rglob("*")
                                           if f.is_file() and f.name not in ("meta.json", BUILDING))


def test_old_format_store_is_converted_on_open(written, caplog):
    path, expected = written
    _make_old_format(path)
    # The conversion reads the old snapshot, not the segments: it works with them gone.
    moved = path.parent / "segments-aside"
    shutil.move(path / "segments", moved)
    (path / "segments").mkdir()
    store = EmbeddedStore(path)
    assert _answers(store) == expected
    assert "converting the index" in caplog.text
    assert (path / f"index-{store.version}" / "meta.json").exists(), "the converted index was not saved"
    shutil.rmtree(path / "segments")
    shutil.move(moved, path / "segments")
    store.put_batch(*report_b())  # a write and flush collect the old snapshot
    store.flush()
    assert not list(path.glob("index-*.pkl"))
    assert _answers(EmbeddedStore(path))["stats"] == expected["stats"]


def test_index_of_another_format_is_rebuilt(written):
    path, expected = written
    (index,) = [d for d in path.glob("index-*") if d.is_dir()]
    meta = json.loads((index / "meta.json").read_text("utf-8"))
    meta["format"] = INDEX_FORMAT - 1
    (index / "meta.json").write_text(json.dumps(meta), "utf-8")
    assert _answers(EmbeddedStore(path)) == expected
    assert json.loads((index / "meta.json").read_text("utf-8"))["format"] == INDEX_FORMAT


def test_reader_keeps_serving_an_index_another_writer_replaced(written):
    """A long-lived reader (govgraph serve) holds its generation's files open: a writer's flush
    removes that folder, and the reader still answers from it until it reloads."""
    path, expected = written
    reader = EmbeddedStore(path)
    assert reader.stats() == expected["stats"]
    old = path / f"index-{reader.version}"
    writer = EmbeddedStore(path)
    writer.remove_report(report_b()[0].report.id)
    writer.flush()
    assert not old.exists()
    assert _answers(reader) == expected
    assert reader.committed_version() == reader.version + 1


def test_graph_edges_read_their_evidence_when_asked(written):
    path, _ = written
    store = EmbeddedStore(path)
    g = store.networkx_graph()
    edges = list(store.iter_edges())
    assert g.number_of_edges() == len(edges)
    for e in edges:
        data = g[e.source][e.target][e.type]
        assert data["type"] == e.type
        assert data.get("evidence") == e.evidence and data["props"] == e.props
        assert dict(data) == {"type": e.type, "props": e.props, "evidence": e.evidence}


def test_a_folder_being_built_is_not_collected(tmp_path):
    """Readers build indexes without the writer lock; a writer's garbage collection must leave a
    folder alone while its builder holds it, and remove it once abandoned."""
    with building(tmp_path, "index-7") as tmp:
        assert not is_abandoned(tmp)
        (tmp / "half-written").write_bytes(b"x")
    assert not tmp.exists()
    left = tmp_path / ".index-7.dead.tmp"   # what a builder killed mid-way leaves
    left.mkdir()
    (left / BUILDING).touch()
    assert is_abandoned(left)


def test_writer_garbage_collection_spares_a_build_in_progress(written):
    path, _ = written
    store = EmbeddedStore(path)
    with building(path, "index-99") as tmp:
        store.put_batch(*report_b())
        store.flush()
        assert tmp.exists(), "a flush removed a folder another builder was writing"
    dead = path / ".index-98.dead.tmp"
    dead.mkdir()
    store.put_batch(*report_a())
    store.flush()
    assert not dead.exists()


def test_skeleton_from_sqlite_is_the_records(written):
    path, _ = written
    store = EmbeddedStore(path)
    nodes, edges = store.skeleton()
    assert nodes == [(n.id, n.label, n.name) for n in store.iter_nodes()] and nodes
    assert edges == [(e.source, e.target, e.type) for e in store.iter_edges()] and edges
