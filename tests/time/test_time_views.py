"""Series, indicators, plans, diff and timeline on the embedded store (tests/neo4j/test_time_neo4j.py runs
the same scenario on Neo4j)."""
from __future__ import annotations

from govgraph.graph.store.embedded import EmbeddedStore

from . import scenario as S


def test_time_views_embedded(tmp_path):
    with EmbeddedStore(tmp_path / "store") as store:
        S.check_all(store, tmp_path)


def test_time_views_survive_reopening(tmp_path):
    """The time records are ordinary nodes of the store: a reopened folder serves the same views."""
    with EmbeddedStore(tmp_path / "store") as store:
        S.load(store, tmp_path / "in")
    with EmbeddedStore(tmp_path / "store") as store:
        sid = S.check_series(store)
        S.check_plans(store, sid)
