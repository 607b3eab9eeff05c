"""jieba's dictionary as a lexicon of common Chinese words and their part-of-speech tags.

Loaded once, lazily; used on short spans only, never to segment whole texts here. `cut_words` is jieba's
segmentation (HMM off) computed by jieba-rs, the same words faster (ingest/segment.py).
"""
from __future__ import annotations

import logging
from functools import lru_cache

from govgraph.ingest.segment import cut_words  # noqa: F401 - the rules' segmentation: jieba's words, cut by jieba-rs


@lru_cache(maxsize=1)
def tagger():
    """(jieba module, word -> POS tag table)."""
    import jieba
    import jieba.posseg
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba, jieba.posseg.dt.word_tag_tab


def is_word(w: str) -> bool:
    jieba, _ = tagger()
    return jieba.dt.FREQ.get(w, 0) > 0


def straddles_words(text: str, s: int, e: int) -> bool:
    """Whether a two-character span is cut across two words: 衡水 in 均衡|水平 (均衡 and 水平 are words)."""
    if s == 0 or e >= len(text):
        return False
    return is_word(text[s - 1:s + 1]) and is_word(text[e - 1:e + 1])
