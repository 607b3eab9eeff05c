"""The sample graph written to both stores, for tests that compare Neo4j with the embedded store."""
from __future__ import annotations

from pathlib import Path

from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.store.neo4j_store import Neo4jStore
from tests.unit.sample_graph import sample_batches


def paired_stores(neo4j_uri: str, folder: Path) -> tuple[EmbeddedStore, Neo4jStore]:
    """An embedded store in `folder` and the Neo4j database, both holding the sample batches."""
    emb = EmbeddedStore(folder)
    neo = Neo4jStore(neo4j_uri)
    neo.clear()   # one shared server: start from an empty database
    for b in sample_batches():
        emb.put_batch(b)
        neo.put_batch(b)
    emb.flush()
    return emb, neo
