"""Neo4j dies under a running API: reads answer 503 with a clear problem, the API process lives on,
and when Neo4j comes back (same data folder, same port) the service resumes by itself with every
write that had reported success.

The test runs its own Neo4j (tools/neo4j_server.py's launcher with a data folder of its own), so the
shared test server is never touched. It still asks for GOVGRAPH_NEO4J_URI, so that a run without
Neo4j fails here instead of skipping.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import time

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, SEED, govgraph
from tools.serve_process import free_port, serve

from .helpers import assert_no_stack_trace, record_figures

sys.path.insert(0, str(ROOT / "tools"))
import neo4j_server  # noqa: E402  (tools/ is not a package)

pytestmark = pytest.mark.neo4j

TOKEN = "fault-token-5b1e"
BEFORE_STOP = CORPUS / "001_fzzf-szgm-2021.txt"
AFTER_RESUME = CORPUS / "030_gzbg-xizang-2026.txt"


def _upload(http: httpx.Client, path) -> httpx.Response:
    return http.post("/ingest", headers={"Authorization": f"Bearer {TOKEN}"},
                     files=[("files", (path.name, path.read_bytes(), "text/plain"))])


def _wait_until(fn, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(0.5)
    raise AssertionError(f"{what} within {timeout:.0f}s; last: {last!r}")


def test_neo4j_outage_gives_503_then_the_service_resumes_without_losing_writes(neo4j_uri, tmp_path):
    data = tmp_path / "neo4j-data"
    port = free_port()
    server = neo4j_server.start_server(port=port, data_dir=data)
    figures: dict = {"neo4j_start_seconds": round(server.startup_seconds, 1)}
    try:
        uri = server.uri
        assert uri.endswith(f":{port}") and uri != neo4j_uri
        govgraph("ingest", str(SEED), "--neo4j", uri, "--no-embed")

        with serve(["--neo4j", uri], log=tmp_path / "serve.log", env={"GOVGRAPH_INGEST_TOKEN": TOKEN},
                   ready_path="/openapi.json", timeout=180) as app, \
                httpx.Client(base_url=app.base, timeout=120) as http:
            assert http.get("/stats").json()["reports"] == 1
            assert http.get("/search", params={"q": "外语标识"}).json()["hits"]
            r = _upload(http, BEFORE_STOP)
            assert r.status_code == 200 and r.json()["ok"], r.text
            assert r.json()["files"][0]["status"] == "added"
            stats_before = http.get("/stats").json()
            assert stats_before["reports"] == 2

            # -- the outage: Neo4j is killed outright (no clean shutdown) ---------------------------
            os.kill(server.pid, signal.SIGKILL)
            server.process.wait(timeout=30)
            t0 = time.monotonic()
            outage = [("/search", {"q": "法治政府建设"}), ("/stats", {}), ("/ask", {"q": "哪些部门开展了外语培训？"}),
                      ("/health", {}), ("/reports", {}), ("/entities", {"label": "Agency"}),
                      ("/search", {"q": "国际交流", "mode": "bm25"}), ("/stats", {})]
            for path, params in outage:
                r = http.get(path, params=params)
                assert r.status_code == 503, (path, r.status_code, r.text[:300])
                assert r.headers["content-type"].startswith("application/problem+json")
                body = r.json()
                assert body["status"] == 503 and body["title"] == "Store unavailable", body
                assert "Neo4j" in body["detail"] and "unreachable" in body["detail"], body
                assert_no_stack_trace(r.text)
            figures["seconds_to_answer_outage_requests"] = round(time.monotonic() - t0, 1)
            figures["outage_requests_503"] = len(outage)
            # A write during the outage is refused cleanly too, and the API process is still there.
            r = _upload(http, AFTER_RESUME)
            assert r.status_code in (200, 503), r.text
            if r.status_code == 200:
                assert not r.json()["ok"] and "unreachable" in r.json()["files"][0]["error"]
            assert_no_stack_trace(r.text)
            assert app.proc.poll() is None, "the API process died with Neo4j"
            # The command line says the same in one line and exit status 3.
            cli = govgraph("stats", "--neo4j", uri, "--json", check=False, timeout=120)
            assert cli.returncode == 3 and "unavailable" in cli.stderr
            assert len(cli.stderr.strip().splitlines()) == 1 and "Traceback" not in cli.stderr

            # -- Neo4j returns on the same port with the same data folder --------------------------
            server = neo4j_server.start_server(port=port, data_dir=data)
            t1 = time.monotonic()
            resumed = _wait_until(lambda: (lambda r: r.json() if r.status_code == 200 else None)(
                http.get("/stats")), 120, "the API did not resume")
            figures["seconds_to_resume_after_neo4j_ready"] = round(time.monotonic() - t1, 1)
            assert resumed == stats_before, "a write that reported success was lost"
            hits = http.get("/search", params={"q": "光明区", "k": 20}).json()["hits"]
            assert any(h["file"] == BEFORE_STOP.name for h in hits)
            r = _upload(http, AFTER_RESUME)
            assert r.status_code == 200 and r.json()["ok"], r.text
            assert http.get("/stats").json()["reports"] == 3
            assert app.proc.poll() is None
        # And the data outlives the API too: a fresh process sees all three reports.
        final = json.loads(govgraph("stats", "--neo4j", server.uri, "--json").stdout)
        assert final["reports"] == 3
    finally:
        server.stop()
    figures.update({"kill": "SIGKILL", "writes_kept": True, "api_restarted": False})
    print(f"\nneo4j faults: {figures}")
    record_figures("neo4j_faults", figures)
