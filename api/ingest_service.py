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

from govgraph.graph.store.base import GraphStore, PutResult, StoreError, Vectors
from govgraph.graph.store.writer_lock import StoreBusy
from govgraph.ingest.batch import GraphBatch
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
    """Each file's outcome goes to `on_file` once it is settled: a stored report only after the
    store committed it (a bulk store may write several in one transaction, GraphStore.queue_batch),
    so the outcomes of queued files can come after later ones. The summary keeps the input order."""
    summary = IngestSummary()
    items = list(iter_input_files(list(paths)))
    seen: dict[str, Path] = {}
    waiting: dict[str, tuple[int, _Parsed]] = {}  # report id -> (slot, parsed file) until committed

    def settle(slot: int, outcome: FileOutcome) -> None:
        summary.files[slot] = outcome
        if on_file:
            on_file(outcome)

    def settled(results: list[PutResult]) -> None:
        for r in results:
            slot, parsed = waiting.pop(r.report)
            settle(slot, parsed.done() if r.error is None else parsed.failed(r.error))

    store.begin_bulk()  # then the flush below
    for item in items:
        if not isinstance(item, IngestError):
            # Reports are identified by file name; a second file of the same name would silently
            # replace the first, so it is refused instead.
            first = seen.setdefault(Path(item).name, Path(item))
            if first != Path(item):
                item = IngestError(Path(item).name, f"another file of the same name ({first}) is in this "
                                                    "batch; reports are identified by file name, rename one")
        summary.files.append(None)  # type: ignore[arg-type]  # filled when settled, below
        slot = len(summary.files) - 1
        parsed = _parse_file(store, item, embedder, max_bytes, show_progress, force)
        if isinstance(parsed, FileOutcome):
            settle(slot, parsed)
            continue
        try:
            results = store.queue_batch(parsed.batch, parsed.vectors)
        except Exception as e:  # noqa: BLE001 - refused before it was queued: this file fails (_failure)
            settle(slot, parsed.failed(e))
            continue
        waiting[parsed.batch.report.id] = (slot, parsed)
        settled(results)
    settled(store.settle_queued())
    store.flush()
    return summary


def ingest_one(store: GraphStore, item: Path | IngestError, embedder=None, max_bytes: int = MAX_BYTES,
               show_progress: bool = False, force: bool = False) -> FileOutcome:
    """One file parsed and put, done when this returns."""
    parsed = _parse_file(store, item, embedder, max_bytes, show_progress, force)
    if isinstance(parsed, FileOutcome):
        return parsed
    try:
        store.put_batch(parsed.batch, parsed.vectors)
    except Exception as e:  # noqa: BLE001 - classified (and StoreBusy raised again) by _failure
        return parsed.failed(e)
    return parsed.done()


@dataclass
class _Parsed:
    """A file made into a batch (and vectors), not yet stored."""
    path: Path
    batch: GraphBatch
    vectors: Vectors | None
    existing: bool
    t0: float

    def done(self) -> FileOutcome:
        b = self.batch
        return FileOutcome(self.path.name, FileStatus.UPDATED if self.existing else FileStatus.ADDED,
                           report=b.report.id, passages=len(b.passages), nodes=len(b.nodes), edges=len(b.edges),
                           seconds=time.perf_counter() - self.t0)

    def failed(self, e: Exception) -> FileOutcome:
        return _failure(self.path, e, self.t0)


def _parse_file(store: GraphStore, item: Path | IngestError, embedder, max_bytes: int, show_progress: bool,
                force: bool) -> _Parsed | FileOutcome:
    """The file's batch and vectors, or its outcome when there is nothing to store (failed, unchanged)."""
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
    except Exception as e:  # noqa: BLE001 - classified by _failure
        return _failure(path, e, t0)
    return _Parsed(path, batch, vectors, existing is not None, t0)


def _failure(path: Path, e: Exception, t0: float) -> FileOutcome:
    """A file that failed; the batch goes on. StoreBusy is the store, not this file: it is raised
    again and the whole command stops (exit 3), nothing was written."""
    if isinstance(e, StoreBusy):
        raise e
    seconds = time.perf_counter() - t0
    if isinstance(e, IngestError):
        return FileOutcome(path.name, FileStatus.FAILED, error=str(e), seconds=seconds)
    if isinstance(e, StoreError):
        return FileOutcome(path.name, FileStatus.FAILED, error=f"{path.name}: {e}", seconds=seconds)
    # a parser bug on one file must not stop the batch
    log.error("unexpected error on %s", path, exc_info=e)
    return FileOutcome(path.name, FileStatus.FAILED, error=f"{path.name}: unexpected error ({type(e).__name__}: {e})",
                       seconds=seconds)
