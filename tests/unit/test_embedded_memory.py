"""The embedded store keeps its index out of the cyclic garbage collector, yet an index replaced
after a write is still freed (its networkx graph holds reference cycles)."""
import gc
import weakref

from govgraph.graph.store.embedded import EmbeddedStore
from tests.unit.sample_graph import second_report, seed_like


def test_index_is_frozen_and_a_replaced_index_is_freed(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    store.put_batch(seed_like())
    store.flush()
    graph = store.networkx_graph()
    old = weakref.ref(graph)
    assert gc.get_freeze_count() > 0  # the index lives out of the collector's reach
    del graph
    store.put_batch(second_report())
    store.flush()
    assert store.networkx_graph().number_of_nodes() > 0
    gc.collect()
    assert old() is None, "the replaced index's graph was never freed"
    reopened = EmbeddedStore(tmp_path / "store")
    assert reopened.stats()["reports"] == 2
