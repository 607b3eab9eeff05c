"""Cross-agency aggregation latency over a store of the whole corpus: `ask` on the aggregation gold
questions (tests/gold/aggregation.jsonl) and `compare` on their topics, beside the floor measured in
the same run: one BM25 query of the same words (top 10), the least any lexical answer costs.

Calls are interleaved question by question so that all three share the machine's load; the
Comparer's report catalogue is kept (as a server keeps it), nothing else is cached.

    python bench/compare_bench.py --store DIR [--rounds 5] [--out FILE]

DIR is a store holding every corpus report (e.g. a copy of /work/stores/all); the store is opened
read-only in effect: nothing is written.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import common
from common import Row, format_table, latencies, percentiles

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "aggregation.jsonl"
TARGET_P95_MS = 300.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", required=True, help="a store of every corpus report")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", help="write the table as Markdown here")
    a = ap.parse_args(argv)

    from govgraph.api.context import AppContext, Settings
    from govgraph.ingest.aggregation import detect_aggregation
    from govgraph.ingest.tokenize import tokenize_query

    ctx = AppContext(Settings(store=a.store))
    store, svc, cmp = ctx.store, ctx.search, ctx.compare
    if store.stats()["reports"] < 100:
        print(f"{a.store}: holds {store.stats()['reports']} reports; the bench needs the whole corpus", file=sys.stderr)
        return 2
    questions = [json.loads(line)["question"] for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    intents = [detect_aggregation(q) for q in questions]
    words = {q: " ".join(w for g in i.groups for w in g.words()) for q, i in zip(questions, intents)}

    def floor(q):
        text = words[q]
        return store.lexical_search(text, list(tokenize_query(text)), 10)

    def ask(q):
        return svc.ask(q)

    def compare(q):
        return cmp.compare_text(q)

    start = common.machine_info()
    samples = {"floor": [], "ask": [], "compare": []}
    for fn in (floor, ask, compare):  # first-call costs (indexes, dictionaries) are not latency
        latencies(fn, questions[:2], rounds=0, warmup=2)
    for _ in range(a.rounds):
        for q in questions:
            for name, fn in (("floor", floor), ("ask", ask), ("compare", compare)):
                samples[name].extend(latencies(fn, [q], rounds=1, warmup=0))
    pf = percentiles(samples["floor"])
    rows = []
    for name in ("ask", "compare"):
        p = percentiles(samples[name])
        for pct in ("p50", "p95"):
            rows.append(Row(section="aggregation", metric=f"{name} {pct}", value=p[pct], unit="ms",
                            baseline="BM25 top-10, same words", baseline_value=pf[pct],
                            target=("<=", TARGET_P95_MS) if pct == "p95" else None,
                            note=f"{len(questions)} questions x {a.rounds} rounds"))
    table = format_table(rows)
    print(table)
    if a.out:
        end = common.machine_info()
        common.write_results(Path(a.out), rows, start, end)
    return 1 if any(r.missed for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
