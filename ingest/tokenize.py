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


@lru_cache(maxsize=1 << 17)
def _piece_tokens(piece: str) -> tuple[str, ...]:
    """The search tokens of one cut word (none, itself, or its Latin words lower-cased)."""
    piece = piece.strip()
    if not piece or not _KEEP.search(piece):
        return ()
    if piece.isascii():
        return tuple(w.lower() for w in _LATIN.findall(piece) if w.lower() not in STOPWORDS)
    return () if piece in STOPWORDS else (piece,)


def tokenize(text: str) -> list[str]:
    """Search tokens of a text: Chinese words and Latin words, lower-cased."""
    # per distinct word, cached: reports repeat their words (30 corpus-extra reports: 274k words, 14k
    # distinct), and the per-word tests were half of tokenize's Python time
    out: list[str] = []
    for piece in cut_words(text):
        out += _piece_tokens(piece)
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


@lru_cache(maxsize=4096)
def word_classes(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of a short text with their part-of-speech class (冯巩 nr, 引进 v)."""
    _init()
    import jieba.posseg
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text))
