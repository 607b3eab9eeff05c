"""A bulk's groups written on one thread while the caller prepares the next (issue 18).

A bulk write is a sequence of transactions, each waiting for the one before; between them the
writer's own Python (checking and encoding each report, folding a group's rows: ~13 s of a
~58 s write of the corpus, session 12) ran while the server waited, and the server's puts
(~34 s) while the writer waited. Here one thread writes group N while the caller prepares
group N+1: at most one group is in flight, so the caller waits for it only when the next one is
ready, and the groups still commit one after another, in the order they came (the server's
write lock serialises them anyway, neo4j_cypher.TAKE_WRITE_LOCK).

The Neo4j driver object is thread-safe and a session is not: the thread opens its own sessions
(Neo4jStore._call), the caller's reads open theirs. A group's results (PutResult) are handed
back only after its transaction committed, so a report is still reported done only once it is
stored.
"""
from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable

from .base import PutResult


class GroupWriter:
    """One writing thread, one group in flight."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: Future | None = None

    def submit(self, write: Callable[[], list[PutResult]]) -> list[PutResult]:
        """Start `write` (a group's commit) on the thread, after the group in flight: returns that
        group's results, waiting for it if it has not committed yet."""
        done = self.wait()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govgraph-neo4j-write")
        self._pending = self._pool.submit(write)
        return done

    def wait(self) -> list[PutResult]:
        """The results of the group in flight, once it committed (none when none is)."""
        pending, self._pending = self._pending, None
        return pending.result() if pending is not None else []

    def finished(self) -> list[PutResult]:
        """The results of the group in flight if it has committed by now, without waiting."""
        if self._pending is not None and self._pending.done():
            return self.wait()
        return []

    def busy(self) -> bool:
        return self._pending is not None

    def close(self) -> list[PutResult]:
        """Wait for the group in flight and end the thread."""
        try:
            return self.wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None
