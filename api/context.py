"""Settings and the objects built from them, shared by the command line and the HTTP app."""
from __future__ import annotations

import gc
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

from govgraph.graph.store import GraphStore, open_store
from .store_release import release_later


def _env_list(name: str) -> list[str]:
    return [s.strip() for s in os.environ.get(name, "").split(",") if s.strip()]


@dataclass
class Settings:
    store: str | None = None
    neo4j: str | None = None
    model: str | None = None
    ingest_token: str | None = field(default_factory=lambda: os.environ.get("GOVGRAPH_INGEST_TOKEN") or None)
    cors_origins: list[str] = field(default_factory=lambda: _env_list("GOVGRAPH_CORS_ORIGINS"))
    max_upload_bytes: int = int(os.environ.get("GOVGRAPH_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
    max_query_chars: int = 500
    max_k: int = 100
    max_depth: int = 4
    # Load the model and dictionaries at start-up so the first query is not the slow one.
    warm: bool = False
    # Seconds a write waits for another process writing the same embedded store (None: default).
    lock_wait: float | None = None
    on_lock_wait: Callable[[str], None] | None = None
    # A long-lived reader (the server) reopens the store when another process wrote to it.
    follow_writes: bool = False

# How often a following context looks at the store's committed generation (a stat of the manifest).
FOLLOW_CHECK_SECONDS = 0.2
# A writer commits report by report and saves the index once, when its batch ends. A reload that
# built the index of a generation in the middle of a batch spent ~1 s of contended CPU on an index
# outdated a moment later; waiting for the writer's own index costs a stat per poll. A batch that
# runs longer than this (or a writer that died) gets an index built here, so its reports still show.
WRITER_INDEX_WAIT_SECONDS = 5.0
WRITER_INDEX_POLL_SECONDS = 0.05


class AppContext:
    """What the CLI and the HTTP app work with: the store, opened lazily, the embedder (built only when
    the store holds vectors) and the search service.

    With `settings.follow_writes`, every use of `store` or `search` checks (at most every
    FOLLOW_CHECK_SECONDS) whether another process committed a newer generation; if so a
    background thread opens the store afresh and swaps it in, while answers keep coming from
    the one already open."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._checked_at = 0.0
        self._reloading = threading.Lock()
        self.warmed = threading.Event()   # /health's `warm`: set once warm() is done, or at once if not asked
        if not settings.warm:
            self.warmed.set()

    def _open(self) -> GraphStore:
        return open_store(self.settings.store, self.settings.neo4j, lock_wait=self.settings.lock_wait,
                          on_lock_wait=self.settings.on_lock_wait)

    @property
    def store(self) -> GraphStore:
        self._follow()
        return self._store

    @cached_property
    def _store(self) -> GraphStore:
        return self._open()

    @property
    def generation(self) -> int | None:
        return self.store.version

    def _follow(self) -> None:
        if not self.settings.follow_writes or "_store" not in self.__dict__:
            return
        now = time.monotonic()
        if now - self._checked_at < FOLLOW_CHECK_SECONDS:
            return
        self._checked_at = now
        st = self._store
        if st.committed_version() != st.version and self._reloading.acquire(blocking=False):
            threading.Thread(target=self._reload, name="govgraph-reload", daemon=True).start()

    def _reload(self) -> None:
        """Open the store until it serves the newest generation, then swap it in."""
        try:
            while True:
                self._await_writers_index()
                fresh = self._open()
                fresh.stats()            # builds (or reads) its indexes here, not in a request
                old = self.__dict__.get("_store")
                self.__dict__["_store"] = fresh
                if old is not None and old.model != fresh.model:
                    self.__dict__.pop("embedder", None)
                self.__dict__.pop("_search", None)
                self.__dict__.pop("_compare", None)
                if old is not None:
                    release_later(old)
                del old
                if fresh.committed_version() == fresh.version:
                    return
        except Exception:  # noqa: BLE001 - the open store keeps answering; the next check retries
            logging.getLogger("govgraph.api").warning("reloading the store failed", exc_info=True)
        finally:
            self._reloading.release()

    def _await_writers_index(self) -> None:
        """Give a writer in the middle of a batch the time to save its index (see
        WRITER_INDEX_WAIT_SECONDS); returns as soon as the newest generation has one."""
        deadline = time.monotonic() + WRITER_INDEX_WAIT_SECONDS
        while not self._store.committed_index_ready() and time.monotonic() < deadline:
            time.sleep(WRITER_INDEX_POLL_SECONDS)

    @cached_property
    def embedder(self):
        from govgraph.graph.embedder import CachedEmbedder
        # Query vectors must come from the model that embedded the stored passages.
        model = self.store.model
        return CachedEmbedder(model) if model else None

    def new_embedder(self, device: str = "auto"):
        from govgraph.graph.embedder import CachedEmbedder
        return CachedEmbedder(self.settings.model or self.store.model, device=device)

    @property
    def search(self):
        self._follow()
        return self._search

    @cached_property
    def _search(self):
        from govgraph.graph.search.service import SearchService
        from govgraph.graph.time.ask import TimeAwareSearch
        from govgraph.ingest.question import analyze_question
        from govgraph.ingest.time.question import analyze_time_question
        from govgraph.ingest.tokenize import tokenize_query
        return TimeAwareSearch(SearchService(self._store, self.embedder, tokenize_query, analyze_question,
                                             aggregator=self._compare),
                               analyze_time_question, lambda q: list(analyze_question(q).terms or []))

    @property
    def compare(self):
        """Cross-agency questions (哪些区…, which districts…): rows of agencies, see docs/compare.md."""
        self._follow()
        return self._compare

    @cached_property
    def _compare(self):
        from govgraph.graph.search.aggregate import Comparer
        from govgraph.ingest.aggregation import AggregationReader
        from govgraph.ingest.tokenize import tokenize_query
        return Comparer(self._store, tokenize_query, AggregationReader)

    def refresh(self) -> None:
        """After a write: a store that had no vectors may have some now, so rebuild the search."""
        if self.__dict__.get("embedder") is None:
            self.__dict__.pop("embedder", None)
        self.__dict__.pop("_search", None)
        self.__dict__.pop("_compare", None)

    def warm(self) -> None:
        try:
            self.search.warm()
            if self.embedder is not None:
                self.embedder.warm()
            from govgraph.graph.analytics.geo import geo
            geo()  # the foreign view's GeoNames index: ~3 s once, then each view takes ~50 ms
        except Exception:  # noqa: BLE001 - warming is an optimisation; requests report real errors
            logging.getLogger("govgraph.api").warning("warm-up failed", exc_info=True)
        # The dictionaries and indexes just loaded live as long as the server: keep the cyclic
        # collector from walking them in the middle of a request (a store write unfreezes them).
        gc.collect()
        gc.freeze()
        self.warmed.set()

    def close(self) -> None:
        if "_store" in self.__dict__:
            self._store.close()

