"""Retrieval quality in the same run as the speed figures: BM25 alone, vectors alone and hybrid
(evidence MRR, hit@3, answer hit@3) on the gold questions, over the gold questions' reports and
over the whole corpus with vectors.

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


def _store_of(ws: Workspace, name: str, keep) -> "object":
    from govgraph.graph.store.embedded import EmbeddedStore
    store = EmbeddedStore(ws.workdir / name)
    vecs = ws.vectors()
    for b in ws.batches():
        if keep(b):
            store.put_batch(b, vecs[b.report.id])
    store.flush()
    return store


def _rows(rep: Report, res: dict, where: str, targets: bool) -> None:
    modes = res["modes"]
    bm = modes.get("bm25", {})
    sec = "quality"
    n = res["questions"]
    for mode in ("bm25", "vector", "hybrid"):
        m = modes.get(mode)
        if not m:
            continue
        hybrid = mode == "hybrid" and targets
        base = "BM25 alone" if mode != "bm25" else ""
        rep.add(
            Row(sec, f"evidence MRR ({mode}, {where})", m["evidence_mrr"], "", base,
                bm.get("evidence_mrr") if base else None, target=(">=", 0.85) if hybrid else None,
                note=f"{n} questions, k={K}" if mode == "bm25" else ""),
            Row(sec, f"evidence hit@3 ({mode}, {where})", m["hit@3"], "", base, bm.get("hit@3") if base else None),
            Row(sec, f"answer hit@3 ({mode}, {where})",
                m["answer_hit@3"] if m["answer_hit@3"] is not None else float("nan"),
                "", base, bm.get("answer_hit@3") if base else None,
                target=(">=", 0.8) if hybrid else None,
                note=f"{res['with_answers']} questions with answers" if mode == "bm25" else ""),
        )
    if {"bm25", "vector", "hybrid"} <= set(modes):
        h = modes["hybrid"]["evidence_mrr"]
        best_single = max(modes["bm25"]["evidence_mrr"], modes["vector"]["evidence_mrr"])
        rep.add(Row(sec, f"hybrid MRR minus best single mode ({where})", h - best_single, "", "", None,
                    target=(">=", 0.0001) if targets else None, note="target: hybrid better than either alone"))


def run(ws: Workspace, gold: Path = GOLD) -> Report:
    """Two settings, the same questions: the store of the reports the questions were written over
    (as `make eval` builds it; the issue's targets apply there), and the whole corpus, where other
    years of the same district's reports compete and a question that names no year can be
    answered from another report than the one the gold names."""
    import json

    from govgraph.graph.search.evaluate import evaluate
    from govgraph.graph.search.service import SearchService
    from govgraph.ingest.question import analyze_question
    from govgraph.ingest.tokenize import tokenize_query

    rep = Report()
    if not Path(gold).exists():
        rep.note(f"quality: {gold} not found, skipped")
        return rep
    wanted = {json.loads(line)["report"].rsplit("/", 1)[-1]
              for line in Path(gold).read_text("utf-8").splitlines() if line.strip()}
    real = ws.real_reports()
    whole = ws.embedded_store()
    if len(real) < len(ws.batches()):
        # stand-in vectors would blur vector search: judge quality on the reports embedded for real
        whole = _store_of(ws, "quality-real-vectors", lambda b: b.report.id in real)
        rep.note(f"quality: 'whole corpus' is the {len(real)} reports whose passage vectors are all real "
                 f"(--cached-vectors-only and a cache that is not warm yet)")
    gold_store = _store_of(ws, "quality-gold-reports",
                           lambda b: b.report.file in wanted and b.report.id in real)
    have = {r.file for r in gold_store.reports()}
    for where, store, targets in (("gold reports", gold_store, True), ("whole corpus", whole, False)):
        svc = SearchService(store, ws.embedder(), tokenize_query, analyze_question)
        log(f"quality: evaluating bm25, vector and hybrid on the gold questions, {where} "
            f"({len(store.reports())} reports)")
        _rows(rep, evaluate(svc, gold, k=K), where, targets)
    missing = sorted(w for w in wanted if w not in have)
    if missing:
        rep.note(f"quality: {len(missing)} gold reports are not in this run's corpus or lack real vectors "
                 f"({', '.join(missing[:5])}); their questions cannot be answered" + (" (quick mode)" if ws.quick else ""))
    rep.note("quality: 'gold reports' is the store of the reports the questions were written over (as make eval "
             "builds it), where the targets apply; 'whole corpus' adds every other report, so other years of the "
             "same district compete and a question naming no year may be answered from another report than the gold one")
    return rep


def main(argv: list[str] | None = None) -> int:
    from run_all import standalone
    return standalone(run, argv)


if __name__ == "__main__":
    sys.exit(main())
