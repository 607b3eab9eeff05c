"""Set recall and precision of aggregation answers against tests/gold/aggregation.jsonl.

Each gold line is a cross-agency question with the full set of places (or agencies) whose own reports
say they do the thing, checked by hand against the passages. A question's answer set is the names of
the rows `ask` returns; names compare after width, case and whitespace folding. Per split (dev/test,
by topic, so a topic's Chinese and English questions fall on the same side) and language: macro
precision and recall (the mean over questions, an empty answer having precision 1 only if the gold is
empty too), micro precision and recall over all (question, name) pairs, and ask latency.
"""
from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate import _norm, _pct, read_gold_lines

SPLITS = ("all", "dev", "test")


@dataclass
class AggregationGold:
    id: str
    question: str
    lang: str
    scope: str
    split: str
    answers: list[str] = field(default_factory=list)
    topic: str = ""


def _aggregation_gold(d: dict) -> AggregationGold:
    return AggregationGold(id=str(d["id"]), question=d["question"], lang=d["lang"], scope=d["scope"],
                           split=d["split"], answers=list(d["answers"]), topic=d.get("topic", ""))


def _check_split(g: AggregationGold) -> None:
    if g.split not in ("dev", "test"):
        raise ValueError(f"split must be dev or test, got {g.split!r}")


def load_aggregation_gold(path: str | Path) -> list[AggregationGold]:
    """Gold lines; a bad line raises ValueError naming the file and line."""
    return read_gold_lines(path, "aggregation gold", _aggregation_gold, _check_split)


def _scores(rows: list[tuple[set[str], set[str]]]) -> dict:
    if not rows:
        return {"questions": 0}
    precs = [len(got & gold) / len(got) if got else float(not gold) for gold, got in rows]
    recs = [len(got & gold) / len(gold) if gold else 1.0 for gold, got in rows]
    tp = sum(len(got & gold) for gold, got in rows)
    n_got = sum(len(got) for _, got in rows)
    n_gold = sum(len(gold) for gold, _ in rows)
    return {"questions": len(rows), "precision": round(statistics.mean(precs), 4),
            "recall": round(statistics.mean(recs), 4),
            "micro_precision": round(tp / n_got, 4) if n_got else 1.0,
            "micro_recall": round(tp / n_gold, 4) if n_gold else 1.0}


def evaluate_aggregation(service, gold_path: str | Path, split: str = "all") -> dict:
    """Scores of `service.ask` (a SearchService with a Comparer) on the gold questions of `split`."""
    if split not in SPLITS:
        raise ValueError(f"split: must be one of {', '.join(SPLITS)}, got {split!r}")
    gold = [g for g in load_aggregation_gold(gold_path) if split == "all" or g.split == split]
    pairs: dict[str, list] = {"all": [], "zh": [], "en": []}
    lat, details = [], []
    if gold:  # the first question loads the store's indexes: time the questions, not the loading
        service.ask(gold[0].question)
    for g in gold:
        t0 = time.perf_counter()
        res = service.ask(g.question)
        lat.append((time.perf_counter() - t0) * 1000)
        got = {_norm(a.name) for a in res.answers} if getattr(res, "scope", None) else set()
        want = {_norm(a) for a in g.answers}
        pairs["all"].append((want, got))
        pairs[g.lang].append((want, got))
        details.append({"id": g.id, "aggregate": bool(getattr(res, "scope", None)),
                        "missed": sorted(want - got), "extra": sorted(got - want)})
    out = {"split": split, **_scores(pairs["all"]),
           "by_lang": {lang: _scores(p) for lang, p in pairs.items() if lang != "all"},
           "ask_ms_p50": round(statistics.median(lat), 2) if lat else 0.0,
           "ask_ms_p95": round(_pct(lat, 0.95), 2), "details": details}
    return out


def format_aggregation(res: dict) -> str:
    lines = [f"aggregation eval, split={res['split']}: {res['questions']} questions"]
    head = f"{'part':<6} {'n':>3} {'P':>6} {'R':>6} {'microP':>7} {'microR':>7}"
    lines += [head, "-" * len(head)]
    for name, s in [("all", res), *res["by_lang"].items()]:
        if not s.get("questions"):
            continue
        lines.append(f"{name:<6} {s['questions']:>3} {s['precision']:>6.3f} {s['recall']:>6.3f} "
                     f"{s['micro_precision']:>7.3f} {s['micro_recall']:>7.3f}")
    lines.append(f"ask p50 {res['ask_ms_p50']:.1f} ms, p95 {res['ask_ms_p95']:.1f} ms")
    return "\n".join(lines)
