"""The shown-field rows of a grouped Neo4j write (graph/store/neo4j_bulk_rows.py, session 12): a
new entity takes its folded fields as it is created; only entities the store held before, and
only rows that bring an alias or a prop key, are folded into by STORE_SHOWN."""
from __future__ import annotations

from govgraph.graph.store import neo4j_bulk_rows as R
from govgraph.graph.store.neo4j_brief import Shown


def _shown(nid: str, rid: str, aliases: list[str], props: dict) -> dict:
    s = Shown()
    s.add(rid, aliases, props)
    return {"id": nid, **s.as_row()}


def test_only_rows_that_can_change_a_known_entity_are_folded():
    shown = [_shown("a", "r1", ["甲"], {}), _shown("b", "r1", [], {"kind": "city"}),
             _shown("c", "r1", [], {}), _shown("d", "r1", ["乙"], {"x": 1})]
    kept = R.folds_into(shown, existing={"a", "b", "c"})
    assert [r["id"] for r in kept] == ["a", "b"]  # c brings nothing; d is new (set on create)


def test_each_entity_row_carries_its_folded_fields_or_none():
    entities = [{"id": "a", "label": "Place"}, {"id": "z", "label": "Agency"}]
    shown = [_shown("a", "r2", ["甲", "乙"], {"k": [1]})]
    rows = R.with_shown(entities, shown)
    assert rows[0]["shown"]["shown_aliases"] == ["甲", "乙"]
    assert rows[0]["shown"]["shown_prop_values"] == ["[1]"]
    assert rows[1]["shown"] == {} and rows[1]["label"] == "Agency"
    assert "shown" not in entities[0]  # the caller's rows are left as they were


class _Put:
    def __init__(self, rid: str, shown: list[dict], repeats: list[str] = ()) -> None:
        self.rid, self.shown, self.repeats = rid, shown, list(repeats)


def test_shown_rows_equal_a_fold_of_every_report_row():
    """An entity one report of the group names keeps that report's row as it is; one several name
    is folded (session 13): both give what folding every row into an empty Shown gives."""
    puts = [_Put("r3", [_shown("a", "r3", ["甲", "乙"], {"k": 1}), _shown("b", "r3", ["丙"], {})]),
            _Put("r1", [_shown("a", "r1", ["乙", "丁"], {"k": 2, "j": "x"}), _shown("c", "r1", [], {"m": [1]})]),
            _Put("r2", [_shown("d", "r2", ["戊"], {})], repeats=["b"])]
    rows, drop = R.shown_rows(puts)
    every: dict[str, Shown] = {}
    for p in puts:
        for row in p.shown:
            if row["id"] not in drop:
                every.setdefault(row["id"], Shown()).fold(row)
    assert drop == ["b"]
    assert rows == [{"id": nid, **s.as_row()} for nid, s in every.items()]
    a = dict(zip(rows[0]["shown_aliases"], rows[0]["shown_alias_order"]))
    assert sorted(a, key=a.get) == ["乙", "丁", "甲"]  # r1's places come first
    assert rows[0]["shown_prop_values"] == ["2", '"x"'] and rows[1]["shown_prop_values"] == ["[1]"]
