"""The default store: a folder of per-report segments, and an index read from disk lazily.

On disk (docs/storage.md):
  manifest.json            the current state: which segment file holds each report
  segments/<id>-<n>.pkl    one immutable file per report version (batch + vectors), read only
                           to build the index
  index-<version>/         the derived index of that manifest version (disk_index.py): SQLite
                           records, memory-mapped vectors, columns and BM25; opened in constant time

A write puts a new segment file, then replaces manifest.json by rename, so a kill at any
point leaves either the old or the new manifest, each naming only complete files.

Several processes may open one folder. Writes hold `writer.lock` (writer_lock.py) and first
catch up with the manifest on disk, so a write never replaces another process's committed
write; the manifest's `version` goes up by one per write and is the store's generation, which
long-lived readers compare with `committed_version()` to notice writes made elsewhere.
"""
from __future__ import annotations

import gc
import json
import logging
import os
import pickle
import secrets
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np

from govgraph.ingest.batch import Edge, GraphBatch, Node, Passage, ReportInfo
from .base import Filters, GraphStore, NodeBrief, StoreError, Vectors
from .derived import DERIVED_FORMAT, DerivedIndex, build_derived
from .manifest_codec import ManifestEncoder
from .disk_index import INDEX_FORMAT, DiskIndex, building, is_abandoned, publish, write_index
from .writer_lock import StoreBusy, WaitNotice, WriterLock

FORMAT = 1


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _keep_out_of_gc(collect: bool) -> None:
    """The index is hundreds of thousands of objects that live as long as the store; left to the
    cyclic collector, every full collection walks them all and stalls whichever search it lands
    in (~0.3 s at the shared corpus). Freezing moves what exists now out of its reach; a dropped
    index's cycles are collected first (`collect`), or they would be frozen with the rest."""
    if collect:
        gc.collect()
    gc.freeze()


