"""Choose a backend from configuration: `--neo4j`/GOVGRAPH_NEO4J_URI, else the embedded folder."""
from __future__ import annotations

import os

from .base import GraphStore
from .writer_lock import WaitNotice

DEFAULT_STORE = "./govgraph-data"


def open_store(store: str | None = None, neo4j: str | None = None, *, lock_wait: float | None = None,
               on_lock_wait: WaitNotice | None = None) -> GraphStore:
    """An explicit --store wins over the environment; an explicit --neo4j wins over both.
    `lock_wait`/`on_lock_wait`: how an embedded store's writes wait for another process's."""
    uri = neo4j or (None if store else os.environ.get("GOVGRAPH_NEO4J_URI"))
    if uri:
        from .neo4j_store import Neo4jStore  # the driver is only imported when used
        return Neo4jStore(uri, os.environ.get("GOVGRAPH_NEO4J_USER"),
                          os.environ.get("GOVGRAPH_NEO4J_PASSWORD"))
    from .embedded import EmbeddedStore
    return EmbeddedStore(store or os.environ.get("GOVGRAPH_STORE") or DEFAULT_STORE,
                         lock_wait=lock_wait, on_lock_wait=on_lock_wait)
