"""What the reliability tests share: a served API in its own process, store checks, the figures file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from graph.store.embedded import EmbeddedStore
from tests.conftest import ROOT, free_port, wait_http

FIGURES = ROOT / "docs" / "reliability-figures.json"
GOVGRAPH = Path(sys.executable).parent / "govgraph"
STACK_MARKERS = ("Traceback", 'File "')
_figures_lock = threading.Lock()


def record_figures(section: str, data: dict) -> None:
    """Merge one test's measured figures into docs/reliability-figures.json (the README quotes them)."""
    with _figures_lock:
        try:
            all_figures = json.loads(FIGURES.read_text("utf-8"))
        except (OSError, ValueError):
            all_figures = {}
        # The machine's load average says how far the figures are from an idle machine.
        all_figures[section] = {**data, "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                                "cpus": os.cpu_count(), "load_average_1m": round(os.getloadavg()[0], 1)}
        FIGURES.parent.mkdir(parents=True, exist_ok=True)
        tmp = FIGURES.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(all_figures, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(tmp, FIGURES)


def assert_no_stack_trace(body: str, where: str = "") -> None:
    for marker in STACK_MARKERS:
        assert marker not in body, f"stack trace leaked {where}: {body[:500]}"


class Served:
    """A `govgraph serve` process; `base` is its URL and `log` its combined output."""

    def __init__(self, proc: subprocess.Popen, base: str, log: Path):
        self.proc, self.base, self.log = proc, base, log

    def log_text(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


@contextmanager
def serve(args: list[str], log: Path, env: dict | None = None, timeout: float = 180) -> Iterator[Served]:
    """Start `govgraph serve ARGS` on a free port and stop it afterwards whatever happens."""
    port = free_port()
    with open(log, "w") as fh:
        proc = subprocess.Popen([str(GOVGRAPH), "serve", *args, "--port", str(port)],
                                stdout=fh, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/openapi.json", timeout=timeout)
        yield Served(proc, base, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def check_store_consistent(path: Path) -> dict:
    """Open an embedded store afresh and check every report is whole: it has passages, every passage
    and every piece of evidence slices the report text exactly. Returns {file: passage count}."""
    store = EmbeddedStore(path)
    try:
        counts: dict[str, int] = {}
        texts: dict[str, str] = {}
        for r in store.reports():
            passages = store.passages_of(r.id)
            assert passages, f"report {r.file} has no passages"
            text = store.report_text(r.id)
            texts[r.id] = text
            for p in passages:
                assert 0 <= p.start < p.end <= len(text), (r.file, p.id, p.start, p.end)
                assert text[p.start:p.end] == p.text, (r.file, p.id)
            counts[r.file] = len(passages)
        for item in [*store.iter_nodes(), *store.iter_edges()]:
            for ev in item.evidence:
                assert ev.report in texts, f"evidence points to a report not in the store: {ev}"
                assert texts[ev.report][ev.start:ev.end] == ev.text, ev
        return counts
    finally:
        store.close()
