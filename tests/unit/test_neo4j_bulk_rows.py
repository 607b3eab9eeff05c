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
