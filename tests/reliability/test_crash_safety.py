"""SIGKILL `govgraph ingest` at random moments: the store must always open and answer afterwards,
in the state before the ingest or in a state that holds only complete reports.

Kill times come from a seeded RNG. Start-up (imports, the jieba dictionary) writes nothing, so a
quarter of the trials are killed at a time spread over the start-up of a calibration run; the rest
watch their own store and are killed at a time spread over the write window measured in calibration,
counted from the first file the ingest writes (segment, temporary file or manifest): parsing of the
later reports, their segment and manifest writes and the index flush. Timing from the store's own
activity keeps the kills inside the writes even when the machine's load makes start-up slow. Each trial starts from a copy of one pre-built store, so no trial pays
for re-ingesting the base. Trials run two at a time, and the fresh-process checks after all the kills.
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from govgraph.api.ingest_service import ingest_paths
from govgraph.graph.store.embedded import EmbeddedStore
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
    before = _store_state(calib)
    t0 = time.monotonic()
    proc = subprocess.Popen(_ingest_cmd(calib), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first_write = _wait_for_activity(calib, before, proc)
    first_write = (first_write or time.monotonic()) - t0
    proc.wait(timeout=600)
    duration = time.monotonic() - t0
    assert proc.returncode == 0, proc.stderr.read()
    assert _stats(calib) == states[-1]["stats"], "the CLI and the service disagree on the final state"
    return {"root": root, "base": base, "states": states, "passages": passages, "duration": duration,
            "first_write": first_write}


def _store_state(store: Path) -> tuple:
    names = frozenset(os.listdir(store)) | frozenset("segments/" + n for n in os.listdir(store / "segments"))
    return names, (store / "manifest.json").stat().st_mtime_ns


def _wait_for_activity(store: Path, before: tuple, proc: subprocess.Popen) -> float | None:
    """The moment the ingest first changes the store folder, or None if it ended first."""
    while proc.poll() is None:
        try:
            if _store_state(store) != before:
                return time.monotonic()
        except FileNotFoundError:   # a temporary file renamed while we listed: that is activity
            return time.monotonic()
        time.sleep(0.003)
    return None


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


def _plan(rng: random.Random, duration: float, first_write: float) -> list[tuple[str, float]]:
    """(anchor, delay) per trial, stratified: a quarter from process start over start-up, the rest
    from the store's first change over the write window."""
    early = TRIALS // 4
    plan = [("start", first_write * (i + rng.random()) / early) for i in range(early)]
    window = max(duration - first_write, 0.2)
    rest = TRIALS - early
    plan += [("first write", window * (i + rng.random()) / rest) for i in range(rest)]
    return plan


def test_sigkill_during_ingest_leaves_an_openable_consistent_store(prepared):
    rng = random.Random(SEED_RNG)
    states, duration = prepared["states"], prepared["duration"]
    plan = _plan(rng, duration, prepared["first_write"])

    def trial(i: int) -> tuple[Path, float, bool, int]:
        anchor, delay = plan[i]
        store = prepared["root"] / f"trial-{i:02d}"
        retries = 0
        # An ingest that ends before its kill time (the machine ran faster than in calibration) is
        # tried again with half the delay, so that every trial really is a kill.
        for _attempt in range(4):
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(prepared["base"], store)
            before = _store_state(store)
            proc = subprocess.Popen(_ingest_cmd(store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if anchor == "first write":
                _wait_for_activity(store, before, proc)
            time.sleep(delay)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
            if proc.returncode == -signal.SIGKILL:
                break
            retries += 1
            delay /= 2
        return store, delay, proc.returncode == -signal.SIGKILL, retries

    # Two trials at a time (two cores); each times its kill from its own process and store.
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(trial, range(TRIALS)))
    trials = [(store, delay, killed) for store, delay, killed, _ in done]
    finished_first = sum(r for *_, r in done)

    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(lambda t: _open_and_answer(t[0]), trials))

    outcomes: Counter[str] = Counter()
    unfinished: list[Path] = []
    for i, ((store, delay, killed), (stats, search)) in enumerate(zip(trials, answers)):
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

    kills = sum(1 for _, _, killed in trials if killed)
    print(f"\ncrash safety: {TRIALS} trials over {duration:.1f}s ingests (first write at "
          f"{prepared['first_write']:.1f}s) -> {dict(outcomes)}")
    record_figures("crash_safety", {"trials": TRIALS, "ingest_seconds": round(duration, 2),
                                    "first_write_seconds": round(prepared["first_write"], 2),
                                    "kills": kills, "outcomes": dict(outcomes),
                                    "retried_because_the_ingest_finished_first": finished_first,
                                    "kill_plan_s": [[a, round(d, 3)] for a, d in plan],
                                    "stores_opened_and_answered": TRIALS})
    assert sum(outcomes.values()) == TRIALS
    assert kills == TRIALS, "every trial must really kill the ingest"

    # A store an ingest died in takes the same ingest again and ends in the full state.
    if unfinished:
        redo = subprocess.run(_ingest_cmd(unfinished[-1]), capture_output=True, text=True, timeout=600)
        assert redo.returncode == 0, redo.stderr
        assert _stats(unfinished[-1]) == states[-1]["stats"]
        check_store_consistent(unfinished[-1])
