"""One writer at a time across processes, for a store kept in a folder.

An OS file lock (`flock` through the `filelock` package) on `<store>/writer.lock`: the kernel
drops it when its holder exits, however it exits (SIGKILL included), so a crashed writer never
leaves the store locked. Readers take no lock: they see whole manifests, replaced by rename.
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout

from .base import StoreError

LOCK_FILE = "writer.lock"
# A writer holds the lock for one report's segment and manifest (milliseconds) or for an index
# flush (about a second per hundred reports); five minutes covers another process's whole flush
# of a large store with room to spare.
DEFAULT_WAIT_SECONDS = 300.0
ENV_WAIT = "GOVGRAPH_LOCK_WAIT"

WaitNotice = Callable[[str], None]


class StoreBusy(StoreError):
    """Another process kept the store's writer lock for longer than this writer would wait."""


def default_wait() -> float:
    try:
        return float(os.environ.get(ENV_WAIT, DEFAULT_WAIT_SECONDS))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


class WriterLock:
    def __init__(self, folder: Path, wait: float | None = None, on_wait: WaitNotice | None = None):
        self.folder = Path(folder)
        self.wait = default_wait() if wait is None else max(0.0, float(wait))
        self.on_wait = on_wait
        # preserve_lock_file: unlinking a flock'd file on release lets a third process lock a
        # fresh inode while a second still waits on the old one; the file stays, empty.
        self._lock = FileLock(self.folder / LOCK_FILE, thread_local=False, preserve_lock_file=True)

    @contextmanager
    def hold(self) -> Iterator[None]:
        """The lock for the span of one write; waits (saying so once) up to `wait` seconds."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            t0 = time.monotonic()
            if self.on_wait is not None:
                self.on_wait(f"waiting for another process writing to {self.folder} "
                             f"(up to {self.wait:g} s; change with --wait)")
            try:
                self._lock.acquire(timeout=self.wait)
            except Timeout:
                raise StoreBusy(f"store {self.folder} is being written by another process; gave up after "
                                f"{time.monotonic() - t0:.0f} s (wait longer with --wait SECONDS)") from None
        except OSError as e:
            raise StoreError(f"cannot lock store folder {self.folder}: {e.strerror or e}") from e
        try:
            yield
        finally:
            self._lock.release()

    @contextmanager
    def try_hold(self) -> Iterator[bool]:
        """The lock if it is free now (True), else False at once: for work another process may
        equally do, such as saving an index a reader had to build."""
        try:
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            yield False
            return
        try:
            yield True
        finally:
            self._lock.release()
