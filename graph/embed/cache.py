"""Embedding vectors remembered by content, so re-ingesting unchanged text costs a lookup only.

A vector is keyed by the SHA-1 of (model, kind, text): the same sentence embedded as a query and as
a passage, or by two models, are different vectors. Storage is one SQLite file in WAL mode, so
several processes can read and write at once and every ``put_many`` is a single atomic transaction.
"""
from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

# span: a stretch of a passage pooled from the passage's own forward pass (Encoder.encode_passages_with_spans)
KINDS = ("passage", "query", "span")
_CHUNK = 500  # keys per SELECT, below SQLite's bound-parameter limit
_ENCODE_CHUNK = 256  # texts encoded between commits, so an interrupted run keeps its progress
_PROGRESS_MIN = 32


class VectorCacheError(RuntimeError):
    """The cache folder cannot be used, or was given unusable arguments."""


def content_key(model: str, kind: str, text: str) -> bytes:
    return hashlib.sha1(f"{model}\x00{kind}\x00{text}".encode("utf-8")).digest()


class VectorCache:
    """``get_many``/``put_many`` over a folder; ``model`` may be fixed here or given per call."""

    def __init__(self, folder: str | Path, model: str | None = None):
        self.folder = Path(folder).expanduser()
        self.model = model
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise VectorCacheError(f"vector cache folder {self.folder} cannot be created: {exc.strerror}") from exc
        self.path = self.folder / "vectors.sqlite3"
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, timeout=60, check_same_thread=False, isolation_level=None)
            self._set_up_schema()
        except sqlite3.Error as exc:
            raise VectorCacheError(f"vector cache {self.path} is not usable: {exc}") from exc

    def _set_up_schema(self, tries: int = 50) -> None:
        """WAL mode and the table. Switching a new file to WAL can fail at once with 'database is locked'
        when another process opens it at the same moment (SQLite's busy timeout does not cover that
        step; seen once in make test's two-process test), so the set-up is retried for a few seconds."""
        for attempt in range(tries):
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, dim INTEGER NOT NULL,"
                                 " vec BLOB NOT NULL) WITHOUT ROWID")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == tries - 1:
                    raise
                time.sleep(0.1)

    def _model(self, model: str | None) -> str:
        model = model or self.model
        if not model:
            raise VectorCacheError("model is required: give it to VectorCache(...) or to this call")
        return model

    @staticmethod
    def _kind(kind: str) -> str:
        if kind not in KINDS:
            raise VectorCacheError(f"kind must be one of {KINDS}, got {kind!r}")
        return kind

    def get_many(self, texts: Sequence[str], model: str | None = None, kind: str = "passage") -> list[np.ndarray | None]:
        """One entry per text: its cached float32 vector, or None."""
        model, kind = self._model(model), self._kind(kind)
        keys = [content_key(model, kind, t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self._lock:
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, dim, blob in self._db.execute(
                        f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", chunk):
                    vec = np.frombuffer(blob, dtype="<f4")
                    if vec.size == dim:
                        found[key] = vec
        return [found[k].copy() if k in found else None for k in keys]

    def put_many(self, texts: Sequence[str], vectors, model: str | None = None, kind: str = "passage") -> None:
        model, kind = self._model(model), self._kind(kind)
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[0] != len(texts):
            raise VectorCacheError(f"vectors must have shape ({len(texts)}, dim), got {vectors.shape}")
        rows = [(content_key(model, kind, t), vectors.shape[1], vectors[i].astype("<f4").tobytes())
                for i, t in enumerate(texts)]
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows)
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "VectorCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def embed_cached(encoder, cache: VectorCache, texts: Sequence[str], kind: str = "passage",
                 show_progress: bool = False, batch_size: int = 32) -> np.ndarray:
    """Vectors for ``texts`` (n, dim), encoding only those the cache has not seen with this encoder."""
    if kind not in KINDS:
        raise VectorCacheError(f"kind must be one of {KINDS}, got {kind!r}")
    texts = list(texts)
    dim = encoder.dim
    out = np.zeros((len(texts), dim), dtype=np.float32)
    if not texts:
        return out
    model = getattr(encoder, "fingerprint", None) or encoder.name
    cached = cache.get_many(texts, model=model, kind=kind)
    missing: dict[str, list[int]] = {}
    for i, (text, vec) in enumerate(zip(texts, cached)):
        if vec is not None and vec.shape == (dim,):
            out[i] = vec
        else:
            missing.setdefault(text, []).append(i)
    if not missing:
        return out

    todo = list(missing)
    progress = None
    if show_progress and len(todo) >= _PROGRESS_MIN:
        from tqdm.auto import tqdm
        progress = tqdm(total=len(todo), desc=f"embedding {kind}s", unit=kind)
    try:
        for start in range(0, len(todo), _ENCODE_CHUNK):
            chunk = todo[start:start + _ENCODE_CHUNK]
            if kind == "passage":
                vecs = encoder.encode_passages(chunk, batch_size=batch_size)
            else:
                vecs = encoder.encode_queries(chunk, batch_size=batch_size)
            cache.put_many(chunk, vecs, model=model, kind=kind)
            for text, vec in zip(chunk, vecs):
                out[missing[text]] = vec
            if progress is not None:
                progress.update(len(chunk))
    finally:
        if progress is not None:
            progress.close()
    return out


def span_key_text(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """What a span vector is cached under: its passage and its character ranges."""
    return text + "\x00" + ",".join(f"{a}-{b}" for a, b in ranges)


def embed_cached_with_spans(encoder, cache: VectorCache, texts: Sequence[str],
                            spans: Sequence[tuple[int, tuple[tuple[int, int], ...]]]) -> tuple[np.ndarray, np.ndarray]:
    """Passage vectors of ``texts`` and span vectors of ``spans`` (text index, character ranges), through
    the cache: a passage goes through the model only when its vector or one of its spans' is missing."""
    texts = list(texts)
    dim = encoder.dim
    model = getattr(encoder, "fingerprint", None) or encoder.name
    span_texts = [span_key_text(texts[i], ranges) for i, ranges in spans]
    pvec = _stacked(cache.get_many(texts, model=model, kind="passage"), dim)
    svec = _stacked(cache.get_many(span_texts, model=model, kind="span"), dim)
    todo = sorted({i for i in range(len(texts)) if pvec[i] is None} |
                  {i for k, (i, _) in enumerate(spans) if svec[k] is None})
    spans_of: dict[int, list[int]] = {}
    for k, (i, _) in enumerate(spans):
        spans_of.setdefault(i, []).append(k)
    for start in range(0, len(todo), _ENCODE_CHUNK):
        chunk = todo[start:start + _ENCODE_CHUNK]
        local = {i: j for j, i in enumerate(chunk)}
        ks = [k for i in chunk for k in spans_of.get(i, ())]
        pv, sv = encoder.encode_passages_with_spans([texts[i] for i in chunk],
                                                    [(local[spans[k][0]], spans[k][1]) for k in ks])
        cache.put_many([texts[i] for i in chunk], pv, model=model, kind="passage")
        if ks:
            cache.put_many([span_texts[k] for k in ks], sv, model=model, kind="span")
        for j, i in enumerate(chunk):
            pvec[i] = pv[j]
        for j, k in enumerate(ks):
            svec[k] = sv[j]
    empty = np.zeros((0, dim), dtype=np.float32)
    return (np.stack(pvec).astype(np.float32) if texts else empty), (np.stack(svec).astype(np.float32) if spans else empty)


def _stacked(found: list[np.ndarray | None], dim: int) -> list[np.ndarray | None]:
    return [v if v is not None and v.shape == (dim,) else None for v in found]
