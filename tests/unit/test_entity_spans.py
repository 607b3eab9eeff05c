"""Where ingest pools an entity's vector from (graph/embed/entity_spans.py), on a real report."""
from __future__ import annotations

import pytest

from govgraph.graph.embed.entity_spans import (CONTEXT_CHARS, NAME_REPEATS, EntityVectors, configured_entity_vectors,
                                              entity_spans)
from govgraph.ingest.pipeline import build_batch
from tests.paths import CORPUS


@pytest.fixture(scope="module")
def batch():
    return build_batch(CORPUS / "004_gzbg-szft-2019.txt")


def test_spans_hold_the_context_and_the_name(batch):
    ids = [n.id for n in batch.nodes if n.id in batch.entity_texts]
    spans = entity_spans(batch, ids)
    nodes = {n.id: n for n in batch.nodes}
    assert len(spans) >= 0.7 * len(ids)
    for nid, (i, ranges) in spans.items():
        text = batch.passages[i].text
        (a, b), *names = ranges
        assert len(names) == NAME_REPEATS and len(set(names)) == 1
        c, d = names[0]
        assert 0 <= a < b <= len(text) and b - a <= CONTEXT_CHARS
        assert text[c:d] in {nodes[nid].name, *nodes[nid].aliases}
        # the name is read from the evidence sentence the context starts
        assert any(e.passage == batch.passages[i].id and e.start - batch.passages[i].start == a
                   for e in nodes[nid].evidence)


def test_english_names_keep_their_own_text(batch):
    ids = [n.id for n in batch.nodes if n.id in batch.entity_texts]
    english = [n.id for n in batch.nodes if n.name_en and n.id in batch.entity_texts]
    assert english, "the report names entities in English"
    assert not set(english) & set(entity_spans(batch, ids))


def test_the_switch_is_checked(monkeypatch):
    monkeypatch.delenv("GOVGRAPH_ENTITY_VECTORS", raising=False)
    assert configured_entity_vectors() is EntityVectors.TEXT  # span lost English answers (docs/embedding.md)
    monkeypatch.setenv("GOVGRAPH_ENTITY_VECTORS", "TEXT")
    assert configured_entity_vectors() is EntityVectors.TEXT
    monkeypatch.setenv("GOVGRAPH_ENTITY_VECTORS", "names")
    with pytest.raises(ValueError, match="GOVGRAPH_ENTITY_VECTORS"):
        configured_entity_vectors()
