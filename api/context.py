"""Settings and the objects built from them, shared by the command line and the HTTP app."""
from __future__ import annotations

import gc
import logging
import os
from dataclasses import dataclass, field
from functools import cached_property

from govgraph.graph.store import GraphStore, open_store


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


class Context:
    """Opens the store lazily and builds the embedder only when the store holds vectors."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def store(self) -> GraphStore:
        return open_store(self.settings.store, self.settings.neo4j)

    @cached_property
    def embedder(self):
        from govgraph.graph.embedder import CachedEmbedder
        # Query vectors must come from the model that embedded the stored passages.
        model = self.store.model
        return CachedEmbedder(model) if model else None

    def new_embedder(self):
        from govgraph.graph.embedder import CachedEmbedder
        return CachedEmbedder(self.settings.model or self.store.model)

    @cached_property
    def search(self):
        from govgraph.graph.search.service import SearchService
        from govgraph.ingest.question import analyze_question
        from govgraph.ingest.tokenize import tokenize_query
        return SearchService(self.store, self.embedder, tokenize_query, analyze_question)

    def refresh(self) -> None:
        """After a write: a store that had no vectors may have some now, so rebuild the search."""
        if self.__dict__.get("embedder") is None:
            self.__dict__.pop("embedder", None)
        self.__dict__.pop("search", None)

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

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
