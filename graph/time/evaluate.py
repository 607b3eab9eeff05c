"""`govgraph eval time`: the time features against the hand-made gold of tests/gold/time.

- indicators.jsonl: scope passages (every figure of the jurisdiction for a whole year inside them is gold)
  and the points inside. A predicted point counts when its name, kind, year and value agree with a gold
  point whose span it overlaps; precision is over the predicted points inside the scopes.
- questions.jsonl: time questions (Chinese and English) with the words answering each year asked; scored
  by whether every year's words lie in the first 5 passages `ask` returns (on a store without vectors
  unless the search given has them).
- plans.jsonl: plan sentences picked at even steps through a plan section, each with the review
  sentences of the next report that report it (or none). Plan recall: a predicted plan item overlaps the
  gold sentence. Follow-up accuracy: status right and, when reported, the top delivery overlaps a gold one.
  `reported` precision: of the items predicted reported, how many are gold reported with that sentence.

The gold reports are built with the ingest pipeline (passed in, so graph stays apart from Chinese parsing)
into a temporary embedded store, and read back through the same views the CLI serves.
"""
from __future__ import annotations

import json
import math
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from govgraph.ingest.batch import INDICATOR, PLAN, GraphBatch

from .views import plans_view

DEFAULT_ROOTS = (Path("../shared/corpus-extra"), Path("../shared/corpus"), Path("/work/shared/corpus-extra"),
                 Path("/work/shared/corpus"))


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _find(file: str, roots) -> Path:
    for r in roots:
        p = Path(r) / file
        if p.exists():
            return p
    raise FileNotFoundError(f"gold report {file} not found under {', '.join(map(str, roots))}")


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _same_value(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def score_indicators(gold: list[dict], batches: dict[str, GraphBatch]) -> dict:
    scopes: dict[str, list[tuple[int, int]]] = {}
    points: dict[str, list[dict]] = {}
    for g in gold:
        if "scope" in g:
            scopes.setdefault(g["file"], []).append(tuple(g["scope"]))
        else:
            points.setdefault(g["file"], []).append(g)
    tp = n_pred = n_gold = 0
    misses, wrong = [], []
    for file, ranges in scopes.items():
        b = batches[file]
        for g in points.get(file, []):
            if b.text[g["start"]:g["end"]] != g["text"]:
                raise ValueError(f"gold point {g['text']!r} does not slice {file} at {g['start']}")
        pred = [n for n in b.nodes if n.label == INDICATOR
                and any(_overlap(n.evidence[0].start, n.evidence[0].end, s, e) for s, e in ranges)]
        free = list(points.get(file, []))
        n_pred += len(pred)
        n_gold += len(free)
        for n in pred:
            ev, p = n.evidence[0], n.props
            hit = next((g for g in free if g["name"] == n.name and g["kind"] == p["kind"] and g["year"] == p["year"]
                        and _same_value(g["value"], p["value"]) and _overlap(ev.start, ev.end, g["start"], g["end"])),
                       None)
            if hit is None:
                wrong.append(f"{file}: {n.name} {p['kind']} {p['year']} {p['value']:g} «{ev.text}»")
            else:
                free.remove(hit)
                tp += 1
        misses += [f"{file}: {g['name']} {g['kind']} {g['year']} {g['value']:g} «{g['text']}»" for g in free]
    return {"gold": n_gold, "predicted": n_pred, "correct": tp, "recall": _ratio(tp, n_gold),
            "precision": _ratio(tp, n_pred), "missed": misses, "wrong": wrong}


def score_plans(gold: list[dict], store) -> dict:
    plans = plans_view(store)["plans"]
    by_file: dict[str, list[dict]] = {}
    for p in plans:
        by_file.setdefault(p["file"], []).append(p)
    found = right = said_reported = right_reported = 0
    errors = []
    for g in gold:
        gp = g["plan"]
        cand = [p for p in by_file.get(g["file"], []) if _overlap(p["start"], p["end"], gp["start"], gp["end"])]
        if not cand:
            errors.append(f"plan not found: {gp['text'][:40]}")
            continue
        found += 1
        p = cand[0]
        gold_reported = bool(g["delivery"])
        top = p["delivery"][0] if p["delivery"] else None
        top_ok = top is not None and top["file"] == g["review_file"] and any(
            _overlap(top["start"], top["end"], d["start"], d["end"]) for d in g["delivery"])
        if p["status"] == "reported":
            said_reported += 1
            right_reported += int(top_ok)
        ok = top_ok if gold_reported else p["status"] == "not_reported"
        right += int(ok)
        if not ok:
            errors.append(f"{p['status']}: {gp['text'][:40]} -> {(top or {}).get('text', '')[:40]}")
    n = len(gold)
    return {"gold": n, "found": found, "plan_recall": _ratio(found, n), "followup_accuracy": _ratio(right, n),
            "reported_predicted": said_reported, "reported_precision": _ratio(right_reported, said_reported),
            "errors": errors}


def score_measures(gold: list[dict], batches: dict[str, GraphBatch]) -> dict:
    """Plan items against stretches of plan sections where every planned measure is listed: recall over
    the measures, precision over the items starting inside the stretches."""
    n_gold = n_pred = hit_gold = hit_pred = 0
    errors = []
    for g in gold:
        lo, hi = g["range"]
        items = [ev for n in batches[g["file"]].nodes if n.label == PLAN for ev in n.evidence if lo <= ev.start < hi]
        ms = g["measures"]
        n_gold += len(ms)
        n_pred += len(items)
        for m in ms:
            if any(_overlap(ev.start, ev.end, m["start"], m["end"]) for ev in items):
                hit_gold += 1
            else:
                errors.append(f"measure missed: {m['text'][:40]}")
        for ev in items:
            if any(_overlap(ev.start, ev.end, m["start"], m["end"]) for m in ms):
                hit_pred += 1
            else:
                errors.append(f"not a measure: {ev.text[:40]}")
    return {"gold": n_gold, "predicted": n_pred, "recall": _ratio(hit_gold, n_gold),
            "precision": _ratio(hit_pred, n_pred), "errors": errors}


def score_questions(gold: list[dict], search, top: int = 5) -> dict:
    """Share of questions whose every year's evidence lies in one of the first `top` passages of `ask`."""
    full = 0
    spans_hit = spans = 0
    errors = []
    for g in gold:
        res = search.ask(g["question"], k=10).to_dict()
        got = res["passages"][:top]
        ok = 0
        for ev in g["evidence"]:
            spans += 1
            if any(h["file"] == ev["file"] and _overlap(h["start"], h["end"], ev["start"], ev["end"]) for h in got):
                ok += 1
        spans_hit += ok
        if ok == len(g["evidence"]):
            full += 1
        else:
            errors.append(f"{ok}/{len(g['evidence'])} years in top {top}: {g['question']}")
    return {"gold": len(gold), "all_years_in_top5": _ratio(full, len(gold)), "span_recall": _ratio(spans_hit, spans),
            "errors": errors}


def evaluate(gold_dir: Path, build: Callable[[Path], GraphBatch], split: str = "dev", roots=None,
             search_for: Callable[[Path], object] | None = None, embedder=None) -> dict:
    """`search_for(store folder)` gives the search service `ask` runs on (the CLI's own); without it the
    questions are not scored. `embedder` (a graph.embedder.CachedEmbedder) stores passage vectors, which
    the follow-up's meaning check and the hybrid search read; without it both work on words alone."""
    from govgraph.graph.store.base import Vectors
    from govgraph.graph.store.embedded import EmbeddedStore
    roots = [Path(r) for r in roots] if roots else list(DEFAULT_ROOTS)
    keep = (lambda g: True) if split == "all" else (lambda g: g["split"] == split)
    ind_gold = [g for g in _read(gold_dir / "indicators.jsonl") if keep(g)]
    plan_gold = [g for g in _read(gold_dir / "plans.jsonl") if keep(g)]
    q_gold = [g for g in _read(gold_dir / "questions.jsonl") if keep(g)] if search_for else []
    m_path = gold_dir / "plan_measures.jsonl"
    m_gold = [g for g in _read(m_path) if keep(g)] if m_path.exists() else []
    files = ({g["file"] for g in ind_gold} | {g["file"] for g in plan_gold} | {g["review_file"] for g in plan_gold}
             | {ev["file"] for g in q_gold for ev in g["evidence"]} | {g["file"] for g in m_gold})
    batches = {f: build(_find(f, roots)) for f in sorted(files)}
    tmp = Path(tempfile.mkdtemp(prefix="govgraph-eval-time-"))
    try:
        with EmbeddedStore(tmp) as store:
            for b in batches.values():
                # passage vectors only: the follow-up and the hybrid search read no entity vectors, and
                # entity texts are half of what ingest embeds
                vec = None if embedder is None else Vectors(embedder.name, embedder.passages([p.text for p in b.passages]))
                store.put_batch(b, vec)
            plans = score_plans(plan_gold, store)
        questions = score_questions(q_gold, search_for(tmp)) if search_for else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"split": split, "vectors": embedder is not None, "indicators": score_indicators(ind_gold, batches),
            "plans": plans, "measures": score_measures(m_gold, batches),
            "questions": questions}


