"""Peak memory (RSS) of `govgraph serve` with the whole corpus loaded, after a few searches and
questions, beside a process that only loads the embedding model and embeds one query.

    python bench/serve_rss.py [--quick]
"""
from __future__ import annotations

import json
import os
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
from tools.serve_process import serve  # importable once common has put the repository on sys.path
from workspace import Workspace

TARGET_MB = 1536.0
READY_TIMEOUT = 300.0

MODEL_ONLY = """
import sys
sys.path.insert(0, {repo!r})
from govgraph.graph.embedder import CachedEmbedder
e = CachedEmbedder()
e.query("预热")
print("ok", flush=True)
sys.stdin.read()
"""


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


def serve_rss(path: str, ws: Workspace, n: int) -> dict:
    """Peak and final RSS of `govgraph serve --store path` after n searches and n asks."""
    # The benchmark serves its own store, never the test Neo4j a caller may have in its environment.
    env = {k: None for k in os.environ if k.startswith("GOVGRAPH_NEO4J")}
    log("starting govgraph serve --store " + path)
    with serve(["--store", path], log=ws.workdir / "serve.log", env=env, timeout=READY_TIMEOUT, cwd=REPO) as app:
        # Sampling starts once it answers; the start-up peak is still in VmHWM, which peak_rss_mb reads.
        sampler = RssSampler(app.proc.pid)
        sampler.start()
        try:
            started = peak_rss_mb(app.proc.pid)
            for q in queries(ws.quick)[:n]:
                _get(f"{app.base}/search?" + urllib.parse.urlencode({"q": q, "k": 10}))
                _get(f"{app.base}/ask?" + urllib.parse.urlencode({"q": q, "k": 10}))
            # the UI's other views load what they need too
            stats = _get(app.base + "/stats")
            time.sleep(0.5)
            peak = max(peak_rss_mb(app.proc.pid), sampler.peak)
            parts = rss_parts(app.proc.pid)
        finally:
            sampler.stop()
    return {"peak": peak, "started": started, "parts": parts, "stats": stats}


def run(ws: Workspace) -> Report:
    rep = Report()
    store = ws.embedded_store()
    path = str(store.path)
    store.flush()
    n = 10 if ws.quick else 25
    m = serve_rss(path, ws, n)
    floor, floor_parts = model_only_rss()
    rep.add(Row("memory", "govgraph serve peak RSS, whole corpus, after searches", m["peak"], "MiB",
                "model only (load + 1 query)", floor, target=("<=", TARGET_MB),
                note=f"{m['stats'].get('passages', 0):,} passages; {n} searches + {n} asks; "
                     f"RSS when ready {m['started']:.0f} MiB; at the end {m['parts']} MiB; "
                     f"model-only process: {floor_parts} MiB"))
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
