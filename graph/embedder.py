"""The embedder the rest of govgraph uses: a sentence-transformers encoder behind a content-hash cache.

The model loads on first use, so commands that never embed (export, stats) start fast.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "multilingual-e5-small"


def default_cache_dir() -> Path:
    base = os.environ.get("GOVGRAPH_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "govgraph")
    return Path(base)


class CachedEmbedder:
    def __init__(self, model: str | None = None, cache_dir: str | os.PathLike | None = None):
        self.model_ref = model or os.environ.get("GOVGRAPH_MODEL") or DEFAULT_MODEL
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir() / "vectors"
        self._encoder = None
        self._cache = None
        self._lock = threading.Lock()

    def _load(self):
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    from .embed.cache import VectorCache
                    from .embed.encoder import Encoder
                    enc = Encoder.load(None if self.model_ref == DEFAULT_MODEL else self.model_ref)
                    self._cache = VectorCache(self.cache_dir)
                    self._encoder = enc
        return self._encoder

    @property
    def name(self) -> str:
        return self.model_ref

    @property
    def dim(self) -> int:
        return self._load().dim

    def passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        from .embed.cache import embed_cached
        enc = self._load()
        return embed_cached(enc, self._cache, list(texts), kind="passage", show_progress=show_progress)

    def warm(self) -> None:
        """Load the model and build its fast single-query path (servers call this at start-up)."""
        enc = self._load()
        prepare = getattr(enc, "prepare_fast_queries", None)
        if prepare is not None:
            prepare()

    def query(self, text: str) -> np.ndarray:
        return self._load().encode_query(text)
