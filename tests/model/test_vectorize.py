"""Vectors ingest stores for one report (graph.vectorize), with the real model and a fresh cache:
passages as they are, entities as their names embedded plus their first evidence's passage."""
from __future__ import annotations

import numpy as np
import pytest

from govgraph.graph.embed.cache import VectorCache, embed_cached
from govgraph.graph.vectorize import name_text, vectors_for
from govgraph.ingest.pipeline import build_batch
from tests.paths import CORPUS


class CacheOnly:
    """The CachedEmbedder interface over the session's encoder and a cache of the test's own,
    counting the texts that had to be encoded."""

    def __init__(self, encoder, folder):
        self.encoder, self.cache, self.encoded = encoder, VectorCache(folder), []
        self.name = encoder.name

    def passages(self, texts, show_progress=False):
        fingerprint = self.encoder.fingerprint
        missing = [t for t, v in zip(texts, self.cache.get_many(texts, model=fingerprint)) if v is None]
        self.encoded.extend(dict.fromkeys(missing))
        return embed_cached(self.encoder, self.cache, texts)


@pytest.fixture(scope="module")
def seed_batch():
    return build_batch(CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt")


def test_entity_vectors_are_names_plus_evidence_passage(encoder, seed_batch, tmp_path):
    emb = CacheOnly(encoder, tmp_path / "v")
    vec = vectors_for(seed_batch, emb)
    nodes = {n.id: n for n in seed_batch.nodes}
    assert vec.passages.shape == (len(seed_batch.passages), 384)
    assert vec.entity_ids and set(vec.entity_ids) == set(seed_batch.entity_texts)
    np.testing.assert_allclose(np.linalg.norm(vec.entities, axis=1), 1.0, atol=1e-5)
    row = {p.id: i for i, p in enumerate(seed_batch.passages)}
    for k in (0, len(vec.entity_ids) // 2, len(vec.entity_ids) - 1):
        n = nodes[vec.entity_ids[k]]
        want = encoder.encode_passages([name_text(n)])[0] + vec.passages[row[n.evidence[0].passage]]
        np.testing.assert_allclose(vec.entities[k], want / np.linalg.norm(want), atol=1e-4)
    # no context is embedded: only passages and names went through the model
    names = {name_text(nodes[i]) for i in vec.entity_ids}
    assert set(emb.encoded) <= {p.text for p in seed_batch.passages} | names


def test_an_entity_is_nearest_to_its_own_name_and_passage(encoder, seed_batch, tmp_path):
    vec = vectors_for(seed_batch, CacheOnly(encoder, tmp_path / "v"))
    nodes = {n.id: n for n in seed_batch.nodes}
    queries = encoder.encode_queries([nodes[i].name for i in vec.entity_ids])
    ranks = [int((vec.entities @ q > vec.entities[k] @ q).sum()) for k, q in enumerate(queries)]
    assert np.mean([r == 0 for r in ranks]) >= 0.7, ranks


def test_names_repeated_in_another_report_are_not_embedded_again(encoder, seed_batch, tmp_path):
    emb = CacheOnly(encoder, tmp_path / "v")
    vectors_for(seed_batch, emb)
    emb.encoded.clear()
    again = vectors_for(seed_batch, emb)
    assert emb.encoded == [] and again.entities.shape[0] == len(again.entity_ids)
