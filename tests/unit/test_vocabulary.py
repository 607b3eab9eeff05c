"""One vocabulary: the enums, the names ingest/batch.py re-exports, the API schema and the web UI agree."""
from __future__ import annotations

import re

from govgraph.api.schemas import EdgeOut, NodeOut, PassageOut
from govgraph.api.vocabulary_js import JS_PATH, render
from govgraph.ingest import batch
from govgraph.ingest.structure import roles
from govgraph.ingest.vocabulary import ENTITY_LABELS, SYMMETRIC, Label, RelType, Role, Status

JS_DIR = JS_PATH.parent


def _js(name: str) -> str:
    return (JS_DIR / name).read_text(encoding="utf-8")


def test_generated_web_vocabulary_is_current():
    # A stale file names labels or relation types the server no longer sends, or misses new ones.
    assert JS_PATH.read_text(encoding="utf-8") == render(), "run: python -m govgraph.api.vocabulary_js"


def test_generated_web_vocabulary_lists_every_member():
    text = render()
    for member in [*Label, *RelType, *Role, *Status]:
        assert f'"{member}"' in text, member


def test_batch_reexports_are_the_enums():
    assert batch.LABELS == tuple(Label)
    assert batch.ENTITY_LABELS == tuple(x for x in Label if x not in ("Report", "Passage"))
    assert batch.REL_TYPES == tuple(RelType)
    assert batch.ROLES == ("achievement", "problem", "plan", "other")
    assert batch.SYMMETRIC == {"COOPERATED_WITH", "PARTNER_OF"}
    assert set(batch.ENTITY_LABELS) == set(ENTITY_LABELS)


def test_roles_module_uses_the_enum():
    assert {roles.ACHIEVEMENT, roles.PROBLEM, roles.PLAN, roles.OTHER} == set(Role)
    assert roles.heading_role("存在的主要问题", True, 2024) is Role.PROBLEM


def test_members_are_plain_strings_to_stores_and_json():
    import json
    assert f"{Label.PLACE}" == "Place" and Label.PLACE == "Place"
    assert json.dumps({"t": RelType.HEADS}) == '{"t": "HEADS"}'
    assert batch.node_id(Label.AGENCY, "国务院") == batch.node_id("Agency", "国务院")
    # Members hash as their values, so sets and dicts keyed by members find plain strings read from a
    # store (Enum's own __hash__ hashes the member name, AGENCY, which would miss "Agency").
    assert "Agency" in frozenset({Label.AGENCY}) and {Role.PLAN: 2}["plan"] == 2


def test_api_schema_lists_the_vocabulary():
    node = NodeOut.model_json_schema()
    assert node["$defs"]["Label"]["enum"] == [str(x) for x in Label]
    edge = EdgeOut.model_json_schema()
    assert edge["$defs"]["RelType"]["enum"] == [str(x) for x in RelType]
    assert PassageOut.model_json_schema()["$defs"]["Role"]["enum"] == [str(x) for x in Role]


def test_web_ui_has_a_style_and_names_for_every_member():
    labels_js, i18n = _js("labels.js"), _js("i18n.js")
    style = re.search(r"LABEL_STYLE = \{(.*?)\n\};", labels_js, re.S).group(1)
    assert set(re.findall(r"^\s+(\w+):", style, re.M)) == set(Label)
    blocks = re.findall(r"\n  (?:zh|en): \{(.*?)\n  \},", i18n.split("const REL_NAMES")[0], re.S)
    assert len(blocks) == 2
    for lang_block in blocks:
        for lab in Label:
            assert f"label_{lab}:" in lang_block, lab
        for role in Role:
            assert f"role_{role}:" in lang_block, role
        for status in Status:
            assert f"status_{status}:" in lang_block, status
    rel_zh = re.search(r"const REL_NAMES = \{\s*zh: \{(.*?)\},", i18n, re.S).group(1)
    assert set(re.findall(r"(\w+):", rel_zh)) == set(RelType)
    assert "SYMMETRIC_TYPES" in _js("graph-style.js")
    assert {t for t in RelType if t in SYMMETRIC} == {"COOPERATED_WITH", "PARTNER_OF"}


def test_nodes_and_edges_hold_plain_strings_whatever_they_are_given():
    # GraphML (and any writer that checks types) refuses enum values: an export of a store holding
    # Plan and Indicator nodes failed with "GraphML writer does not support <enum 'Label'>".
    import networkx as nx
    from govgraph.ingest.batch import Edge, Node
    from govgraph.ingest.vocabulary import Label, RelType
    n, e = Node("plan-1", Label.PLAN, "x"), Edge("a", "b", RelType.PART_OF)
    assert type(n.label) is str and n.label == "Plan"
    assert type(e.type) is str and e.type == "PART_OF"
    g = nx.MultiDiGraph()
    g.add_node(n.id, label=n.label)
    g.add_edge("a", "b", type=e.type)
    assert "Plan" in "".join(nx.generate_graphml(g))
