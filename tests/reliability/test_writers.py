"""Many writers, one embedded store (issue 14): nothing a command reported `added` is lost.

- 8 `govgraph ingest` processes at once, 5 seeded rounds: the store ends equal to a serial ingest.
- A writer SIGKILLed while it holds the lock: the next writer waits, then proceeds; `--wait` gives up
  with exit 3 and a clear message while the holder lives.
- `govgraph serve` answering 16 readers while command-line ingests write: no reader error, the new
  reports are served within 2 s of each command's exit, and a write through the server keeps them.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from govgraph.api.ingest_service import ingest_paths
from govgraph.graph.export import export
from govgraph.graph.store.embedded import EmbeddedStore
from tools.serve_process import serve

from .helpers import GOVGRAPH, assert_no_stack_trace, check_store_consistent, record_figures
from .load import run_load
from .writers import small_reports

WRITERS = 8
FILES_PER_WRITER = 2
ROUNDS = 5
SEED = 1414
READERS = 16
VISIBLE_WITHIN_S = 2.0
TOKEN = "writers-token-51c2"


def _export(store: Path, out: Path) -> str:
    s = EmbeddedStore(store)
    try:
        export(s, "jsonl", out)
    finally:
        s.close()
    return out.read_text("utf-8")


def _ingest_cmd(files: list[Path], store: Path, *extra: str) -> list[str]:
    return [str(GOVGRAPH), "ingest", *map(str, files), "--store", str(store), "--no-embed", *extra]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("writers")
    files = small_reports(root / "reports", WRITERS * FILES_PER_WRITER + 4)
    serial = root / "serial"
    store = EmbeddedStore(serial)
    summary = ingest_paths(store, files[:WRITERS * FILES_PER_WRITER])
    store.close()
    assert summary.ok, summary.to_dict()
    return {"root": root, "files": files, "serial": serial,
            "serial_export": _export(serial, root / "serial.jsonl"),
            "passages": check_store_consistent(serial)}


def test_concurrent_ingest_processes_lose_no_report(reports):
    rng = random.Random(SEED)
    files = reports["files"][:WRITERS * FILES_PER_WRITER]
    rounds = []
    for r in range(ROUNDS):
        store = reports["root"] / f"round-{r}"
        order = files[:]
        rng.shuffle(order)
        delays = [rng.uniform(0.0, 1.0) for _ in range(WRITERS)]
        procs = []
        t0 = time.monotonic()
        for w in range(WRITERS):
            mine = order[w * FILES_PER_WRITER:(w + 1) * FILES_PER_WRITER]
            # Seeded start times spread the writers over each other's start-up and writes.
            cmd = ["/bin/sh", "-c", f'sleep {delays[w]:.3f}; exec "$@"', "sh", *_ingest_cmd(mine, store, "--json")]
            procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        added: set[str] = set()
        waited = 0
        for p in procs:
            out, errs = p.communicate(timeout=600)
            assert p.returncode == 0, f"round {r}: {p.args} exited {p.returncode}:\n{errs}"
            assert_no_stack_trace(errs)
            added |= {f["file"] for f in json.loads(out)["files"] if f["status"] == "added"}
            waited += "waiting for another process" in errs
        seconds = time.monotonic() - t0
        assert added == {f.name for f in files}, f"round {r}: not every file was added: {added}"
        counts = check_store_consistent(store)
        assert counts == reports["passages"], f"round {r}: the store lost or cut reports: {counts}"
        assert _export(store, reports["root"] / f"round-{r}.jsonl") == reports["serial_export"], \
            f"round {r}: the graph differs from a serial ingest of the same reports"
        rounds.append({"seconds": round(seconds, 1), "writers_that_waited": waited})
    figures = {"writers": WRITERS, "files_per_writer": FILES_PER_WRITER, "rounds": ROUNDS,
               "reports_lost": 0, "rounds_detail": rounds}
    print(f"\nconcurrent writers: {figures}")
    record_figures("concurrent_writers", figures)


_HOLDER = """
import sys, time
from govgraph.graph.store.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
with store._writing():
    # a segment written but never named by a manifest: what a writer killed mid-write leaves
    (store.path / "segments" / "torn-0000.pkl").write_bytes(b"half a segment")
    print("holding", flush=True)
    time.sleep(600)
