"""Readers keep getting answers while an ingest writes into the same store through POST /ingest."""
from __future__ import annotations

import threading
import time

import httpx

from tests.conftest import CORPUS, CORPUS_EXTRA
from tools.serve_process import serve

from .helpers import assert_no_stack_trace, record_figures
from .load import run_load
from .queries import gold_questions, mixed_requests, report_phrases, warm_up

TOKEN = "reliability-token-7f3a9c"
READERS = 4
# Reports not among the samples; one with a Chinese file name.
NEW = [CORPUS / "030_gzbg-xizang-2026.txt", CORPUS_EXTRA / "2021年坪山区政府工作报告_2021.txt"]


def test_readers_get_answers_while_an_ingest_runs(sample_store_copy, tmp_path):
    questions, phrases = gold_questions(), report_phrases(seed=9)
    with serve(["--store", str(sample_store_copy)], log=tmp_path / "serve.log",
               env={"GOVGRAPH_INGEST_TOKEN": TOKEN}, ready_path="/openapi.json", timeout=180) as app:
        warm_up(app.base, questions, phrases)
        with httpx.Client(base_url=app.base, timeout=120) as http:
            before = http.get("/stats").json()

        stop = threading.Event()
        ingest_done: dict = {}

        def ingest() -> None:
            t0 = time.monotonic()
            files = [("files", (f.name, f.read_bytes(), "text/plain")) for f in NEW]
            with httpx.Client(base_url=app.base, timeout=900) as http:
                r = http.post("/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
            ingest_done.update(status=r.status_code, body=r.json(), seconds=time.monotonic() - t0,
                               started=t0, ended=time.monotonic())
            time.sleep(2.0)   # and a little reading after it, on the new state
            stop.set()

        writer = threading.Thread(target=ingest)
        writer.start()
        result = run_load(app.base, mixed_requests(questions, phrases), clients=READERS, seconds=600,
                          max_requests=100_000, stop=stop)
        writer.join(60)
        assert not writer.is_alive()

        assert ingest_done["status"] == 200, ingest_done
        body = ingest_done["body"]
        assert body["ok"] and [f["status"] for f in body["files"]] == ["added", "added"], body
        assert not result.errors, f"{len(result.errors)} reader errors, e.g. {result.errors[:3]}"
        for s in result.samples:
            assert_no_stack_trace(s.detail)
        # Readers were answered while the ingest ran, not just before or after it (an ingest that held
        # the server's event loop would let no answer out until it ended).
        during = [s for s in result.samples
                  if ingest_done["started"] < s.started + s.seconds < ingest_done["ended"] - 0.5]
        timeline = sorted((round(s.started - ingest_done["started"], 1), round(s.seconds, 1), s.endpoint)
                          for s in result.samples)
        assert during, f"no read was answered while the ingest ran ({ingest_done['seconds']:.1f}s): {timeline}"

        with httpx.Client(base_url=app.base, timeout=120) as http:
            after = http.get("/stats").json()
            assert after["reports"] == before["reports"] + len(NEW)
            files = {r["file"] for r in http.get("/reports").json()["items"]}
            assert {f.name for f in NEW} <= files
            line = max((l for l in NEW[0].read_text("utf-8").splitlines()), key=len)[:30]
            hits = http.get("/search", params={"q": line, "k": 5}).json()["hits"]
            assert any(h["file"] == NEW[0].name for h in hits)
        assert_no_stack_trace(app.log_text(), "in the server log")

    summary = {"readers": READERS, "ingest_seconds": round(ingest_done["seconds"], 1),
               "files_ingested": len(NEW), "answered_during_ingest": len(during), **result.summary()}
    print(f"\nconcurrency: {summary}")
    record_figures("read_while_ingest", summary)
