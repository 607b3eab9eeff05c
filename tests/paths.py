"""Where the shared corpus is: GOVGRAPH_SHARED, else ../shared beside the checkout, else /work/shared.

CI runs from a fresh clone whose location is not fixed, so no test may assume ../shared.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    env = os.environ.get("GOVGRAPH_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [ROOT.parent / "shared", Path("/work/shared")]
    for c in candidates:
        if (c / "corpus").is_dir():
            return c
    return candidates[-1]


SHARED = _shared()
CORPUS = SHARED / "corpus"
CORPUS_EXTRA = SHARED / "corpus-extra"
