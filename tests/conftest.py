"""Shared fixtures: the sample store, a served app, and the rule that Neo4j tests never skip."""
from __future__ import annotations
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Re-exported: tests/neo4j/test_neo4j_store.py imports free_port from here.
from tools.serve_process import free_port, serve  # noqa: F401

# Property tests draw the same examples on every run: CI must be reproducible, and a
# failing example found while developing belongs in a test of its own.
hypothesis_settings.register_profile("govgraph", derandomize=True, database=None)
hypothesis_settings.load_profile("govgraph")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SAMPLES = ROOT / "data" / "samples"
CORPUS = _CORPUS
CORPUS_EXTRA = _CORPUS_EXTRA
SEED = SAMPLES / "000_seed-dongcheng-waiban-fzzf-2021.txt"


def pytest_collection_modifyitems(config, items):
    # Tests under tests/neo4j and tests/contract talk to the real server.
    for item in items:
        if "/tests/neo4j/" in str(item.fspath):
            item.add_marker(pytest.mark.neo4j)


def pytest_sessionfinish(session, exitstatus):
    """A run that collected nothing, or skipped a Neo4j test, is a failed run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or session.config.option.collectonly:
        return
    skipped = reporter.stats.get("skipped", [])
    neo_skips = [r for r in skipped if "neo4j" in getattr(r, "keywords", {})]
    if neo_skips:
        reporter.write_line(f"FAIL: {len(neo_skips)} Neo4j test(s) were skipped; a skipped Neo4j test "
                            "is a failed test", red=True)
        session.exitstatus = 1
    if session.testscollected == 0:
        session.exitstatus = 1


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    uri = os.environ.get("GOVGRAPH_NEO4J_URI")
    if not uri:
        pytest.fail("GOVGRAPH_NEO4J_URI is not set: run the suite with `make test`, which starts Neo4j")
    return uri


def govgraph(*args: str, check: bool = True, env: dict | None = None, timeout: float = 900):
    """Run the installed CLI as a user would."""
    exe = Path(sys.executable).parent / "govgraph"
    res = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout,
                         env={**os.environ, **(env or {})})
    if check and res.returncode != 0:
        raise AssertionError(f"govgraph {' '.join(args)} failed ({res.returncode}):\n{res.stderr}")
    return res


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """The sample reports ingested with embeddings, once per session. Tests must not write to it."""
    store = tmp_path_factory.mktemp("sample-store") / "store"
    govgraph("ingest", str(SAMPLES), "--store", str(store), "--json")
    return store


@pytest.fixture
def sample_store_copy(sample_store, tmp_path) -> Path:
    dest = tmp_path / "store"
    shutil.copytree(sample_store, dest)
    return dest


@pytest.fixture(scope="session")
def served_app(sample_store, tmp_path_factory):
    """`govgraph serve` on the sample store, on a free port; yields the base URL."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serve(["--store", str(sample_store)], log=log) as app:
        yield app.base


# Session-wide, not in tests/browser: Playwright's sync API allows one instance per thread, and
# tests/browser and tests/packaging drive the same Chromium.
@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not CHROMIUM.exists():
        subprocess.run(["sh", str(ROOT / "tools" / "install_chromium.sh")], check=True)
    assert CHROMIUM.exists(), "tools/install_chromium.sh did not provide /usr/bin/chromium"
    return str(CHROMIUM)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
