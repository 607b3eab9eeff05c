"""A small thread-safe LRU of query vectors: people repeat and refine queries, and embedding one
costs more than the whole rest of a search."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

import numpy as np


class QueryVectorCache:
    def __init__(self, embed: Callable[[str], np.ndarray], size: int = 2048):
        self._embed = embed
        self._size = max(0, int(size))
        self._items: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, text: str) -> np.ndarray:
        with self._lock:
            v = self._items.get(text)
            if v is not None:
                self._items.move_to_end(text)
                self.hits += 1
                return v
        # Embed outside the lock: two threads may embed the same text once each, which is harmless.
        v = np.asarray(self._embed(text), dtype=np.float32).reshape(-1)
        v.setflags(write=False)
        with self._lock:
            self.misses += 1
            if self._size:
                self._items[text] = v
                self._items.move_to_end(text)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return v
