"""The default store: everything in memory, persisted to a folder with atomic writes.

On disk:
  manifest.json            the current state: which segment file holds each report
  segments/<id>-<n>.pkl    one immutable file per report version (batch + vectors)
  index-<version>.pkl      derived indexes for a fast reopen, tagged with the manifest version

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
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np

from govgraph.ingest.batch import Edge, GraphBatch, Node, Passage, ReportInfo
from .base import Filters, GraphStore, StoreError, Vectors
from .derived import DERIVED_FORMAT, DerivedIndex, EntityGraph, build_derived
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
        self._segments: dict[str, tuple[GraphBatch, Vectors | None]] | None = None
        self._manifest = self._read_manifest()
        self._derived: DerivedIndex | None = None
        self._dirty_index = False
        self._load_index_snapshot()

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

    def _write_manifest(self) -> None:
        data = json.dumps(self._manifest, ensure_ascii=False, indent=1).encode("utf-8")
        _atomic_write_bytes(self.path / "manifest.json", data)

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
        fresh = self._read_manifest()
        if fresh["version"] == self._manifest["version"]:
            return
        if self._segments is not None:
            mine = self._manifest["segments"]
            self._segments = {rid: self._segments[rid] if mine.get(rid) == fname and rid in self._segments
                              else self._read_segment(fname) for rid, fname in fresh["segments"].items()}
        self._manifest = fresh
        _let_gc_see_again()
        self._derived = None

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

    def _index_file(self) -> Path:
        return self.path / f"index-{self._manifest['version']}.pkl"

    def _read_index_snapshot(self) -> DerivedIndex | None:
        f = self._index_file()
        if self._manifest["version"] and f.exists():
            try:
                with open(f, "rb") as fh:
                    d = pickle.load(fh)
                if getattr(d, "format", None) == DERIVED_FORMAT:
                    d.graph = EntityGraph.adopt(d.graph)
                    return d
            except Exception:  # a stale, torn or just-collected snapshot is only a cache: rebuild it
                return None
        return None

    def _load_index_snapshot(self) -> None:
        d = self._read_index_snapshot()
        if d is not None:
            self._derived = d
            _keep_out_of_gc(collect=False)  # a fresh open has no dropped index to free

    def _save_index_snapshot(self) -> None:
        if self._derived is None:
            return
        target = self._index_file()
        _atomic_write_bytes(target, pickle.dumps(self._derived, protocol=pickle.HIGHEST_PROTOCOL))

    def _collect_garbage(self) -> None:
        """Under the writer lock, so the manifest read last is the newest and no write is under way."""
        for old in self.path.glob("index-*.pkl"):
            if old != self._index_file():
                old.unlink(missing_ok=True)
        live = set(self._manifest["segments"].values())
        for f in (self.path / "segments").iterdir():
            if f.name not in live:
                f.unlink(missing_ok=True)
        for f in self.path.glob(".*.tmp"):
            f.unlink(missing_ok=True)

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
            self._write_manifest()
            if self._segments is not None:
                self._segments[rid] = (batch, vectors)
            if old and old != fname:
                (self.path / "segments" / old).unlink(missing_ok=True)
            _let_gc_see_again()
            self._derived = None
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
            self._write_manifest()
            if self._segments is not None:
                self._segments.pop(r.id, None)
            (self.path / "segments" / fname).unlink(missing_ok=True)
            _let_gc_see_again()
            self._derived = None
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
            # Another process's flush may have indexed this very version already.
            if not self._index_file().exists():
                self._index()
                self._save_index_snapshot()
            self._collect_garbage()
            self._dirty_index = False

    def close(self) -> None:
        self.flush()

    # -- derived indexes -----------------------------------------------------------------
    def _index(self) -> DerivedIndex:
        d = self._derived
        if d is None:
            with self._lock:
                if self._derived is None:
                    self._derived = self._read_index_snapshot() or build_derived(self._load_segments())
                    _keep_out_of_gc(collect=True)
                d = self._derived
        return d

    @property
    def model(self) -> str | None:
        return self._manifest.get("model")

    @property
    def version(self) -> int:
        """The generation this object serves: one more for every write, by any process, that it
        has caught up with. Analytics caches key on it."""
        return self._manifest["version"]

    def passage_vectors(self, ids):
        d = self._index()
        if d.passage_matrix is None:
            return {}
        row = {pid: i for i, pid in enumerate(d.passage_ids)}
        return {i: d.passage_matrix[row[i]] for i in ids if i in row}

    def entity_vectors(self, ids):
        d = self._index()
        if d.entity_matrix is None:
            return {}
        row = {e: i for i, e in enumerate(d.entity_ids)}
        return {i: d.entity_matrix[row[i]] for i in ids if i in row}

    def networkx_graph(self):
        """The store's own entity graph (networkx MultiDiGraph, edges keyed by type). Read-only."""
        return self._index().graph

    def adjacency(self):
        return self._index().graph.plain_adjacency()

    # -- reports and passages ----------------------------------------------------------
    def reports(self) -> list[ReportInfo]:
        # From the manifest, so that checking for an unchanged file never builds the indexes.
        return [ReportInfo(**d) for d in self._manifest["reports"].values()]

    def passages_of(self, report_id: str) -> list[Passage]:
        d = self._index()
        return [d.passages[pid] for pid in d.report_passages.get(report_id, [])]

    def get_passages(self, ids: list[str]) -> list[Passage]:
        d = self._index()
        return [d.passages[i] for i in ids if i in d.passages]

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
        d = self._index()
        return [d.nodes[i] for i in ids if i in d.nodes]

    def find_nodes(self, label=None, report=None, year=None, prefix=None, offset=0, limit=50, *, role=None):
        d = self._index()
        labels = {label} if isinstance(label, str) else set(label) if label else None
        if report:
            r = self.find_report(report)
            report = r.id if r else report
        if prefix:
            p = prefix.casefold()
        out = []
        for n in d.nodes.values():
            if labels and n.label not in labels:
                continue
            if report and report not in d.node_reports.get(n.id, ()):
                continue
            if year is not None and year not in d.node_years.get(n.id, ()):
                continue
            if prefix and not any(s.casefold().startswith(p) for s in (n.name, *n.aliases, n.name_en or "")):
                continue
            if role and not any(getattr(d.passages.get(ev.passage), "role", None) == role for ev in n.evidence):
                continue
            out.append(n)
        out.sort(key=lambda n: (-d.degree.get(n.id, 0), n.name))
        return len(out), out[offset: offset + limit]

    def edges_of(self, node_id: str) -> list[Edge]:
        d = self._index()
        return [d.edges[k] for k in d.edge_keys_of(node_id)]

    def edges_near(self, node_ids, reports=None, max_degree=None):
        d = self._index()
        wanted = None if reports is None else set(reports)
        out = {}
        for i in node_ids:
            if max_degree is not None and d.degree.get(i, 0) > max_degree:
                continue
            edges = (d.edges[k] for k in d.edge_keys_of(i))
            out[i] = [e for e in edges if wanted is None or any(ev.report in wanted for ev in e.evidence)]
        return out

    def iter_nodes(self) -> Iterator[Node]:
        return iter(list(self._index().nodes.values()))

    def iter_edges(self) -> Iterator[Edge]:
        return iter(list(self._index().edges.values()))

    def iter_passages(self) -> Iterator[Passage]:
        return iter(list(self._index().passages.values()))

    def nodes_in_passages(self, passage_ids: list[str]) -> dict[str, list[str]]:
        d = self._index()
        return {pid: list(d.passage_nodes.get(pid, ())) for pid in passage_ids}

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
        return self._index().term_rows(tokens)

    def vector_search(self, vector, k, filters=None):
        d = self._index()
        if d.passage_matrix is None:
            return []
        mask = self._mask(filters)
        scores = d.passage_matrix @ np.asarray(vector, dtype=np.float32)
        return d.top_passages(scores, k, mask)

    def entity_vector_search(self, vector, k, label=None):
        d = self._index()
        if d.entity_matrix is None:
            return []
        scores = d.entity_matrix @ np.asarray(vector, dtype=np.float32)
        if label:
            scores = np.where(d.entity_labels == label, scores, -np.inf)
        k = min(k, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        idx = idx[np.argsort(-scores[idx])]
        return [(d.entity_ids[i], float(scores[i])) for i in idx if np.isfinite(scores[i])]
