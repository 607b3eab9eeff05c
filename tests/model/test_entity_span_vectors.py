"""Entity vectors pooled from their passage's forward pass (graph/embed/entity_spans.py), on the real
model and real reports: the passage vectors of that pass are the ordinary ones, both engines agree on
the spans, a span in the second window of a long passage is found, the cache spares the model a
second pass, and ingest's vectors for a report come out this way for most entities."""
from __future__ import annotations

import numpy as np
import pytest

from govgraph.graph.embed.cache import VectorCache, embed_cached_with_spans
from govgraph.graph.embed.encoder import EncoderError
from govgraph.graph.embed.entity_spans import entity_spans
from govgraph.graph.vectorize import vectors_for
from govgraph.ingest.pipeline import build_batch

from .conftest import CORPUS

MIN_ENGINE_COSINE = 0.999  # bf16 hidden states of one token range vary more than a whole-passage mean


def _spans(texts: list[str]) -> list[tuple[int, tuple[tuple[int, int], ...]]]:
    """A span per text: its first 30 characters, and its last 10 again."""
    return [(i, ((0, min(30, len(t))), (max(0, len(t) - 10), len(t)))) for i, t in enumerate(texts)]


def test_span_pass_gives_the_ordinary_passage_vectors(encoder, corpus_passages):
    texts = corpus_passages[:10]
    passages, spans = encoder.encode_passages_with_spans(texts, _spans(texts))
    np.testing.assert_allclose(passages, encoder.encode_passages(texts), atol=1e-5)
    assert spans.shape == (10, 384)
    np.testing.assert_allclose(np.linalg.norm(spans, axis=1), 1.0, atol=1e-5)
    # a span is about its own words: nearer its own passage than the other passages, for most
    own = (spans @ passages.T).argmax(1) == np.arange(10)
    assert own.mean() >= 0.8, own


def test_engines_agree_on_spans_also_past_the_first_window(encoder, torch_encoder, corpus_passages):
    long = "".join(corpus_passages[:8])  # longer than one 512-token window
    texts = corpus_passages[8:12] + [long]
    spans = _spans(texts) + [(4, ((len(long) - 60, len(long) - 20),))]
    assert len(encoder._content_ids([long])[0]) > 600
    _, ours = encoder.encode_passages_with_spans(texts, spans)
    _, theirs = torch_encoder.encode_passages_with_spans(texts, spans)
    cos = (ours * theirs).sum(1)
    assert cos.min() >= MIN_ENGINE_COSINE, cos
    # the late span (second window) is not the early one
    assert float(ours[-1] @ ours[4]) < 0.99


def test_bad_spans_are_named(encoder):
    with pytest.raises(EncoderError, match=r"spans\[0\]"):
        encoder.encode_passages_with_spans(["一段文字"], [(3, ((0, 2),))])
    with pytest.raises(EncoderError, match=r"spans\[1\]"):
        encoder.encode_passages_with_spans(["一段文字"], [(0, ((0, 2),)), (0, ((3, 1),))])


def test_cached_spans_need_no_second_pass(encoder, corpus_passages, tmp_path, monkeypatch):
    texts = corpus_passages[:6]
    first = embed_cached_with_spans(encoder, VectorCache(tmp_path / "v"), texts, _spans(texts))
    calls = []
    real = encoder.encode_passages_with_spans
    monkeypatch.setattr(encoder, "encode_passages_with_spans", lambda *a, **k: calls.append(a) or real(*a, **k))
    again = embed_cached_with_spans(encoder, VectorCache(tmp_path / "v"), texts, _spans(texts))
    assert calls == [] and all(np.array_equal(a, b) for a, b in zip(first, again))
    # a new span of a known passage runs that passage only
    more = _spans(texts) + [(2, ((5, 25),))]
    third = embed_cached_with_spans(encoder, VectorCache(tmp_path / "v"), texts, more)
    assert len(calls) == 1 and calls[0][0] == [texts[2]]
    np.testing.assert_allclose(third[1][:6], first[1], atol=1e-6)


class _Embedder:
    """CachedEmbedder's two passage calls over one encoder and a temporary cache."""

    name = "multilingual-e5-small"

    def __init__(self, encoder, folder):
        from govgraph.graph.embed.cache import embed_cached

        self._enc, self._cache, self._embed = encoder, VectorCache(folder), embed_cached
        self.spans_supported = encoder.spans_supported

    def passages(self, texts, show_progress=False):
        return self._embed(self._enc, self._cache, texts)

    def passages_with_spans(self, texts, spans):
        return embed_cached_with_spans(self._enc, self._cache, texts, spans)


def test_ingest_pools_most_entities_and_embeds_the_rest(encoder, tmp_path, monkeypatch):
    batch = build_batch(CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt")
    ids = [n.id for n in batch.nodes if n.id in batch.entity_texts]
    spans = entity_spans(batch, ids)
    assert 0.7 * len(ids) <= len(spans) < len(ids)
    monkeypatch.setenv("GOVGRAPH_ENTITY_VECTORS", "span")
    pooled = vectors_for(batch, _Embedder(encoder, tmp_path / "a"))
    monkeypatch.setenv("GOVGRAPH_ENTITY_VECTORS", "text")
    texts = vectors_for(batch, _Embedder(encoder, tmp_path / "b"))
    assert pooled.entity_ids == texts.entity_ids == ids
    np.testing.assert_allclose(pooled.passages, texts.passages, atol=1e-5)
    cos = (pooled.entities * texts.entities).sum(1)
    spanned = np.array([i in spans for i in ids])
    np.testing.assert_allclose(cos[~spanned], 1.0, atol=1e-5)  # the rest: their own text, as before
    # pooled from the entity's words in context: close to the old text's vector, never the same
    assert 0.85 <= cos[spanned].mean() < 0.999
