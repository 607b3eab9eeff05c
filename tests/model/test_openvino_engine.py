"""The OpenVINO passage engine against the torch engine on the same model, on real report passages.

The default encoder on a CPU is OpenVINO (converted from the torch module into a temporary cache by
the session fixtures). Its vectors must agree with torch's (cosine >= 0.9999: bf16 on AMX against
torch's bf16 autocast, both near float32), be cached under their own key, and queries through it must
still find their passages; a model OpenVINO is not used for, or a bad engine name, is said clearly.
"""
from __future__ import annotations

import numpy as np
import pytest

from govgraph.graph.embed.encoder import Encoder, EncoderError, Engine
from govgraph.graph.embed.openvino_engine import IR_NAME, MARKER

MIN_ENGINE_COSINE = 0.9999


def test_the_default_engine_on_a_cpu_is_openvino(encoder, torch_encoder):
    assert encoder.engine is Engine.OPENVINO and torch_encoder.engine is Engine.TORCH
    assert (encoder._ov.folder / IR_NAME).is_file() and (encoder._ov.folder / MARKER).is_file()
    # under the test session's own cache, never the user's
    assert encoder._ov.folder.parent.parent.name.startswith("govgraph-cache")
    # vectors of the two engines differ slightly: the cache must keep them apart
    assert encoder.fingerprint != torch_encoder.fingerprint and "|ov-" in encoder.fingerprint


def test_openvino_passages_match_torch(encoder, torch_encoder, corpus_passages):
    texts = corpus_passages + ["Sister-city exchanges with Hamburg continued.", ""]
    ours, theirs = encoder.encode_passages(texts), torch_encoder.encode_passages(texts)
    assert ours.shape == theirs.shape == (len(texts), 384) and ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cos = (ours * theirs).sum(1)
    assert cos.min() >= MIN_ENGINE_COSINE, f"cosine {cos.min():.6f} on {texts[int(np.argmin(cos))][:40]!r}"
    # a text longer than the window (averaged windows) and padding inside a batch change nothing
    long = "".join(corpus_passages[:8])
    alone = encoder.encode_passages([long])[0]
    assert float(alone @ torch_encoder.encode_passages([long])[0]) >= MIN_ENGINE_COSINE
    np.testing.assert_allclose(encoder.encode_passages([long, "短"])[0], alone, atol=1e-4)


def test_openvino_queries_agree_and_find_their_passages(encoder, torch_encoder, corpus_passages):
    queries = ["外事办公室开展了哪些国际交流活动", "Which office led the signage inspection?"]
    batch = encoder.encode_queries(queries)
    assert (batch * torch_encoder.encode_queries(queries)).sum(1).min() >= MIN_ENGINE_COSINE
    np.testing.assert_allclose(encoder.encode_query(queries[0]), batch[0], atol=1e-5)
    assert not encoder.prepare_fast_queries()  # the traced path is torch's; OpenVINO needs none


def test_a_second_load_reuses_the_converted_model(encoder):
    stamp = (encoder._ov.folder / IR_NAME).stat().st_mtime_ns
    again = Encoder.load(engine="openvino")
    assert again._ov.folder == encoder._ov.folder
    assert (again._ov.folder / IR_NAME).stat().st_mtime_ns == stamp


def test_engine_choice_errors_are_clear(conversion, monkeypatch, tmp_path):
    monkeypatch.setenv("GOVGRAPH_EMBED_ENGINE", "tensorrt")
    with pytest.raises(EncoderError, match="GOVGRAPH_EMBED_ENGINE"):
        Encoder.load()
    monkeypatch.delenv("GOVGRAPH_EMBED_ENGINE")
    with pytest.raises(EncoderError, match="engine must be one of"):
        Encoder.load(engine="onnx")
