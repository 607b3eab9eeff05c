"""The Neo4j store sends vectors as rows of a float64 array, not as lists of Python floats
(session 13: the lists made the garbage collector walk millions of floats). The driver (with its
Rust packer, a dependency of the project) must put the same bytes on the wire for both."""
from __future__ import annotations

import numpy as np
from neo4j._codec.hydration.v1 import HydrationHandler
from neo4j._codec.packstream.v1 import Packer

from govgraph.graph.store.neo4j_codec import passage_row
from govgraph.ingest.batch import Passage


class _Buffer:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, b) -> None:
        self.data += b


def _packed(value) -> bytes:
    buf = _Buffer()
    Packer(buf).pack(value, dehydration_hooks=HydrationHandler().dehydration_hooks)
    return bytes(buf.data)


def test_array_rows_pack_as_the_lists_of_their_values():
    m = np.random.default_rng(7).standard_normal((5, 16)).astype(np.float32)
    as_array = np.array(m, dtype=np.float64)
    passages = [Passage(f"p{i}", "r", i, "文", 0, 1) for i in range(5)]
    rows = [passage_row(p, v, ["文"]) for p, v in zip(passages, list(as_array))]
    lists = [passage_row(p, v, ["文"]) for p, v in zip(passages, as_array.tolist())]
    assert isinstance(rows[0]["embedding"], np.ndarray) and isinstance(lists[0]["embedding"], list)
    assert _packed({"rows": rows}) == _packed({"rows": lists})
    assert _packed({"v": as_array[0]}) != _packed({"v": as_array[1]})  # the values are what is sent
