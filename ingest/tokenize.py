"""Words for lexical search: jieba for Chinese (its own dictionary), lower-cased
words for Latin text, punctuation and function words dropped.

Both passages (at ingest) and queries (at search) go through here, so they always agree.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

from .segment import cut_words
from .wordlists import table

_lock = threading.Lock()
_ready = False

_KEEP = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-']*|\d+(?:\.\d+)?")
# Function and question words, Chinese and English (lexicon/stop_words.tsv, scope "search").
STOPWORDS = frozenset(word for word, scope in table("stop_words.tsv") if scope == "search")


def _init() -> None:
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _ready = True


def tokenize(text: str) -> list[str]:
    """Search tokens of a text: Chinese words and Latin words, lower-cased."""
    out: list[str] = []
    for piece in cut_words(text):
        piece = piece.strip()
        if not piece or not _KEEP.search(piece):
            continue
        if piece.isascii():
            out.extend(w.lower() for w in _LATIN.findall(piece) if w.lower() not in STOPWORDS)
        elif piece not in STOPWORDS:
            out.append(piece)
    return out


@lru_cache(maxsize=4096)
def tokenize_query(text: str) -> tuple[str, ...]:
    """Queries also get jieba's search-engine cut so long words match their parts."""
    _init()
    import jieba
    words = tokenize(text)
    extra = [w for w in jieba.cut_for_search(text, HMM=False)
             if len(w) > 1 and not w.isascii() and w not in STOPWORDS and w not in words]
    return tuple(words + extra)
