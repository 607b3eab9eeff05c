"""Letting go of a store that a long-lived reader (the server) replaced with a newer generation.

The server freezes what it has loaded (`gc.freeze`), so that full collections do not walk its
dictionaries and indexes in the middle of a request. A replaced store is freed by reference
counting as soon as the last request in flight lets go of it. Only when something it owned is
cyclic (the networkx graph of the analytics views) or it stays referenced must the collector
walk the whole heap, which holds the interpreter for 0.1-0.5 s on a quiet machine and up to 2.4 s
under load (measured in tests/reliability/test_writers.py, 16 readers): a reload that always
collected made a command's reports show up to 2.9 s after it exited. So: only then, and only
after the new store is already serving.
"""
from __future__ import annotations

import gc
import threading
import time
import weakref

from govgraph.graph.store import GraphStore

CHECK_SECONDS = 1.0
CHECKS = 5

_collecting = threading.Lock()


def release_later(old: GraphStore) -> None:
    """Watch `old` go, in the background; collect cycles only if it leaves some behind."""
    cyclic = old.holds_cycles()
    try:
        ref = weakref.ref(old)
    except TypeError:       # a store class without weak references: assume the worst
        ref, cyclic = (lambda: None), True
    threading.Thread(target=_release, args=(ref, cyclic), name="govgraph-release", daemon=True).start()


def _release(ref, cyclic: bool) -> None:
    for _ in range(CHECKS):
        time.sleep(CHECK_SECONDS)
        if ref() is None:
            break
    with _collecting:
        if cyclic or ref() is not None:
            gc.unfreeze()
            gc.collect()
        # what the new store loaded joins the frozen rest (a list splice, no walk)
        gc.freeze()
