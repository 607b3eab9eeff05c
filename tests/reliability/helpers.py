"""What the reliability tests share: store checks, the figures file, the CLI (serving: tools/serve_process.py)."""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

from govgraph.graph.store.embedded import EmbeddedStore
from tests.conftest import ROOT

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
