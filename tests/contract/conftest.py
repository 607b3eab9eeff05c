"""Every contract test runs once per store: the embedded folder and the real Neo4j server."""
from __future__ import annotations

import pytest

from govgraph.graph.store.base import GraphStore
from govgraph.graph.store.embedded import EmbeddedStore

from .batches import report_a, report_b

STORES = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def open_neo4j(uri: str) -> GraphStore:
    from govgraph.graph.store.neo4j_store import Neo4jStore
    store = Neo4jStore(uri, allow_old_model=True)  # whatever an earlier test left is wiped
    store.clear()  # one shared server: each test starts from an empty database
    return store


@pytest.fixture(params=STORES)
def store(request, tmp_path) -> GraphStore:
    if request.param == "neo4j":
        s = open_neo4j(request.getfixturevalue("neo4j_uri"))
    else:
        s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def batches():
    """(batch, vectors) of report A and report B, fresh for each test."""
    return [report_a(), report_b()]


@pytest.fixture
def loaded(store, batches) -> GraphStore:
    for batch, vectors in batches:
        store.put_batch(batch, vectors)
    return store
