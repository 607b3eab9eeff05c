"""Train, and cross-validate, the boundary classifier of ingest/extract/span_model.py.

    python tools/train_span_model.py train [--out PATH] [--C 1.0]     # the shipped model
    python tools/train_span_model.py cv [--folds 5] [--floor 0.5 0.7 0.9] [--correct 0.8 0.9] [--agree 0.9] [--no-vetoes]

Training data are those of tools/train_crf.py (never a test window nor a test window's report): the dev
windows' annotated spans and the report gold's names in scope. Every candidate of every head noun
(span_features.candidates) is an example, positive when a gold span of the head's label has exactly its
edges. A logistic regression (scikit-learn, L-BFGS, deterministic) is fitted and its weights written
as JSON, so that the product needs no scikit-learn to apply it. `cv` trains on k-1 folds of the dev
windows (window i is in fold i mod k) plus the report gold and scores the held fold through the whole
pipeline, rules alone and rules + classifier at each floor.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_crf import Gold, _add, _changes, _roots, format_scores, report_gold, window_gold  # noqa: E402

from govgraph.ingest.eval_windows import WINDOWS_DIR, evaluate_windows  # noqa: E402
from govgraph.ingest.extract import crf_spans, crf_veto, span_model  # noqa: E402
from govgraph.ingest.extract.span_features import candidates, features  # noqa: E402
from govgraph.ingest.extract.spans import clauses  # noqa: E402

C = 1.0


def examples(golds: list[Gold]) -> tuple[list[dict[str, float]], list[int]]:
    """Every candidate in the gold scopes, labelled 1 when a gold span has its edges and label."""
    xs: list[dict[str, float]] = []
    ys: list[int] = []
    for text, lo, hi, spans in golds:
        gold = set(spans)
        for cs, ce in clauses(text[lo:hi], lo):
            clause = text[cs:ce]
            cands, words, starts = candidates(clause)
            for c in cands:
                xs.append(features(clause, c, words, starts))
                ys.append(int((cs + c.start, cs + c.end, c.label) in gold))
    return xs, ys


def train(golds: list[Gold], out: Path, c: float = C) -> int:
    """Fit and write the model; returns the number of examples."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    xs, ys = examples(golds)
    vec = DictVectorizer()
    x = vec.fit_transform(xs)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    model.fit(x, ys)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-6}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"bias": round(float(model.intercept_[0]), 6), "C": c, "examples": len(ys),
                               "positives": sum(ys), "weights": dict(sorted(weights.items()))},
                              ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    return len(ys)


def _score(paths: list[Path], floor: float | None, correct: float | None = None, agree: float | None = None) -> dict:
    from govgraph.ingest.pipeline import build_batch
    os.environ[crf_spans.ENV_SWITCH] = "0"
    os.environ[crf_veto.ENV_SWITCH] = "0"
    os.environ[span_model.ENV_SWITCH] = "0" if floor is None and correct is None else "1"
    span_model.configure(floor=floor, propose=floor is not None, correct=correct, agree=agree)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "dev").mkdir()
        for p in paths:
            (Path(tmp) / "dev" / p.name).symlink_to(p)
        return evaluate_windows(build_batch, root=Path(tmp), roots=_roots(), splits=["dev"])["dev"]


def cross_validate(folds: int, floors: list[float], corrects: list[float], c: float,
                   agree: float | None = None) -> tuple[dict, list[dict], list[str]]:
    """Rules alone, rules + proposals at each floor (with `agree`: only where the character tagger,
    trained on the same folds, reads the same span), rules + edge corrections at each floor."""
    from train_crf import report_gold_examples, window_examples
    from train_crf import train as train_tagger
    variants = [(f, None) for f in floors] + [(None, f) for f in corrects]
    tagger_reports = report_gold_examples() if agree is not None else []
    windows = sorted((WINDOWS_DIR / "dev").glob("*.json"))
    reports = report_gold()
    base_total: dict = {}
    totals: list[dict] = [{} for _ in variants]
    changes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [w for i, w in enumerate(windows) if i % folds == k]
            train_on = [w for i, w in enumerate(windows) if i % folds != k]
            model = Path(tmp) / f"fold{k}.json"
            train(window_gold(train_on) + reports, model, c)
            span_model.configure(model=model)
            if agree is not None:
                train_tagger(window_examples(train_on) + tagger_reports, Path(tmp) / f"fold{k}.crfsuite")
                crf_spans.configure(model=Path(tmp) / f"fold{k}.crfsuite")
            base = _score(held, None)
            _add(base_total, base)
            for (f, cf), total in zip(variants, totals):
                res = _score(held, f, cf, agree if f is not None else None)
                _add(total, res)
                changes += [f"[{variant_name(f, cf, agree)}]" + ch for ch in _changes(base, res)]
            print(f"fold {k}: held {[w.stem for w in held]}", file=sys.stderr)
    span_model.configure(model=span_model.MODEL_PATH, agree=None)
    crf_spans.configure(model=crf_spans.MODEL_PATH)
    return base_total, totals, changes


def variant_name(floor: float | None, correct: float | None, agree: float | None = None) -> str:
    if floor is not None and agree is not None:
        return f"rules + classifier proposals (p >= {floor}) the tagger agrees with (marginal >= {agree})"
    return f"rules + classifier proposals (p >= {floor})" if floor is not None else \
        f"rules + classifier edge corrections (p >= {correct})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("train", "cv"))
    ap.add_argument("--out", type=Path, default=span_model.MODEL_PATH)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--floor", type=float, nargs="*", default=[span_model.MIN_PROBABILITY],
                    help="proposal floors to cross-validate")
    ap.add_argument("--correct", type=float, nargs="*", default=[], help="edge-correction floors to cross-validate")
    ap.add_argument("--agree", type=float, help="propose only where the character tagger reads the same span at this floor")
    ap.add_argument("--C", type=float, default=C, help="inverse regularisation strength")
    ap.add_argument("--no-vetoes", action="store_true", help="skip the rule-side vetoes of crf_spans")
    a = ap.parse_args(argv)
    span_model.configure(vetoes=not a.no_vetoes)
    if a.command == "train":
        n = train(window_gold(sorted((WINDOWS_DIR / "dev").glob("*.json"))) + report_gold(), a.out, a.C)
        print(f"trained on {n} candidates -> {a.out} ({a.out.stat().st_size:,} bytes)")
        return 0
    base, totals, changes = cross_validate(a.folds, a.floor, a.correct, a.C, a.agree)
    print(format_scores("rules alone", base))
    variants = [(f, None) for f in a.floor] + [(None, f) for f in a.correct]
    for (f, cf), total in zip(variants, totals):
        print(format_scores(variant_name(f, cf, a.agree), total))
    print("\n".join(changes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
