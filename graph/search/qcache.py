"""A small thread-safe LRU of query vectors: people repeat and refine queries, and embedding one
costs more than the whole rest of a search."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

import numpy as np


class QueryVectorCache:
    def __init__(self, embed: Callable[[str], np.ndarray], size: int = 2048,
                 embed_many: Callable[[list[str]], np.ndarray] | None = None):
        self._embed = embed
        self._embed_many = embed_many
        self._size = max(0, int(size))
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, text: str) -> np.ndarray:
        return self.get_many([text])[0]

    def get_many(self, texts: list[str]) -> list[np.ndarray]:
        """Vectors of `texts`; those not remembered are embedded together in one call."""
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for t in texts:
                v = self._items.get(t)
                if v is not None:
                    self._items.move_to_end(t)
                    self.hits += 1
                    found[t] = v
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            # Embed outside the lock: two threads may embed the same text once each, which is harmless.
            if len(missing) > 1 and self._embed_many is not None:
                rows = list(np.asarray(self._embed_many(missing), dtype=np.float32).reshape(len(missing), -1))
            else:
                rows = [np.asarray(self._embed(t), dtype=np.float32).reshape(-1) for t in missing]
            with self._lock:
                for t, v in zip(missing, rows):
                    v.setflags(write=False)
                    found[t] = v
                    self.misses += 1
                    if self._size:
                        self._items[t] = v
                        self._items.move_to_end(t)
                        while len(self._items) > self._size:
                            self._items.popitem(last=False)
        return [found[t] for t in texts]
