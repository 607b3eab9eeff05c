"""Embedding speed of ingest: the embedding step as it is now against the path before it (issue 15:
>= 3x the throughput at equal quality), on the same reports in the same run.

Each path runs in its own fresh process (an engine's threads and memory never share a process with
the other's), with its own empty vector cache, on the very texts ingest embeds (graph.vectorize:
passages and entities). The two paths alternate round by round so the shared machine's load falls on
both alike; the figure is the median over rounds of report characters per second, wall and CPU.

- old: the torch engine (bf16 autocast on AMX CPUs, token-budget batches), one text embedded per
  entity: GOVGRAPH_EMBED_ENGINE=torch, GOVGRAPH_ENTITY_VECTORS=text.
- new: what ingest does now: OpenVINO on a CPU (two streams); entity vectors as the caller's
  GOVGRAPH_ENTITY_VECTORS says (default: their own text; `span`: pooled from their passages' forward
  pass where they can be, graph/embed/entity_spans.py).

Both run graph.vectorize.vectors_for, as ingest does. Their passage vectors are compared (cosine): a
speed-up that changes what search finds is no speed-up. Pooled entity vectors differ by design
(cosine to the old text's ~0.95); what they do to search and answers is measured by the search eval
on the whole gold, see docs/embedding.md.

    .venv/bin/python bench/embed_bench.py [--quick] [--rounds N]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Report, Row, log
from workspace import SHARED, Workspace

S_EMBED = "embed: speed"
# a district report, the State Council's, a district's yearly series: three genres of length and wording
FILES = (SHARED / "corpus" / "004_gzbg-szft-2019.txt", SHARED / "corpus" / "018_gzbg-guowuyuan-2023.txt",
         SHARED / "corpus-extra" / "2016年南山区政府工作报告_2016.txt")
# path -> its environment
PATHS = {"old": {"GOVGRAPH_EMBED_ENGINE": "torch", "GOVGRAPH_ENTITY_VECTORS": "text"},
         "new": {"GOVGRAPH_EMBED_ENGINE": "auto",
                 "GOVGRAPH_ENTITY_VECTORS": os.environ.get("GOVGRAPH_ENTITY_VECTORS") or "text"}}


def _worker(files: list[str], cache: str, out: str) -> None:
    """One path in this process: embed every report's texts through the ingest step, timed."""
    import time

    import numpy as np

    from govgraph.graph.embed.entity_spans import EntityVectors, configured_entity_vectors
    from govgraph.graph.embedder import CachedEmbedder
    from govgraph.graph.vectorize import vectors_for
    from govgraph.ingest.pipeline import build_batch

    batches = [build_batch(f) for f in files]
    emb = CachedEmbedder(cache_dir=cache, device="cpu")
    enc = emb._load()  # loading and first-use conversion are not part of either side's figure
    enc.encode_passages(["预热", "passage warm-up " * 40])
    # the passage path alone first (issue 15's target), then the rest of the step: entity texts, and
    # the passages again as cache lookups. Spans pool from the passages' own run, so with `span` the
    # passage path cannot be timed apart and only the whole step is.
    split = configured_entity_vectors() is not EntityVectors.SPAN
    w0, c0 = time.perf_counter(), time.process_time()
    if split:
        for b in batches:
            emb.passages([p.text for p in b.passages])
    pwall, pcpu = time.perf_counter() - w0, time.process_time() - c0
    vecs = [vectors_for(b, emb) for b in batches]
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    np.savez(out, passages=np.concatenate([v.passages for v in vecs]),
             entities=np.concatenate([v.entities for v in vecs if v.entities is not None]))
    print(json.dumps({"wall": wall, "cpu": cpu, "passage_wall": pwall if split else None,
                      "passage_cpu": pcpu if split else None, "chars": sum(len(b.text) for b in batches),
                      "engine": str(enc.engine), "fingerprint": enc.fingerprint}))