def format_table(res: dict) -> str:
    i, p = res["indicators"], res["plans"]
    lines = [f"time evaluation ({res['split']} split, {'with' if res.get('vectors') else 'without'} vectors)",
             f"indicators  recall {i['recall']}  precision {i['precision']}  "
             f"(gold {i['gold']}, predicted {i['predicted']}, correct {i['correct']})",
             f"plans       recall {p['plan_recall']}  follow-up accuracy {p['followup_accuracy']}  "
             f"reported precision {p['reported_precision']}  (gold {p['gold']}, reported {p['reported_predicted']})"]
    m = res.get("measures")
    if m and m["gold"]:
        lines.append(f"measures    recall {m['recall']}  precision {m['precision']}  "
                     f"(gold {m['gold']}, predicted {m['predicted']})")
    q = res.get("questions")
    if q:
        lines.append(f"questions   all years' evidence in top 5: {q['all_years_in_top5']}  "
                     f"(year spans found {q['span_recall']}, gold {q['gold']})")
    lines += ["  missed: " + m for m in i["missed"]] + ["  wrong:  " + w for w in i["wrong"]]
    lines += ["  plan:   " + e for e in p["errors"]]
    lines += ["  measure: " + e for e in (m or {}).get("errors", [])]
    lines += ["  asked:  " + e for e in (q or {}).get("errors", [])]
    return "\n".join(lines)
