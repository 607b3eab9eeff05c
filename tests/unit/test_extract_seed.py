"""The seed report's key facts, read through the real reader, structure and extractor."""
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED
from pathlib import Path

import pytest

from govgraph.ingest.batch import GraphBatch, ReportInfo, node_id, report_id_for
from govgraph.ingest.extract import extract_entities
from govgraph.ingest.readers import read_document
from govgraph.ingest.structure import parse_structure

SHARED = _SHARED
SEED = SHARED / "corpus" / "000_seed-dongcheng-waiban-fzzf-2021.txt"
AUTHOR = "东城区人民政府外事办公室"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared corpus not present")


def extract(path: Path):
    doc = read_document(path)
    rid = report_id_for(doc.file)
    st = parse_structure(doc, rid)
    info = ReportInfo(rid, st.title, doc.file, doc.sha256, st.year, st.author, genre=st.genre, chars=len(doc.text))
    res = extract_entities(doc.text, st.passages, info)
    info.author_id = res.author_id
    batch = GraphBatch(info, st.passages, res.nodes, res.edges, doc.text, res.entity_texts)
    batch.validate()
    return res, batch


@pytest.fixture(scope="module")
def seed():
    res, batch = extract(SEED)
    by_id = {n.id: n for n in res.nodes}
    edges = {(by_id[e.source].name, e.type, by_id[e.target].name): e for e in res.edges}
    names = {(n.label, n.name): n for n in res.nodes}
    return res, batch, names, edges


def test_author_is_the_foreign_affairs_office_with_its_abbreviations(seed):
    res, _, names, _ = seed
    assert res.author_id == node_id("Agency", AUTHOR)
    author = names[("Agency", AUTHOR)]
    assert "区政府外办" in author.aliases and "我办" in author.aliases


def test_abbreviations_resolve_in_the_district(seed):
    _, _, names, edges = seed
    assert "区发改委" in names[("Agency", "东城区发展和改革委员会")].aliases
    assert (AUTHOR, "COOPERATED_WITH", "东城区发展和改革委员会") in edges or \
        ("东城区发展和改革委员会", "COOPERATED_WITH", AUTHOR) in edges
    assert ("Agency", "东城区文化和旅游局") in names


def test_meguro_sits_in_tokyo_in_japan_and_partners_since_1991(seed):
    _, _, names, edges = seed
    assert names[("Place", "目黑区")].props["kind"] in ("district", "city")
    assert names[("Place", "日本")].props["kind"] == "country"
    assert ("目黑区", "LOCATED_IN", "东京都") in edges
    assert ("东京都", "LOCATED_IN", "日本") in edges
    partner = [e for k, e in edges.items() if k[1] == "PARTNER_OF" and "目黑区" in (k[0], k[2])]
    assert len(partner) == 1
    assert partner[0].props.get("since") == 1991
    assert {"东城区", "目黑区"} == {k for k in next(k for k in edges if k[1] == "PARTNER_OF")[::2]}


def test_olympic_committee_organised_the_painting_exhibition_the_author_took_part(seed):
    _, _, names, edges = seed
    ev = [n for (label, name), n in names.items() if label == "Event" and "绘画邀请展" in name]
    assert len(ev) == 1
    assert ("北京冬奥组委", "ORGANIZED", ev[0].name) in edges
    assert (AUTHOR, "PARTICIPATED_IN", ev[0].name) in edges
    assert ev[0].props["status"] == "done" and ev[0].props["year"] == 2021


def test_seoul_friendship_festival_and_the_head_of_the_office(seed):
    _, _, names, edges = seed
    assert ("Event", "首尔友谊节") in names
    assert (AUTHOR, "PARTICIPATED_IN", "首尔友谊节") in edges
    assert ("周桂芳", "HEADS", AUTHOR) in edges
    training = [n for (label, name), n in names.items() if label == "Event" and name.endswith("外语能力培训")]
    assert training and training[0].props.get("count") == 7
    assert (training[0].name, "HELD_AT", "王府半岛酒店") in edges


def test_subjectless_measure_is_carried_out_by_the_author(seed):
    _, _, names, edges = seed
    assert ("Measure", "公共场所外语标识核查纠错") in names
    assert (AUTHOR, "CARRIED_OUT", "公共场所外语标识核查纠错") in edges


def test_signage_rule_is_a_policy_a_measure_implements(seed):
    _, _, names, edges = seed
    assert ("Policy", "北京市公共场所外语标识管理规定") in names
    impl = [k for k in edges if k[1] == "IMPLEMENTS" and k[2] == "北京市公共场所外语标识管理规定"]
    assert impl and all(("Measure", k[0]) in names for k in impl)
    assert names[("Measure", impl[0][0])].props["status"] == "planned"


def test_traps_are_not_extracted(seed):
    _, _, names, _ = seed
    all_names = {name for _, name in names}
    for trap in ("公共场所", "从严治党", "王府井", "友城"):
        assert ("Agency", trap) not in names and ("Person", trap) not in names
        assert ("Place", trap) not in names
    assert not any("连系" in n for (label, n) in names if label == "Policy")
    assert "香港特别行政区" not in {n for (label, n) in names if label == "Place"}
    assert all(len(n) >= 2 for n in all_names)


def test_every_node_and_edge_has_evidence_slicing_the_text(seed):
    res, batch, _, _ = seed
    for item in [*res.nodes, *res.edges]:
        assert item.evidence
        for ev in item.evidence:
            assert batch.text[ev.start:ev.end] == ev.text
    assert set(res.entity_texts) == {n.id for n in res.nodes}
