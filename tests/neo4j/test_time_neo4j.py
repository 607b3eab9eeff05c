"""The time scenario on the real Neo4j store, and both stores giving the same views for the same reports."""
from __future__ import annotations

from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.store.neo4j_store import Neo4jStore
from govgraph.graph.time import indicators_view, plans_view, series_view
from tests.time import scenario as S


def _neo4j(uri: str) -> Neo4jStore:
    store = Neo4jStore(uri)
    store.clear()
    return store


def test_time_views_neo4j(neo4j_uri, tmp_path):
    store = _neo4j(neo4j_uri)
    try:
        S.check_all(store, tmp_path)
    finally:
        store.close()


def test_time_views_agree_across_stores(neo4j_uri, tmp_path):
    neo = _neo4j(neo4j_uri)
    try:
        with EmbeddedStore(tmp_path / "store") as emb:
            for s in (emb, neo):
                S.load(s, tmp_path / "in")
            assert series_view(neo) == series_view(emb)
            assert indicators_view(neo) == indicators_view(emb)
            assert plans_view(neo) == plans_view(emb)
    finally:
        neo.close()
