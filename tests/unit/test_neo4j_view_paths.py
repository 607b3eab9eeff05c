"""Yen's deviations, planned (graph/store/neo4j_view_paths): which searches a length needs."""
from govgraph.graph.store.neo4j_view_paths import Spur, deviations, spurs


def test_one_search_per_distinct_prefix_capped_to_the_length_sought():
    known = [("a", "b", "d"), ("a", "c", "d")]
    got = spurs(known, 3)
    assert got == [Spur(("a",), (), ("b", "c"), 3), Spur(("a", "b"), ("a",), ("d",), 2),
                   Spur(("a", "c"), ("a",), ("d",), 2)]
    assert got[1].start == "b"


def test_deviations_keep_simple_paths_of_the_length_sought_once():
    sp = Spur(("a", "b"), ("a",), ("d",), 2)
    found = [["b", "e", "d"], ["b", "e", "d"], ["b", "a", "d"], ["b", "d"]]
    assert deviations(sp, found, 3) == {("a", "b", "e", "d")}
