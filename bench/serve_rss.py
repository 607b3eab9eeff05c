"""Peak memory (RSS) of `govgraph serve` with the whole corpus loaded, after a few searches and
questions, beside a process that only loads the embedding model and embeds one query.

    python bench/serve_rss.py [--quick]
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import common
from common import REPO, Report, Row, log, peak_rss_mb
from queries import queries
from workspace import Workspace

TARGET_MB = 1536.0
READY_TIMEOUT = 300.0

MODEL_ONLY = """
import sys
sys.path.insert(0, {repo!r})
from graph.embedder import CachedEmbedder
e = CachedEmbedder()
e.query("预热")
print("ok", flush=True)
sys.stdin.read()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def govgraph_command() -> list[str]:
    exe = Path(sys.executable).parent / "govgraph"
    if exe.exists():
        return [str(exe)]
    return [sys.executable, "-c", "from api.cli import main; main()"]


class RssSampler(threading.Thread):
    """Samples a process's RSS; VmHWM is read at the end as well, the kernel's own peak."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        import psutil
        self.proc = psutil.Process(pid)
        self.every = every
        self.peak = 0.0
        self._stop = threading.Event()

    def run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self.proc.memory_info().rss / 1024 / 1024)
            except Exception:  # noqa: BLE001 - the process ended
                return
            time.sleep(self.every)

    def stop(self) -> None:
        self._stop.set()


def _get(url: str, timeout: float = 120.0) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return json.loads(r.read().decode("utf-8"))


def rss_parts(pid: int) -> str:
    """Anonymous (heap, tensors) vs file-backed (mapped libraries and weights) resident MiB now."""
    parts = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":")[0]
            if key in ("RssAnon", "RssFile", "RssShmem"):
                parts[key] = int(line.split()[1]) / 1024
    except OSError:
        return ""
    return ", ".join(f"{k} {v:.0f}" for k, v in parts.items())


def model_only_rss() -> tuple[float, str]:
    p = subprocess.Popen([sys.executable, "-c", MODEL_ONLY.format(repo=str(REPO))], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, cwd=str(REPO))
    try:
        p.stdout.readline()
        return peak_rss_mb(p.pid), rss_parts(p.pid)
    finally:
        p.stdin.close()
        p.wait(timeout=30)


def run(ws: Workspace) -> Report:
    rep = Report()
    store = ws.embedded_store()
    path = str(store.path)
    store.flush()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVGRAPH_NEO4J")}
    log_path = ws.workdir / "serve.log"
    cmd = govgraph_command() + ["serve", "--store", path, "--port", str(port)]
    log("starting " + " ".join(cmd))
    with open(log_path, "wb") as logf:
        proc = subprocess.Popen(cmd, stdout=logf, stderr=subprocess.STDOUT, env=env, cwd=str(REPO))
    sampler = RssSampler(proc.pid)
    sampler.start()
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.time()
        while True:
            try:
                _get(base + "/health", timeout=5)
                break
            except Exception:  # noqa: BLE001 - not up yet
                if proc.poll() is not None or time.time() - t0 > READY_TIMEOUT:
                    tail = log_path.read_text(errors="replace")[-1500:]
                    raise RuntimeError(f"govgraph serve did not come up: {tail}")
                time.sleep(0.5)
        started = peak_rss_mb(proc.pid)
        n = 10 if ws.quick else 25
        for q in queries(ws.quick)[:n]:
            _get(f"{base}/search?" + urllib.parse.urlencode({"q": q, "k": 10}))
            _get(f"{base}/ask?" + urllib.parse.urlencode({"q": q, "k": 10}))
        # the UI's other views load what they need too
        stats = _get(base + "/stats")
        time.sleep(0.5)
        peak = max(peak_rss_mb(proc.pid), sampler.peak)
        parts = rss_parts(proc.pid)
    finally:
        sampler.stop()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    floor, floor_parts = model_only_rss()
    rep.add(Row("memory", "govgraph serve peak RSS, whole corpus, after searches", peak, "MiB",
                "model only (load + 1 query)", floor, target=("<=", TARGET_MB),
                note=f"{stats.get('passages', 0):,} passages; {n} searches + {n} asks; "
                     f"RSS when ready {started:.0f} MiB; at the end {parts} MiB; "
                     f"model-only process: {floor_parts} MiB"))
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
