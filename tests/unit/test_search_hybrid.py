"""Reciprocal rank fusion."""
import pytest

from govgraph.graph.search.hybrid import rrf


def test_documents_ranked_well_by_both_lists_win():
    bm25 = [("a", 9.0), ("b", 5.0), ("c", 1.0)]
    vec = [("b", 0.9), ("d", 0.8), ("a", 0.1)]
    fused = rrf([bm25, vec], k=60)
    ids = [i for i, _ in fused]
    assert ids[:2] == ["b", "a"] or ids[:2] == ["a", "b"]
    assert set(ids) == {"a", "b", "c", "d"}
    # b: 1/62 + 1/61 beats a: 1/61 + 1/63
    assert ids[0] == "b"
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_scores_not_ranks_are_ignored_and_ties_keep_first_seen_order():
    fused = rrf([[("x", 100.0)], [("y", 0.001)]], k=60)
    assert [i for i, _ in fused] == ["x", "y"]
    assert fused[0][1] == fused[1][1]


def test_weights_and_limit():
    bm25 = [("a", 1.0), ("b", 0.5)]
    vec = [("b", 1.0), ("a", 0.5)]
    assert rrf([bm25, vec], weights=[2.0, 1.0])[0][0] == "a"
    assert rrf([bm25, vec], weights=[1.0, 2.0])[0][0] == "b"
    assert len(rrf([bm25, vec], limit=1)) == 1
    assert rrf([bm25, vec], weights=[0.0, 1.0])[0][0] == "b"


def test_repeated_id_counts_once_and_empty_lists():
    assert rrf([[("a", 1.0), ("a", 0.5)]], k=0) == [("a", 1.0)]
    assert rrf([[], []]) == []


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="weights"):
        rrf([[("a", 1.0)]], weights=[1.0, 2.0])
    with pytest.raises(ValueError, match="k must"):
        rrf([[("a", 1.0)]], k=-1)
