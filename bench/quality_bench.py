"""Retrieval quality in the same run as the speed figures: BM25 alone, vectors alone and hybrid
(evidence MRR, hit@3, answer hit@3) on the gold questions, over the whole corpus with vectors.

    python bench/quality_bench.py [--quick] [--gold tests/gold/questions.jsonl]
"""
from __future__ import annotations

import sys
from pathlib import Path

import common
from common import REPO, Report, Row, log
from workspace import Workspace

GOLD = REPO / "tests" / "gold" / "questions.jsonl"
K = 10


def run(ws: Workspace, gold: Path = GOLD) -> Report:
    from graph.search.evaluate import evaluate
    from graph.search.service import SearchService
    from ingest.question import analyze_question
    from ingest.tokenize import tokenize_query

    rep = Report()
    if not Path(gold).exists():
        rep.note(f"quality: {gold} not found, skipped")
        return rep
    store = ws.embedded_store()
    real = ws.real_reports()
    if len(real) < len(ws.batches()):
        # stand-in vectors would blur vector search: judge quality on the reports embedded for real
        from graph.store.embedded import EmbeddedStore
        store = EmbeddedStore(ws.workdir / "quality-real-vectors")
        vecs = ws.vectors()
        for b in ws.batches():
            if b.report.id in real:
                store.put_batch(b, vecs[b.report.id])
        store.flush()
        rep.note(f"quality: measured on the {len(real)} reports whose passage vectors are all real "
                 f"(not the whole corpus: --cached-vectors-only and a cache that is not warm yet)")
    have = {r.file for r in store.reports()}
    svc = SearchService(store, ws.embedder(), tokenize_query, analyze_question)
    log("quality: evaluating bm25, vector and hybrid on the gold questions")
    res = evaluate(svc, gold, k=K)
    modes = res["modes"]
    bm = modes.get("bm25", {})
    sec = "quality"
    n = res["questions"]
    for mode in ("bm25", "vector", "hybrid"):
        m = modes.get(mode)
        if not m:
            continue
        hybrid = mode == "hybrid"
        base = "BM25 alone" if mode != "bm25" else ""
        rep.add(
            Row(sec, f"evidence MRR ({mode})", m["evidence_mrr"], "", base,
                bm.get("evidence_mrr") if base else None, target=(">=", 0.85) if hybrid else None,
                note=f"{n} questions, k={K}" if mode == "bm25" else ""),
            Row(sec, f"evidence hit@3 ({mode})", m["hit@3"], "", base, bm.get("hit@3") if base else None),
            Row(sec, f"answer hit@3 ({mode})", m["answer_hit@3"] if m["answer_hit@3"] is not None else float("nan"),
                "", base, bm.get("answer_hit@3") if base else None,
                target=(">=", 0.8) if hybrid else None,
                note=f"{res['with_answers']} questions with answers" if mode == "bm25" else ""),
        )
    if {"bm25", "vector", "hybrid"} <= set(modes):
        h = modes["hybrid"]["evidence_mrr"]
        best_single = max(modes["bm25"]["evidence_mrr"], modes["vector"]["evidence_mrr"])
        rep.add(Row(sec, "hybrid MRR minus best single mode", h - best_single, "", "", None,
                    target=(">=", 0.0001), note="target: hybrid better than either alone"))
    # gold reports that are not in this run's corpus count as misses: say so
    import json
    wanted = {json.loads(line)["report"] for line in Path(gold).read_text("utf-8").splitlines() if line.strip()}
    missing = sorted(w for w in wanted if w.rsplit("/", 1)[-1] not in have)
    if missing:
        rep.note(f"quality: {len(missing)} gold reports are not in this run's corpus ({', '.join(missing[:5])}); "
                 "their questions cannot be answered" + (" (quick mode)" if ws.quick else ""))
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
