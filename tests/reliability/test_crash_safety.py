"""SIGKILL `govgraph ingest` at random moments: the store must always open and answer afterwards,
in the state before the ingest or in a state that holds only complete reports.

The kill times come from a seeded RNG, stratified over the measured duration of an uninterrupted
ingest, so the trials cover start-up, parsing, the segment and manifest writes and the index flush.
Each trial starts from a copy of one pre-built store, so no trial pays for re-ingesting the base.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from api.ingest_service import ingest_paths
from graph.store.embedded import EmbeddedStore
from tests.conftest import CORPUS, SEED, govgraph

from .helpers import GOVGRAPH, assert_no_stack_trace, check_store_consistent, record_figures

TRIALS = 20
SEED_RNG = 20240917
NEW_REPORTS = [CORPUS / "001_fzzf-szgm-2021.txt", CORPUS / "030_gzbg-xizang-2026.txt",
               CORPUS / "007_gzbg-szba-2022.txt"]
QUERY = "外语标识"   # answered by the report the store holds before every trial

pytestmark = pytest.mark.slow


def _stats(store: Path) -> dict:
    return json.loads(govgraph("stats", "--store", str(store), "--json").stdout)


def _ingest_cmd(store: Path) -> list[str]:
    return [str(GOVGRAPH), "ingest", *map(str, NEW_REPORTS), "--store", str(store), "--no-embed"]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    base = root / "base"
    govgraph("ingest", str(SEED), "--store", str(base), "--no-embed")

    # The states a crash may legally leave: the base plus the first j new reports, j = 0..3
    # (files go in the order given). Built in-process with the same service the CLI uses.
    ref = root / "reference"
    shutil.copytree(base, ref)
    states = [{"stats": _stats(ref), "files": {SEED.name}}]
    for f in NEW_REPORTS:
        store = EmbeddedStore(ref)
        summary = ingest_paths(store, [f])
        store.close()
        assert summary.ok, summary.to_dict()
        states.append({"stats": _stats(ref), "files": states[-1]["files"] | {f.name}})
    passages = check_store_consistent(ref)

    # How long an uninterrupted ingest takes here, start-up included: the window the kills spread over.
    calib = root / "calibration"
    shutil.copytree(base, calib)
    t0 = time.monotonic()
    done = subprocess.run(_ingest_cmd(calib), capture_output=True, text=True, timeout=600)
    duration = time.monotonic() - t0
    assert done.returncode == 0, done.stderr
    assert _stats(calib) == states[-1]["stats"], "the CLI and the service disagree on the final state"
    return {"root": root, "base": base, "states": states, "passages": passages, "duration": duration}


def _open_and_answer(store: Path) -> tuple[dict, dict]:
    """`govgraph stats` and `govgraph search` in fresh processes, side by side."""
    procs = [subprocess.Popen([str(GOVGRAPH), *args, "--store", str(store), "--json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for args in (["stats"], ["search", QUERY, "-k", "5"])]
    outs = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, f"{p.args} failed after a crash ({p.returncode}):\n{stderr}"
        assert_no_stack_trace(stderr, "after a crash")
        outs.append(json.loads(stdout))
    return outs[0], outs[1]


def test_sigkill_during_ingest_leaves_an_openable_consistent_store(prepared):
    rng = random.Random(SEED_RNG)
    states, duration = prepared["states"], prepared["duration"]
    outcomes: Counter[str] = Counter()
    kill_times: list[float] = []
    unfinished: list[Path] = []
    for i in range(TRIALS):
        store = prepared["root"] / f"trial-{i:02d}"
        shutil.copytree(prepared["base"], store)
        delay = duration * (i + rng.random()) / TRIALS
        proc = subprocess.Popen(_ingest_cmd(store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kill_times.append(round(delay, 2))
        proc.wait(timeout=60)
        killed = proc.returncode == -signal.SIGKILL

        stats, search = _open_and_answer(store)
        matches = [j for j, s in enumerate(states) if s["stats"] == stats]
        assert matches, f"trial {i} (kill at {delay:.2f}s) left a state that is neither before nor " \
                        f"whole reports: {stats}"
        j = matches[0]
        assert search["hits"], f"trial {i}: the store no longer answers {QUERY!r}"
        assert any(h["file"] == SEED.name for h in search["hits"])
        counts = check_store_consistent(store)
        assert set(counts) == states[j]["files"], (i, counts)
        assert all(counts[f] == prepared["passages"][f] for f in counts), f"trial {i}: a report is partial"
        if not killed:
            outcomes["finished before the kill"] += 1
            assert j == len(states) - 1
        elif j == 0:
            outcomes["killed: state before"] += 1
        elif j == len(states) - 1:
            outcomes["killed: all reports in"] += 1
        else:
            outcomes["killed: some whole reports in"] += 1
        if j < len(states) - 1:
            unfinished.append(store)

    print(f"\ncrash safety: {TRIALS} trials over {duration:.1f}s ingests -> {dict(outcomes)}")
    record_figures("crash_safety", {"trials": TRIALS, "ingest_seconds": round(duration, 2),
                                    "kills": len(kill_times), "outcomes": dict(outcomes),
                                    "kill_times_s": kill_times, "stores_opened_and_answered": TRIALS})
    assert sum(outcomes.values()) == TRIALS
    assert len(kill_times) >= TRIALS * 3 // 4, "most trials must actually kill the ingest"

    # A store an ingest died in takes the same ingest again and ends in the full state.
    if unfinished:
        redo = subprocess.run(_ingest_cmd(unfinished[-1]), capture_output=True, text=True, timeout=600)
        assert redo.returncode == 0, redo.stderr
        assert _stats(unfinished[-1]) == states[-1]["stats"]
        check_store_consistent(unfinished[-1])
