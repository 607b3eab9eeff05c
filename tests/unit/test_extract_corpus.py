"""Every corpus report: valid evidence everywhere.

Extraction speed is no part of these tests (timed assertions fail under a shared machine's load): it is
measured in bench/ingest_bench.py as a ratio to jieba alone in the same run (`make bench`).
"""
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED
from pathlib import Path

import pytest

from govgraph.ingest.batch import GraphBatch, ReportInfo, report_id_for
from govgraph.ingest.extract import extract_entities
from govgraph.ingest.readers import read_document
from govgraph.ingest.structure import parse_structure

SHARED = _SHARED
FILES = sorted((SHARED / "corpus").glob("*.txt")) + sorted((SHARED / "corpus-extra").glob("*.txt"))

pytestmark = pytest.mark.skipif(not FILES, reason="shared corpus not present")


@pytest.fixture(scope="module")
def prepared():
    out = []
    for f in FILES:
        doc = read_document(f)
        rid = report_id_for(doc.file)
        st = parse_structure(doc, rid)
        info = ReportInfo(rid, st.title, doc.file, doc.sha256, st.year, st.author, genre=st.genre,
                          chars=len(doc.text))
        out.append((doc.text, st.passages, info))
    return out


@pytest.fixture(scope="module")
def extracted(prepared):
    """Each report's extraction, once for all the tests of this file."""
    return [extract_entities(text, passages, info) for text, passages, info in prepared]


def test_every_report_yields_a_valid_batch(prepared, extracted):
    labels = set()
    for (text, passages, info), res in zip(prepared, extracted):
        info.author_id = res.author_id
        GraphBatch(info, passages, res.nodes, res.edges, text, res.entity_texts).validate()
        labels |= {n.label for n in res.nodes}
        ids = [n.id for n in res.nodes]
        assert len(ids) == len(set(ids)), info.file
    assert labels == {"Agency", "Organization", "Person", "Place", "Policy", "Measure", "Event"}


def test_sister_city_ties_are_found_across_the_corpus(extracted):
    partner_edges = 0
    for res in extracted:
        by_id = {n.id: n for n in res.nodes}
        for e in res.edges:
            if e.type == "PARTNER_OF":
                partner_edges += 1
                ends = {by_id[e.source].name, by_id[e.target].name}
                assert not any("友好城市" in n or n == "友城" for n in ends)
                assert any(by_id[x].props.get("kind") in ("city", "district", "province") for x in (e.source, e.target))
    assert partner_edges >= 10
