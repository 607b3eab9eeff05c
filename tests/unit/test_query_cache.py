"""The query-vector cache: repeated texts are not embedded again, and a search's two texts are
embedded in one call of the engine."""
import numpy as np

from govgraph.graph.search.qcache import QueryVectorCache


class Counting:
    """A deterministic stand-in embedding (the cache's own logic is what is tested here)."""

    def __init__(self):
        self.single, self.batches = [], []

    def one(self, text):
        self.single.append(text)
        return self._vec(text)

    def many(self, texts):
        self.batches.append(list(texts))
        return np.stack([self._vec(t) for t in texts])

    @staticmethod
    def _vec(text):
        rng = np.random.default_rng(abs(hash(text)) % 2**32)
        v = rng.normal(size=8).astype(np.float32)
        return v / np.linalg.norm(v)


def test_two_missing_texts_are_embedded_in_one_call_and_remembered():
    e = Counting()
    cache = QueryVectorCache(e.one, 16, e.many)
    a, b = cache.get_many(["甲", "乙"])
    assert e.batches == [["甲", "乙"]] and e.single == []
    np.testing.assert_allclose(a, Counting._vec("甲"))
    again = cache.get_many(["乙", "丙"])
    assert e.single == ["丙"]  # 乙 came from the cache, 丙 alone needs no batch
    np.testing.assert_allclose(again[0], b)
    assert cache.hits == 1 and cache.misses == 3


def test_without_a_batch_function_texts_are_embedded_one_by_one_and_size_is_bounded():
    e = Counting()
    cache = QueryVectorCache(e.one, 2)
    cache.get_many(["a", "b", "c"])
    assert e.single == ["a", "b", "c"]
    cache.get("a")  # evicted: only the two most recent are kept
    assert e.single == ["a", "b", "c", "a"]
    vec = cache.get("a")
    assert not vec.flags.writeable
