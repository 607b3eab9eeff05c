"""The content-hash vector cache on its own (the model-backed path is in tests/model)."""
from __future__ import annotations

import multiprocessing as mp

import numpy as np
import pytest

from govgraph.graph.embed.cache import VectorCache, VectorCacheError, content_key


def _vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_round_trip_is_bit_identical(tmp_path):
    cache = VectorCache(tmp_path / "vec", model="m1")
    texts = ["甲", "乙", "丙 text", ""]
    vecs = _vectors(len(texts))
    assert cache.get_many(texts) == [None] * 4
    cache.put_many(texts, vecs)
    got = cache.get_many(texts + ["丁"])
    assert got[-1] is None
    for a, b in zip(got[:4], vecs):
        assert a.dtype == np.float32 and np.array_equal(a, b)
    assert len(cache) == 4


def test_model_and_kind_are_part_of_the_key(tmp_path):
    cache = VectorCache(tmp_path)
    cache.put_many(["同一句话"], _vectors(1, seed=1), model="a", kind="passage")
    assert cache.get_many(["同一句话"], model="a", kind="query") == [None]
    assert cache.get_many(["同一句话"], model="b", kind="passage") == [None]
    assert cache.get_many(["同一句话"], model="a", kind="passage")[0] is not None
    assert content_key("a", "passage", "x") != content_key("a", "query", "x")


def test_vectors_survive_reopening_and_duplicates_share_one_row(tmp_path):
    texts = ["重复", "重复", "单独"]
    vecs = _vectors(3, seed=2)
    vecs[1] = vecs[0]
    with VectorCache(tmp_path, model="m") as cache:
        cache.put_many(texts, vecs)
    with VectorCache(tmp_path, model="m") as again:
        got = again.get_many(texts)
        assert len(again) == 2
    assert np.array_equal(got[0], got[1]) and np.array_equal(got[2], vecs[2])


def test_many_keys_are_fetched_in_chunks(tmp_path):
    cache = VectorCache(tmp_path, model="m")
    texts = [f"段落{i}" for i in range(1800)]
    vecs = _vectors(len(texts), dim=4, seed=3)
    cache.put_many(texts, vecs)
    got = cache.get_many(list(reversed(texts)))
    assert np.array_equal(np.stack(got), vecs[::-1])


def test_bad_arguments_are_named(tmp_path):
    cache = VectorCache(tmp_path)
    with pytest.raises(VectorCacheError, match="model"):
        cache.get_many(["x"])
    with pytest.raises(VectorCacheError, match="kind"):
        cache.get_many(["x"], model="m", kind="document")
    with pytest.raises(VectorCacheError, match="shape"):
        cache.put_many(["x", "y"], _vectors(3), model="m")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(VectorCacheError, match="file"):
        VectorCache(blocker / "sub")


def _writer(folder, start):
    cache = VectorCache(folder, model="m")
    for i in range(start, start + 50):
        cache.put_many([f"t{i}"], np.full((1, 4), i, dtype=np.float32))
    cache.close()


def test_two_processes_write_at_once(tmp_path):
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(tmp_path, s)) for s in (0, 50)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    got = VectorCache(tmp_path, model="m").get_many([f"t{i}" for i in range(100)])
    assert all(v is not None and v[0] == i for i, v in enumerate(got))