def _run_path(name: str, files: list[str], workdir: Path, round_no: int) -> dict:
    cache = workdir / f"cache-{name}-{round_no}"
    out = workdir / f"vectors-{name}.npz"
    env = {**os.environ, **PATHS[name]}
    proc = subprocess.run([sys.executable, __file__, "--worker", name, str(cache), str(out), *files],
                          env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"embed bench worker for the {name} path failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _cosines(workdir: Path, name: str = "new") -> dict[str, tuple[float, float]]:
    import numpy as np

    a, b = np.load(workdir / "vectors-old.npz"), np.load(workdir / f"vectors-{name}.npz")
    out = {}
    for kind in ("passages", "entities"):
        if a[kind].shape != b[kind].shape:
            raise RuntimeError(f"old and new {kind} differ in shape: {a[kind].shape} vs {b[kind].shape}")
        cos = np.sum(a[kind] * b[kind], axis=1)
        out[kind] = (float(cos.min()), float(cos.mean()))
    return out


def _passage_rows(runs: dict[str, list[dict]], chars: int, rounds: int) -> list[Row]:
    """The passage path alone (every passage of the reports, no entity texts): issue 15's 3x target."""
    def median(name: str, key: str) -> float:
        return statistics.median(x[key] for x in runs[name])

    wall = median("old", "passage_wall") / median("new", "passage_wall")
    cpu = median("old", "passage_cpu") / median("new", "passage_cpu")
    return [
        Row(S_EMBED, "passage path, CPU", chars / median("new", "passage_cpu"), "chars/s", "old path",
            chars / median("old", "passage_cpu"),
            note=f"median of {rounds}; new {median('new', 'passage_cpu'):.1f} s, "
                 f"old {median('old', 'passage_cpu'):.1f} s CPU; wall {wall:.2f}x"),
        Row(S_EMBED, "speed-up of the passage path over the old path (CPU)", cpu, "x", target=(">=", 3.0),
            note=f"wall: {wall:.2f}x (wall follows the shared machine's load)"),
    ]


def run(ws: Workspace) -> Report:
    rep = Report()
    files = [str(f) for f in FILES if f.is_file()] or [str(p) for p in ws.embed_files]
    rounds = int(os.environ.get("GOVGRAPH_BENCH_EMBED_ROUNDS") or (1 if ws.quick else 3))
    if ws.quick:
        files = files[:1]
    workdir = Path(tempfile.mkdtemp(prefix="embed-bench-", dir=ws.workdir))
    runs: dict[str, list[dict]] = {name: [] for name in PATHS}
    for r in range(rounds):
        for name in (list(PATHS) if r % 2 == 0 else list(PATHS)[::-1]):
            log(f"embed bench round {r + 1}/{rounds}: {name} path")
            runs[name].append(_run_path(name, files, workdir, r))
    chars = runs["old"][0]["chars"]

    def median(name: str, key: str) -> float:
        return statistics.median(x[key] for x in runs[name])

    cos = _cosines(workdir, "new")
    names = ", ".join(Path(f).name for f in files)
    rep.note(f"embed bench: {len(files)} reports ({names}; {chars:,} chars), {rounds} alternating rounds, "
             f"each path in a fresh process with an empty vector cache; old = {runs['old'][0]['fingerprint']}, "
             f"new = {runs['new'][0]['fingerprint']}")
    rep.add(
        Row(S_EMBED, "ingest embedding step, wall", chars / median("new", "wall"), "chars/s",
            "old path", chars / median("old", "wall"), target=None,
            note=f"median of {rounds}; new {median('new', 'wall'):.1f} s, old {median('old', 'wall'):.1f} s"),
        Row(S_EMBED, "ingest embedding step, CPU", chars / median("new", "cpu"), "chars/s",
            "old path", chars / median("old", "cpu"),
            note=f"median of {rounds}; new {median('new', 'cpu'):.1f} s, old {median('old', 'cpu'):.1f} s CPU"),
        Row(S_EMBED, "passage vectors, cosine new to old (min)", cos["passages"][0], "",
            target=(">=", 0.99), note=f"mean {cos['passages'][1]:.5f}"),
        Row(S_EMBED, "entity vectors, cosine new to old (mean)", cos["entities"][1], "",
            note=f"min {cos['entities'][0]:.3f}; below 1 only when pooled from the passage (span)"),
    )
    if runs["new"][0]["passage_cpu"] is not None:
        rep.add(*_passage_rows(runs, chars, rounds))
    wall_ratio = median("old", "wall") / median("new", "wall")
    cpu_ratio = median("old", "cpu") / median("new", "cpu")
    rep.add(Row(S_EMBED, "speed-up over the old path (wall)", wall_ratio, "x", target=(">=", 3.0),
                note=f"CPU: {cpu_ratio:.2f}x"))
    return rep


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _worker(sys.argv[5:], sys.argv[3], sys.argv[4])
        sys.exit(0)
    from run_all import standalone

    sys.exit(standalone(run))