"""


def _lines(stream, into: list[str]) -> threading.Thread:
    t = threading.Thread(target=lambda: into.extend(iter(stream.readline, "")), daemon=True)
    t.start()
    return t


def test_a_sigkilled_lock_holder_releases_the_store(reports, tmp_path):
    store = tmp_path / "store"
    first, second, third = reports["files"][-3:]
    subprocess.run(_ingest_cmd([first], store), check=True, capture_output=True, timeout=300)
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(store)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"

        # While the holder lives, a writer that will not wait long gives up cleanly, writing nothing.
        busy = subprocess.run(_ingest_cmd([second], store, "--wait", "1"), capture_output=True, text=True,
                              timeout=300)
        assert busy.returncode == 3, busy.stderr
        assert "being written by another process" in busy.stderr and "--wait" in busy.stderr, busy.stderr
        assert_no_stack_trace(busy.stderr)

        writer = subprocess.Popen(_ingest_cmd([second, third], store, "--wait", "120"), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        errs: list[str] = []
        reader = _lines(writer.stderr, errs)
        deadline = time.monotonic() + 120
        while not any("waiting for another process" in line for line in errs):
            assert writer.poll() is None, f"the writer did not wait: {errs}"
            assert time.monotonic() < deadline, f"no waiting line from the writer: {errs}"
            time.sleep(0.05)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(30)
    writer.wait(timeout=300)
    reader.join(10)
    assert writer.returncode == 0, "".join(errs)
    counts = check_store_consistent(store)
    assert set(counts) == {first.name, second.name, third.name}
    assert all(counts[f] == reports["passages"].get(f, counts[f]) for f in counts)
    assert not (store / "segments" / "torn-0000.pkl").exists(), "the dead writer's torn segment was kept"


def _phrases(files: list[Path], n: int, rng: random.Random) -> list[str]:
    lines = [line.strip() for f in files for line in f.read_text("utf-8").splitlines() if len(line.strip()) >= 12]
    out = []
    for _ in range(n):
        line = rng.choice(lines)
        start = rng.randrange(0, len(line) - 8)
        out.append(line[start:start + 8])
    return out


def _wait_warm(base: str, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not httpx.get(base + "/health", timeout=30).json()["warm"]:
        assert time.monotonic() < deadline, f"the server was not warm after {seconds} s"
        time.sleep(0.2)


def test_server_serves_command_line_writes_while_answering_readers(reports, tmp_path):
    files = reports["files"]
    base_files, cli_files, http_file = files[:2], files[2:8], files[8]
    store = tmp_path / "store"
    subprocess.run(_ingest_cmd(base_files, store), check=True, capture_output=True, timeout=300)
    rng = random.Random(SEED)
    phrases = _phrases(files[:9], 200, rng)

    def next_request(r: random.Random) -> tuple[str, dict]:
        x = r.random()
        if x < 0.6:
            return "/search", {"q": r.choice(phrases), "k": r.choice((5, 10))}
        return ("/stats", {}) if x < 0.8 else ("/reports", {})

    with serve(["--store", str(store)], log=tmp_path / "serve.log", env={"GOVGRAPH_INGEST_TOKEN": TOKEN}) as app:
        # The bound is for following writes. In its first seconds a server loads its model,
        # dictionaries and GeoNames index beside the requests (then one whole-heap collection): a
        # first batch written then showed 1.0-2.0 s late (CI once 2.01 s), later ones 0.02-0.05 s.
        # Measured after warm-up, all three showed in 0.02-0.03 s. /health says when it is done.
        _wait_warm(app.base)
        stop = threading.Event()
        result: dict = {}
        loader = threading.Thread(target=lambda: result.update(
            load=run_load(app.base, next_request, clients=READERS, seconds=600, max_requests=1_000_000, stop=stop)))
        loader.start()
        lags = []
        try:
            with httpx.Client(base_url=app.base, timeout=60) as http:
                for i in range(0, len(cli_files), 2):
                    batch = cli_files[i:i + 2]
                    done = subprocess.run(_ingest_cmd(batch, store), capture_output=True, text=True, timeout=600)
                    exited = time.monotonic()
                    assert done.returncode == 0, done.stderr
                    want = {f.name for f in batch}
                    while not want <= {r["file"] for r in http.get("/reports").json()["items"]}:
                        assert time.monotonic() - exited < 30, f"the server never showed {want}"
                        time.sleep(0.05)
                    lags.append(time.monotonic() - exited)
                # A write through the server after the outside ones keeps them all.
                r = http.post("/ingest", files=[("files", (http_file.name, http_file.read_bytes(), "text/plain"))],
                              headers={"Authorization": f"Bearer {TOKEN}"})
                assert r.status_code == 200 and r.json()["ok"], r.text
                time.sleep(1.0)   # and some reading on the final state
                health = http.get("/health").json()
                served = {r["file"] for r in http.get("/reports").json()["items"]}
        finally:
            stop.set()
            loader.join(120)
        assert_no_stack_trace(app.log_text(), "in the server log")

    load = result["load"]
    assert not load.errors, f"{len(load.errors)} reader errors, e.g. {load.errors[:3]}"
    assert served == {f.name for f in files[:9]}
    manifest = json.loads((store / "manifest.json").read_text("utf-8"))
    assert health["generation"] == manifest["version"] and health["reports"] == 9, health
    check_store_consistent(store)
    assert max(lags) < VISIBLE_WITHIN_S, f"new reports showed {[round(x, 2) for x in lags]} s after the command"
    figures = {"readers": READERS, "cli_ingests": len(lags), "visible_after_exit_s": [round(x, 2) for x in lags],
               **load.summary()}
    print(f"\nserver follows writes: {figures}")
    record_figures("server_follows_writes", figures)