def _let_gc_see_again() -> None:
    """Before an index is dropped: its networkx graph holds reference cycles (degree views point
    back at the graph), which only the collector frees, and it never looks at frozen objects."""
    gc.unfreeze()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class EmbeddedStore(GraphStore):
    kind = "embedded"

    def __init__(self, path: str | os.PathLike, *, lock_wait: float | None = None,
                 on_lock_wait: WaitNotice | None = None):
        """`lock_wait`: seconds a write waits for another process's write (default 300, or
        GOVGRAPH_LOCK_WAIT) before failing with StoreBusy; `on_lock_wait` hears that it waits."""
        self.path = Path(path)
        self._lock = threading.RLock()
        self._seen_manifest: tuple[tuple, int] | None = None
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            (self.path / "segments").mkdir(exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot use store folder {self.path}: {e.strerror or e}") from e
        self._writer = WriterLock(self.path, lock_wait, on_lock_wait)
        self._encoder = ManifestEncoder()
        self._segments: dict[str, tuple[GraphBatch, Vectors | None]] | None = None
        self._manifest = self._read_manifest()
        self._disk: DiskIndex | None = self._open_saved_index()
        self._dirty_index = False

    # -- persistence -----------------------------------------------------------------
    def _read_manifest(self) -> dict:
        mf = self.path / "manifest.json"
        if not mf.exists():
            return {"format": FORMAT, "version": 0, "model": None, "segments": {}, "reports": {}}
        try:
            m = json.loads(mf.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise StoreError(f"store manifest {mf} is unreadable: {e}") from e
        if m.get("format") != FORMAT:
            raise StoreError(f"store {self.path} has format {m.get('format')}, expected {FORMAT}")
        if "reports" not in m:
            # Stores written before the manifest listed reports: read them from the segments once.
            self._manifest = m
            m["reports"] = {rid: b.report.to_dict() for rid, (b, _) in self._load_segments().items()}
        return m

    def _write_manifest(self, changed: str) -> None:
        """`changed`: the one report this write put or removed (the encoder re-encodes only it)."""
        mf = self.path / "manifest.json"
        _atomic_write_bytes(mf, self._encoder.encode(self._manifest, [changed]))
        st = os.stat(mf)
        self._seen_manifest = ((st.st_ino, st.st_mtime_ns, st.st_size), self._manifest["version"])

    def _read_segment(self, fname: str) -> tuple[GraphBatch, Vectors | None]:
        try:
            with open(self.path / "segments" / fname, "rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            raise
        except (OSError, pickle.UnpicklingError, EOFError) as e:
            raise StoreError(f"store segment {fname} is unreadable: {e}") from e

    def _load_segments(self) -> dict[str, tuple[GraphBatch, Vectors | None]]:
        if self._segments is None:
            with self._lock:
                for _attempt in range(5):
                    try:
                        self._segments = {rid: self._read_segment(fname)
                                          for rid, fname in self._manifest["segments"].items()}
                        break
                    except FileNotFoundError as e:
                        # Another process replaced that report and collected its old segment
                        # after this one read the manifest: read the newer manifest and retry.
                        fresh = self._read_manifest()
                        if fresh["version"] == self._manifest["version"]:
                            raise StoreError(f"store segment {e.filename} is missing") from e
                        self._manifest = fresh
                else:
                    raise StoreError(f"store {self.path} kept changing while it was being read")
        return self._segments

    def _catch_up(self) -> None:
        """Under the writer lock: adopt the manifest another process committed since this one
        last looked, re-reading only the segments that changed."""
        if self.committed_version() == self._manifest["version"]:
            return  # a stat: parsing the whole manifest on every write grew with the store
        fresh = self._read_manifest()
        if fresh["version"] == self._manifest["version"]:
            return
        if self._segments is not None:
            mine = self._manifest["segments"]
            self._segments = {rid: self._segments[rid] if mine.get(rid) == fname and rid in self._segments
                              else self._read_segment(fname) for rid, fname in fresh["segments"].items()}
        self._manifest = fresh
        self._drop_index()

    @contextmanager
    def _writing(self):
        """One write: this process's threads one at a time, other processes through the file lock."""
        with self._lock, self._writer.hold():
            self._catch_up()
            yield

    def committed_version(self) -> int:
        """The version the manifest on disk holds now, whichever process wrote it. A stat per call;
        the manifest is parsed only when the file changed (each write renames a new one in)."""
        mf = self.path / "manifest.json"
        try:
            st = os.stat(mf)
        except FileNotFoundError:
            return 0
        sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        seen = self._seen_manifest
        if seen is not None and seen[0] == sig:
            return seen[1]
        try:
            version = int(json.loads(mf.read_text("utf-8"))["version"])
        except (OSError, ValueError, KeyError, TypeError):
            return seen[1] if seen else self.version   # mid-replace or damaged: ask again later
        self._seen_manifest = (sig, version)
        return version

    def holds_cycles(self) -> bool:
        return self._disk is not None and self._disk.has_graph

    def committed_index_ready(self) -> bool:
        return (self.path / f"index-{self.committed_version()}" / "meta.json").exists()

    def _index_dir(self) -> Path:
        return self.path / f"index-{self._manifest['version']}"

    def _read_old_snapshot(self) -> DerivedIndex | None:
        """The whole-index pickle that stores written before index format 3 kept: read once, to
        convert it (faster than merging the segments again), never to serve from."""
        f = self.path / f"index-{self._manifest['version']}.pkl"
        if not (self._manifest["version"] and f.exists()):
            return None
        try:
            with open(f, "rb") as fh:
                d = pickle.load(fh)
        except Exception:  # a stale, torn or just-collected snapshot is only a cache: rebuild it
            return None
        if getattr(d, "format", None) != DERIVED_FORMAT:
            return None
        logging.getLogger(__name__).warning("converting the index of %s to format %d (once)", self.path,
                                            INDEX_FORMAT)
        return d

    def _open_saved_index(self) -> DiskIndex | None:
        folder = self._index_dir()
        if not (folder / "meta.json").exists():
            return None
        try:
            return DiskIndex(folder)
        except StoreError as e:  # damaged or of another format: only a cache, rebuilt below
            logging.getLogger(__name__).warning("rebuilding the index: %s", e)
            return None

    def _build_index(self, replace_damaged: bool = False) -> DiskIndex:
        """Merge the segments (or convert an old snapshot) into an index folder and open it. Built
        in the store folder without the writer lock (writes go on meanwhile) and renamed into place
        for every process to find; in a private folder when the store's is read-only."""
        derived = self._read_old_snapshot() or build_derived(self._load_segments(), with_graph=False)
        self._segments = None  # the merged index replaces them; 3.6 GB at 16x the corpus
        target = self._index_dir()
        try:
            with building(self.path, target.name) as tmp:
                write_index(derived, tmp)
                index = DiskIndex(tmp)  # opened before the rename: open files outlive their names
                if replace_damaged or not (target / "meta.json").exists():
                    publish(tmp, target)
                return index
        except OSError as e:
            logging.getLogger(__name__).warning("index not saved in %s: %s", self.path, e)
        private = Path(tempfile.mkdtemp(prefix="govgraph-index-"))
        try:
            write_index(derived, private)
            return DiskIndex(private)
        finally:
            shutil.rmtree(private, ignore_errors=True)

    def _collect_garbage(self) -> None:
        """Under the writer lock, so the manifest read last is the newest and no write is under way.
        Readers in other processes keep serving a removed index: their files are open already."""
        keep = self._index_dir()
        for old in self.path.glob("index-*"):
            if old != keep:
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
        live = set(self._manifest["segments"].values())
        for f in (self.path / "segments").iterdir():
            if f.name not in live:
                f.unlink(missing_ok=True)
        for f in self.path.glob(".*.tmp"):
            if not f.is_dir():
                f.unlink(missing_ok=True)
            elif is_abandoned(f):  # another process may be building an index in it now
                shutil.rmtree(f, ignore_errors=True)

    # -- writing ---------------------------------------------------------------------
    def put_batch(self, batch: GraphBatch, vectors: Vectors | None = None) -> None:
        with self._writing():
            if vectors is not None and self._manifest.get("model") not in (None, vectors.model):
                raise StoreError(
                    f"store {self.path} holds vectors of model {self._manifest['model']!r}; "
                    f"re-create it to use {vectors.model!r}")
            rid = batch.report.id
            fname = f"{rid}-{secrets.token_hex(4)}.pkl"
            _atomic_write_bytes(self.path / "segments" / fname,
                                pickle.dumps((batch, vectors), protocol=pickle.HIGHEST_PROTOCOL))
            old = self._manifest["segments"].get(rid)
            self._manifest["segments"][rid] = fname
            self._manifest["reports"][rid] = batch.report.to_dict()
            self._manifest["version"] += 1
            if vectors is not None:
                self._manifest["model"] = vectors.model
            self._write_manifest(rid)
            if self._segments is not None:
                self._segments[rid] = (batch, vectors)
            if old and old != fname:
                (self.path / "segments" / old).unlink(missing_ok=True)
            self._drop_index()
            self._dirty_index = True

    def remove_report(self, report_id: str) -> bool:
        with self._writing():
            r = self.find_report(report_id)
            if r is None:
                return False
            fname = self._manifest["segments"].pop(r.id)
            self._manifest["reports"].pop(r.id, None)
            self._manifest["version"] += 1
            if not self._manifest["segments"]:
                self._manifest["model"] = None
            self._write_manifest(r.id)
            if self._segments is not None:
                self._segments.pop(r.id, None)
            (self.path / "segments" / fname).unlink(missing_ok=True)
            self._drop_index()
            self._dirty_index = True
            return True

    def flush(self) -> None:
        if not self._dirty_index:
            return
        try:
            self._flush_index()
        except StoreBusy as e:
            # Every write is committed already; the snapshot is a cache the next open rebuilds.
            logging.getLogger(__name__).warning("index snapshot not saved: %s", e)

    def _flush_index(self) -> None:
        with self._writing():
            # Another process's flush may have indexed this very version already; an index this
            # one built in a private folder (the lock was busy) is saved now.
            if not (self._index_dir() / "meta.json").exists():
                self._drop_index()
                self._disk = self._build_index()
            self._collect_garbage()
            self._dirty_index = False

    def close(self) -> None:
        self.flush()

    # -- derived indexes -----------------------------------------------------------------
    def _index(self) -> DiskIndex:
        d = self._disk
        if d is None:
            with self._lock:
                if self._disk is None:
                    # a folder there that would not open is damaged: the new one replaces it
                    self._disk = self._open_saved_index() or self._build_index(self._index_dir().exists())
                d = self._disk
        return d

    def _drop_index(self) -> None:
        """After a write: the next read opens (or builds) the new generation's index. The old one's
        files close when the last reader lets go of it; its graph, if built, holds reference
        cycles (degree views point back at the graph) that only the collector frees."""
        if self._disk is not None and self._disk.has_graph:
            _let_gc_see_again()
        self._disk = None

    @property
    def model(self) -> str | None:
        return self._manifest.get("model")

    @property
    def version(self) -> int:
        """The generation this object serves: one more for every write, by any process, that it
        has caught up with. Analytics caches key on it."""
        return self._manifest["version"]

    def passage_vectors(self, ids):
        return self._index().passage_vectors(list(ids))

    def entity_vectors(self, ids):
        return self._index().entity_vectors(list(ids))

    def networkx_graph(self):
        """The store's own entity graph (networkx MultiDiGraph, edges keyed by type), built on
        first use; each edge's evidence is read when asked for. Read-only."""
        d = self._index()
        fresh = not d.has_graph
        g = d.graph()
        if fresh:
            _keep_out_of_gc(collect=True)
        return g

    def adjacency(self):
        return self.networkx_graph().plain_adjacency()

    # -- reports and passages ----------------------------------------------------------
    def reports(self) -> list[ReportInfo]:
        # From the manifest, so that checking for an unchanged file never builds the indexes.
        return [ReportInfo(**d) for d in self._manifest["reports"].values()]

    def passages_of(self, report_id: str) -> list[Passage]:
        return self._index().passages_of(report_id)

    def passage_counts(self) -> dict[str, int]:
        return self._index().passage_counts()

    def get_passages(self, ids: list[str]) -> list[Passage]:
        return self._index().get_passages(list(ids))

    def report_text(self, report_id: str) -> str:
        r = self.find_report(report_id)
        if r is None:
            return ""
        if self._segments is not None and r.id in self._segments:
            return self._segments[r.id][0].text
        fname = self._manifest["segments"].get(r.id)
        try:
            with open(self.path / "segments" / fname, "rb") as f:
                return pickle.load(f)[0].text
        except (OSError, TypeError, pickle.UnpicklingError, EOFError):
            return super().report_text(report_id)

    # -- entities ----------------------------------------------------------------------
    def get_nodes(self, ids: list[str]) -> list[Node]:
        return self._index().get_nodes(list(ids))

    def get_briefs(self, ids: list[str]) -> list[NodeBrief]:
        return self._index().get_briefs(list(ids))

    def find_nodes(self, label=None, report=None, year=None, prefix=None, offset=0, limit=50, *, role=None):
        return self._index().find_nodes(*self._find_args(label, report), year, prefix, role, offset, limit)

    def find_briefs(self, label=None, report=None, year=None, prefix=None, offset=0, limit=50, *, role=None):
        return self._index().find_briefs(*self._find_args(label, report), year, prefix, role, offset, limit)

    def _find_args(self, label, report) -> tuple[set[str] | None, str | None]:
        labels = {label} if isinstance(label, str) else set(label) if label else None
        if report:
            r = self.find_report(report)
            report = r.id if r else report
        return labels, report

    def edges_of(self, node_id: str) -> list[Edge]:
        return self._index().edges_of(node_id)

    def edges_near(self, node_ids, reports=None, max_degree=None):
        d = self._index()
        wanted = None if reports is None else set(reports)
        degree = d.degree(list(node_ids)) if max_degree is not None else {}
        out = {}
        for i in node_ids:
            if max_degree is not None and degree.get(i, 0) > max_degree:
                continue
            out[i] = [e for e in d.edges_of(i) if wanted is None or any(ev.report in wanted for ev in e.evidence)]
        return out

    def iter_nodes(self) -> Iterator[Node]:
        return self._index().iter_nodes()

    def iter_edges(self) -> Iterator[Edge]:
        return self._index().iter_edges()

    def skeleton(self):
        """Ids, labels, names and relation ends straight from SQLite: no evidence decoded."""
        return self._index().skeleton()

    def iter_passages(self) -> Iterator[Passage]:
        return self._index().iter_passages()

    def nodes_in_passages(self, passage_ids: list[str]) -> dict[str, list[str]]:
        return self._index().nodes_in_passages(list(passage_ids))

    def stats(self) -> dict:
        return self._index().stats()

    # -- search ------------------------------------------------------------------------
    def _mask(self, filters: Filters | None) -> np.ndarray | None:
        if filters is None or filters.is_empty():
            return None
        d = self._index()
        if filters.report:
            r = self.find_report(filters.report)
            filters = Filters(r.id if r else filters.report, filters.author, filters.year,
                              filters.label, filters.role)
        return d.passage_mask(filters)

    def lexical_search(self, query, tokens, k, filters=None):
        d = self._index()
        mask = self._mask(filters)
        scores = d.bm25_scores(tokens)
        if scores is None:
            return []
        return d.top_passages(scores, k, mask, positive_only=True)

    def term_passages(self, tokens):
        from .derived import bm25_term_rows
        d = self._index()
        return bm25_term_rows(d.bm25, d.bm25_vocab, tokens)

    def lexical_vocabulary(self):
        vocab = self._index().bm25_vocab
        return None if vocab is None else vocab.keys()

    def vector_search(self, vector, k, filters=None):
        d = self._index()
        if d.passage_matrix is None:
            return []
        mask = self._mask(filters)
        scores = d.passage_matrix @ np.asarray(vector, dtype=np.float32)
        return d.top_passages(scores, k, mask)

    def entity_vector_search(self, vector, k, label=None):
        return self._index().entity_search(vector, k, label)
