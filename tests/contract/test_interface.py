"""Everything a caller may use on a store is declared on GraphStore (issue 19): a backend adds no
public method of its own beyond the few named here, each for tests, set-up or one backend's tools."""
from __future__ import annotations

import inspect

from govgraph.graph.store.base import GraphStore
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.store.neo4j_store import Neo4jStore

# Backend-only methods: how Neo4j is built from the environment or emptied (tests, benchmarks),
# a bare round trip (benchmarks read latencies against it), its full-text entity search, which no
# caller outside the backend uses yet, and filling what views read on a database written before
# it was kept (set-up).
BACKEND_ONLY = {
    EmbeddedStore: set(),
    Neo4jStore: {"from_env", "clear", "round_trip", "entity_text_search", "fill_shown", "fill_degrees"},
}


def _public(cls) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls) if not name.startswith("_")}


def test_backends_add_nothing_callers_could_depend_on():
    declared = _public(GraphStore)
    for cls, extra in BACKEND_ONLY.items():
        added = _public(cls) - declared - extra
        assert not added, f"{cls.__name__} has public {sorted(added)} not declared on GraphStore"


def test_what_callers_probed_for_is_declared_with_a_default():
    for name in ("edges_of_many", "networkx_graph", "adjacency", "version", "parallel_reads",
                 "committed_version", "passage_vectors", "entity_vectors"):
        assert hasattr(GraphStore, name), name
        assert name not in GraphStore.__abstractmethods__, name
