"""jieba's precise cut without its HMM, computed by jieba-rs (the `rjieba` binding).

jieba-rs reads the same dictionary with the same algorithm (prefix DAG, max log-frequency route,
runs of single Latin characters joined), so the words are jieba.lcut(text, HMM=False)'s exactly: equal
on all 155 shared reports cut whole and on 200,000 random slices of them (tools/batch_dump.py checks
the whole pipeline's output). It cuts ~20x faster (3.0M characters: 12.0 s of CPU in jieba, 0.55 s
here), which matters because every passage is cut for its search tokens (a third of build_batch's CPU
with jieba) and the extraction rules cut ~10,000 short spans per 100k characters. jieba itself stays
for what jieba-rs has no Python form of: its frequency table and part-of-speech tags
(ingest/extract/words.py).
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _segmenter():
    import rjieba  # loads its dictionary (0.2 s): only when something is cut

    return rjieba


def cut_words(text: str) -> list[str]:
    """The words of `text`, as jieba.lcut(text, HMM=False) gives them."""
    return _segmenter().cut(text, hmm=False)
