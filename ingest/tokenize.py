"""Words for lexical search: jieba for Chinese (with the project's dictionaries), lower-cased
words for Latin text, punctuation and function words dropped.

Both passages (at ingest) and queries (at search) go through here, so they always agree.
"""
from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

_LEXICON = Path(__file__).parent / "lexicon"
_lock = threading.Lock()
_ready = False

_KEEP = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-']*|\d+(?:\.\d+)?")
STOPWORDS = frozenset(
    "的 了 和 与 及 等 在 对 将 为 是 以 于 并 把 被 从 中 上 下 各 有 也 就 都 而 或 其 之 这 那 个 "
    "哪些 哪个 哪项 哪 什么 谁 如何 怎样 是否 吗 呢 啊 "
    "a an the of and or to in on for by with from at as is are was were be been which what who whom "
    "how did does do has have had that this these those it its their there".split())


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
        for f in sorted(_LEXICON.glob("jieba_*.txt")):
            jieba.load_userdict(str(f))
        _ready = True


def tokenize(text: str) -> list[str]:
    """Search tokens of a text: Chinese words and Latin words, lower-cased."""
    _init()
    import jieba
    out: list[str] = []
    for piece in jieba.cut(text, HMM=False):
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
