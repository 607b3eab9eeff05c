"""Ingest files into a store: the one place where `ingest` (parsing) meets `graph` (storing).

Each file is parsed, embedded and written on its own, so one bad file is reported and the
rest go in; a file whose bytes have not changed since it went in is skipped.
"""
from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from govgraph.graph.store.base import GraphStore, StoreError
from govgraph.graph.store.writer_lock import StoreBusy
from govgraph.ingest.errors import IngestError
from govgraph.ingest.pipeline import PIPELINE_VERSION, build_batch
from govgraph.ingest.readers import MAX_BYTES, iter_input_files
from govgraph.ingest.vocabulary import FileStatus

log = logging.getLogger(__name__)


@dataclass
class FileOutcome:
    file: str
    status: FileStatus
    report: str | None = None
    error: str | None = None
    passages: int = 0
    nodes: int = 0
    edges: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class IngestSummary:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == FileStatus.FAILED]

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict:
        counts: dict[str, int] = {}
        for f in self.files:
            counts[f.status] = counts.get(f.status, 0) + 1
        return {"ok": self.ok, "counts": counts, "files": [f.to_dict() for f in self.files]}


def _sha256(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes:
            return None
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def ingest_paths(store: GraphStore, paths: Iterable[str | Path], embedder=None,
                 max_bytes: int = MAX_BYTES, show_progress: bool = False,
                 on_file: Callable[[FileOutcome], None] | None = None,
                 force: bool = False) -> IngestSummary:
    summary = IngestSummary()
    items = list(iter_input_files(list(paths)))
    seen: dict[str, Path] = {}
    store.begin_bulk()  # then the flush below
    for item in items:
        if not isinstance(item, IngestError):
            # Reports are identified by file name; a second file of the same name would silently
            # replace the first, so it is refused instead.
            first = seen.setdefault(Path(item).name, Path(item))
            if first != Path(item):
                item = IngestError(Path(item).name, f"another file of the same name ({first}) is in this "
                                                    "batch; reports are identified by file name, rename one")
        outcome = ingest_one(store, item, embedder, max_bytes, show_progress, force)
        summary.files.append(outcome)
        if on_file:
            on_file(outcome)
    store.flush()
    return summary


def ingest_one(store: GraphStore, item: Path | IngestError, embedder=None, max_bytes: int = MAX_BYTES,
               show_progress: bool = False, force: bool = False) -> FileOutcome:
    t0 = time.perf_counter()
    if isinstance(item, IngestError):
        return FileOutcome(item.file, FileStatus.FAILED, error=str(item))
    path = Path(item)
    existing = store.find_report(path.name)
    if existing and not force and existing.pipeline == PIPELINE_VERSION:
        sha = _sha256(path, max_bytes)
        if sha and sha == existing.sha256:
            return FileOutcome(path.name, FileStatus.UNCHANGED, report=existing.id,
                               seconds=time.perf_counter() - t0)
    try:
        batch = build_batch(path, max_bytes=max_bytes)
        vectors = None
        if embedder is not None:
            from govgraph.graph.vectorize import vectors_for
            vectors = vectors_for(batch, embedder, show_progress=show_progress)
        store.put_batch(batch, vectors)
    except IngestError as e:
        return FileOutcome(path.name, FileStatus.FAILED, error=str(e), seconds=time.perf_counter() - t0)
    except StoreBusy:
        raise   # the store, not this file: the whole command stops (exit 3), nothing was written
    except StoreError as e:
        return FileOutcome(path.name, FileStatus.FAILED, error=f"{path.name}: {e}", seconds=time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001 - a parser bug on one file must not stop the batch
        log.exception("unexpected error on %s", path)
        return FileOutcome(path.name, FileStatus.FAILED, error=f"{path.name}: unexpected error ({type(e).__name__}: {e})",
                           seconds=time.perf_counter() - t0)
    return FileOutcome(path.name, FileStatus.UPDATED if existing else FileStatus.ADDED, report=batch.report.id,
                       passages=len(batch.passages), nodes=len(batch.nodes), edges=len(batch.edges),
                       seconds=time.perf_counter() - t0)
