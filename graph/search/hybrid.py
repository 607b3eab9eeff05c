"""Reciprocal rank fusion: combine ranked lists by rank alone, so BM25 scores and cosines need
no common scale.

score(d) = sum over lists of weight / (k + rank(d)), rank counted from 1. k = 60 is the value of
Cormack, Clarke and Büttcher (2009); the service measures its own choice on the gold dev split.
"""
from __future__ import annotations

from typing import Sequence

RRF_K = 60


def rrf(ranked: Sequence[Sequence[tuple[str, float]]], k: int = RRF_K,
        weights: Sequence[float] | None = None, limit: int | None = None) -> list[tuple[str, float]]:
    """Fuse lists of (id, score), best first, into one list of (id, fused score), best first.

    Ties keep the order in which ids were first seen, lists earlier in `ranked` first, so the
    result is deterministic.
    """
    if k < 0:
        raise ValueError(f"rrf: k must be >= 0, got {k}")
    if weights is not None and len(weights) != len(ranked):
        raise ValueError(f"rrf: {len(weights)} weights for {len(ranked)} lists")
    fused: dict[str, float] = {}
    for li, lst in enumerate(ranked):
        w = 1.0 if weights is None else float(weights[li])
        if w == 0:
            continue
        seen: set[str] = set()
        rank = 0
        for item_id, _ in lst:
            if item_id in seen:  # a list that repeats an id counts it once, at its best rank
                continue
            seen.add(item_id)
            rank += 1
            fused[item_id] = fused.get(item_id, 0.0) + w / (k + rank)
    order = sorted(fused.items(), key=lambda kv: -kv[1])  # sorted() is stable: first-seen wins ties
    return order[:limit] if limit is not None else order
