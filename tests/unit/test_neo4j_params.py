"""neo4j_params.quiet: list parameters keep their values but repr as their length, so the driver's
eager debug line (built for every RUN whether debug logging is on or not) costs nothing."""
from __future__ import annotations

from govgraph.graph.store.neo4j_params import QuietList, quiet


def test_quiet_wraps_each_top_level_list_and_keeps_its_values():
    rows = [{"id": "p1", "embedding": [0.25] * 1024, "text": "推进营商环境改革"}]
    params = quiet({"rows": rows, "rid": "report-1", "k": 3, "ids": ["a", "b"], "none": None})
    assert isinstance(params["rows"], QuietList) and params["rows"] == rows
    assert params["ids"] == ["a", "b"] and isinstance(params["ids"], list)
    assert (params["rid"], params["k"], params["none"]) == ("report-1", 3, None)
    assert rows == [{"id": "p1", "embedding": [0.25] * 1024, "text": "推进营商环境改革"}]  # caller's list untouched


def test_a_quiet_list_reprs_as_its_length_not_its_values():
    big = QuietList([[0.123456789] * 1024 for _ in range(300)])
    assert repr(big) == "<300 items>"
    assert repr({"rows": big}) == "{'rows': <300 items>}"
    assert isinstance(big, list) and len(big[0]) == 1024  # the driver packs it as the list it is
