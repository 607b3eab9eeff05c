"""Train, and cross-validate, the character tagger of ingest/extract/crf_spans.py.

    python tools/train_crf.py train [--out PATH] [--silver N]     # the shipped model
    python tools/train_crf.py cv [--folds 5] [--silver N [--silver-complete]] [--labels Place,Organization]
                                 [--min-marginal 0.8 ...] [--gate uncovered heads] [--contain - Place ...]
                                 [--veto 0.9 ...] [--combine] [--models DIR]

Training data (never a test window nor a test window's report, nor a clause written verbatim in a test window):
- gold: every dev window (tests/gold/windows/dev, the annotated spans) and the report gold
  (tests/gold/extraction, spans found by name and alias in its scope as make_gold.py finds them);
- silver: the rules' own closed-label mentions (the extractor with the tagger off) in clauses holding a
  head noun, over up to N corpus-extra reports that no window and no gold names (sorted by name).
Characters are tagged B-/I-<label>/O per clause; of overlapping gold spans the longest wins (as in
the extractor's overlap settling). `cv` trains on k-1 folds of the dev windows (plus the report gold
and silver) and scores the held fold through the whole pipeline with and without the tagger.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from govgraph.ingest.eval_extract import default_roots, find_report
from govgraph.ingest.eval_windows import CLOSED, WINDOWS_DIR, evaluate_windows
from govgraph.ingest.extract import crf_spans, crf_veto
from govgraph.ingest.extract.crf_features import clause_features, has_head
from govgraph.ingest.extract.spans import clauses

REPORT_GOLD = WINDOWS_DIR.parent / "extraction"
# aliases that are pronouns or bare levels point at the author, not at a name in the text
_REFERENCE_ALIASES = frozenset({"我们", "我市", "我区", "我省", "本市", "本区", "本省", "政府"})
TRAINER_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}

Example = tuple[list[list[str]], list[str]]


def _roots() -> list[Path]:
    return [WINDOWS_DIR / "texts", *default_roots()]


def _text(file: str) -> str:
    return find_report(file, _roots()).read_text(encoding="utf-8")


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for s, e, label in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(s < ke and ks < e for ks, ke, _ in kept):
            kept.append((s, e, label))
    return kept


# a training clause shorter than this is not compared with the test windows' text (一是, 全年)
_SHARED_MIN_CHARS = 12


@lru_cache(maxsize=1)
def test_window_texts() -> tuple[str, ...]:
    """The text of every test window: reports of one series repeat stock paragraphs (w120, a district's
    dev window, shares a paragraph of the city's 2025 report with test w94; w125 and w128 share the 2024
    openings and meeting lists with w98 and w94), so a dev clause may be test text."""
    out: list[str] = []
    for p in sorted((WINDOWS_DIR / "test").glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        out.append(_text(g["file"])[g["scope"]["start"]:g["scope"]["end"]])
    return tuple(out)


def clause_examples(text: str, lo: int, hi: int, spans: list[tuple[int, int, str]],
                    heads_only: bool = False, complete_only: bool = False,
                    leave_out: Sequence[str] = ()) -> list[Example]:
    """BIO-tagged clauses of text[lo:hi]; `spans` are absolute (start, end, label). `heads_only`: only
    clauses holding a head noun; `complete_only`: only those whose every head noun a span covers (the
    rules read all the clause's names they can see: silver where an unlabelled name is least likely);
    a clause written verbatim in one of the `leave_out` texts (the test windows) is not trained on."""
    spans = _longest_first(spans)
    out: list[Example] = []
    for cs, ce in clauses(text[lo:hi], lo):
        clause = text[cs:ce]
        if heads_only and not has_head(clause):
            continue
        if len(clause.strip()) >= _SHARED_MIN_CHARS and any(clause.strip() in t for t in leave_out):
            continue
        if complete_only and crf_spans._open_head(clause, cs, [(s, e) for s, e, _ in spans], frozenset(CLOSED)):
            continue
        tags = ["O"] * len(clause)
        for s, e, label in spans:
            if cs <= s and e <= ce:
                tags[s - cs] = f"B-{label}"
                for i in range(s - cs + 1, e - cs):
                    tags[i] = f"I-{label}"
        out.append((clause_features(clause), tags))
    return out


Gold = tuple[str, int, int, list[tuple[int, int, str]]]  # report text, scope start and end, absolute spans


def window_gold(paths: list[Path]) -> list[Gold]:
    """The annotated closed-label spans of each window in `paths`."""
    out: list[Gold] = []
    for p in paths:
        g = json.loads(p.read_text(encoding="utf-8"))
        spans = [(s, e, ent["label"]) for ent in g["entities"] if ent["label"] in CLOSED for s, e in ent.get("spans", [])]
        out.append((_text(g["file"]), g["scope"]["start"], g["scope"]["end"], spans))
    return out


def report_gold() -> list[Gold]:
    """The report gold's closed-label names and aliases, found in its scope as make_gold.py finds them."""
    out: list[Gold] = []
    for p in sorted(REPORT_GOLD.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        text = _text(g["file"])
        lo = int(g.get("scope", {}).get("start", 0))
        hi = int(g.get("scope", {}).get("end") or len(text))
        window = text[lo:hi]
        spans = []
        for ent in g["entities"]:
            if ent["label"] not in CLOSED:
                continue
            for name in {ent["name"], *ent.get("aliases", [])} - _REFERENCE_ALIASES:
                start = window.find(name)
                while name and start >= 0:
                    spans.append((lo + start, lo + start + len(name), ent["label"]))
                    start = window.find(name, start + 1)
        out.append((text, lo, hi, spans))
    return out


def window_examples(paths: list[Path]) -> list[Example]:
    test = test_window_texts()
    return [ex for gold in window_gold(paths) for ex in clause_examples(*gold, leave_out=test)]


def report_gold_examples() -> list[Example]:
    test = test_window_texts()
    return [ex for gold in report_gold() for ex in clause_examples(*gold, leave_out=test)]


def _gold_files() -> set[str]:
    files = {json.loads(p.read_text(encoding="utf-8"))["file"]
             for d in ("dev", "test") for p in (WINDOWS_DIR / d).glob("*.json")}
    files |= {json.loads(p.read_text(encoding="utf-8"))["file"] for p in REPORT_GOLD.glob("*.json")}
    return files | {w["file"] for w in json.loads((WINDOWS_DIR / "windows.json").read_text(encoding="utf-8"))}


def silver_reports(n: int) -> list[Path]:
    """Up to n corpus-extra reports that no window and no gold names, by file name."""
    taken = _gold_files()
    extra = next((r for r in default_roots() if r.name == "corpus-extra" and r.is_dir()), None)
    if extra is None or n <= 0:
        return []
    return [p for p in sorted(extra.glob("*.txt")) if p.name not in taken][:n]


def silver_examples(n: int, complete_only: bool = False) -> list[Example]:
    """The rules' closed-label mentions (tagger off) as labels, over clauses with a head noun (with
    `complete_only`, only clauses whose every head noun a rule mention covers)."""
    from govgraph.ingest.batch import ReportInfo, report_id_for
    from govgraph.ingest.extract import build_context, find_mentions
    from govgraph.ingest.readers import read_document
    from govgraph.ingest.structure import parse_structure
    os.environ[crf_spans.ENV_SWITCH] = "0"
    out: list[Example] = []
    for path in silver_reports(n):
        doc = read_document(path)
        rid = report_id_for(doc.file)
        st = parse_structure(doc, rid)
        report = ReportInfo(id=rid, title=st.title, file=doc.file, sha256=doc.sha256, year=st.year,
                            author=st.author, genre=st.genre, chars=len(doc.text))
        ctx = build_context(report, doc.text)
        for p in st.passages:
            ms = find_mentions(doc.text[p.start:p.end], p.start, ctx)
            spans = [(m.start, m.end, m.label) for m in ms if m.label in CLOSED and m.end > m.start]
            out += clause_examples(doc.text, p.start, p.end, spans, heads_only=True, complete_only=complete_only)
    return out


def train(examples: list[Example], out: Path, params: dict | None = None) -> None:
    import pycrfsuite
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in examples:
        if xs:
            trainer.append(xs, ys)
    trainer.set_params({**TRAINER_PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def _score(paths: list[Path], variant: dict | None) -> dict:
    """The window eval of `paths` (dev windows): rules alone (variant None) or with the tagger's
    proposals and/or veto as the variant says ({"floor", "gate"} proposes; {"veto"} vetoes)."""
    from govgraph.ingest.pipeline import build_batch
    variant = variant or {}
    os.environ[crf_spans.ENV_SWITCH] = "1" if "floor" in variant else "0"
    os.environ[crf_veto.ENV_SWITCH] = "1" if "veto" in variant else "0"
    crf_spans.configure(min_marginal=variant.get("floor"), gate=variant.get("gate"),
                        contained=variant.get("contained", crf_spans.CONTAINED_LABELS))
    crf_veto.configure(floor=variant.get("veto"))
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "dev").mkdir()
        for p in paths:
            (Path(tmp) / "dev" / p.name).symlink_to(p)
        return evaluate_windows(build_batch, root=Path(tmp), roots=_roots(), splits=["dev"])["dev"]


def variant_name(variant: dict) -> str:
    parts = []
    if "floor" in variant:
        inner = ",".join(sorted(variant.get("contained", ()))) or "none"
        parts.append(f"proposes (marginal >= {variant['floor']}, gate {variant['gate']}, may contain {inner})")
    if "veto" in variant:
        parts.append(f"vetoes (P(O) >= {variant['veto']})")
    return "rules + tagger " + " + ".join(parts)


def _add(total: dict, res: dict) -> None:
    for label, v in res["labels"].items():
        t = total.setdefault(label, {"tp": 0, "fp": 0, "fn": 0})
        for k in t:
            t[k] += v[k]
    t = total.setdefault("relations", {"tp": 0, "fp": 0, "fn": 0})
    for k in t:
        t[k] += res["relations_micro"][k]
    total.setdefault("traps", []).extend(res["traps"])


def format_scores(name: str, total: dict) -> str:
    def row(label: str, v: dict) -> str:
        p = v["tp"] / (v["tp"] + v["fp"]) if v["tp"] + v["fp"] else 0.0
        r = v["tp"] / (v["tp"] + v["fn"]) if v["tp"] + v["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"  {label:<14}{p:7.3f}{r:7.3f}{f:7.3f}{v['tp']:6d}{v['fp']:5d}{v['fn']:5d}"
    micro = {k: sum(total[l][k] for l in CLOSED if l in total) for k in ("tp", "fp", "fn")}
    lines = [f"{name}: label P R F1 tp fp fn"] + [row(l, total[l]) for l in CLOSED if l in total]
    lines += [row("entities", micro), row("relations", total["relations"]), f"  traps: {total.get('traps', [])}"]
    return "\n".join(lines)


def _changes(base: dict, crf: dict) -> list[str]:
    """Per window, the false positives the tagger added and the misses it found."""
    out = []
    for b, c in zip(base["windows"], crf["windows"]):
        added = sorted(set(c["errors"]["entities_fp"]) - set(b["errors"]["entities_fp"]))
        found = sorted(set(b["errors"]["entities_fn"]) - set(c["errors"]["entities_fn"]))
        lost = sorted(set(c["errors"]["entities_fn"]) - set(b["errors"]["entities_fn"]))
        if added or found or lost:
            out.append(f"  {b['gold']}: found {found} new fp {added}" + (f" lost {lost}" if lost else ""))
    return out


def cross_validate(folds: int, silver: list[Example], variants: list[dict],
                   params: dict | None = None, models: Path | None = None) -> tuple[dict, list[dict], list[str]]:
    """Rules alone and rules + tagger (each variant) on held folds of the dev windows (window i is in
    fold i mod `folds`). With `models`, fold models are kept there and reused when present (training is
    ~85% of a run's CPU; only reuse them for the same windows, silver and parameters)."""
    windows = sorted((WINDOWS_DIR / "dev").glob("*.json"))
    reports = report_gold_examples() if models is None or not all(
        (models / f"fold{k}of{folds}.crfsuite").is_file() for k in range(folds)) else []
    base_total: dict = {}
    totals: list[dict] = [{} for _ in variants]
    changes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = [w for i, w in enumerate(windows) if i % folds == k]
            train_on = [w for i, w in enumerate(windows) if i % folds != k]
            model = (models or Path(tmp)) / f"fold{k}of{folds}.crfsuite"
            if models is None or not model.is_file():
                train(window_examples(train_on) + reports + silver, model, params)
            crf_spans.configure(model=model)
            base = _score(held, None)
            _add(base_total, base)
            for v, total in zip(variants, totals):
                res = _score(held, v)
                _add(total, res)
                changes += [f"[{variant_name(v)}]" + c for c in _changes(base, res)]
            print(f"fold {k}: held {[w.stem for w in held]}", file=sys.stderr)
    crf_spans.configure(model=crf_spans.MODEL_PATH)
    return base_total, totals, changes


def variants_from(floors: list[float], gates: list[str], vetoes: list[float], combine: bool,
                  contained: list[str] | None = None) -> list[dict]:
    """Proposal variants (each floor x gate x contained labels), veto variants, and with `combine` each
    proposal with each veto."""
    inner = ([frozenset(c.split(",")) - {"-"} for c in contained] if contained
             else [crf_spans.CONTAINED_LABELS])
    proposes = [{"floor": f, "gate": g, "contained": c} for f in floors for g in gates for c in inner]
    vetoing = [{"veto": v} for v in vetoes]
    both = [{**p, **v} for p in proposes for v in vetoing] if combine else []
    return proposes + vetoing + both


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("train", "cv"))
    ap.add_argument("--out", type=Path, default=crf_spans.MODEL_PATH)
    ap.add_argument("--silver", type=int, default=0, help="corpus-extra reports for silver labels")
    ap.add_argument("--silver-complete", action="store_true",
                    help="silver: only clauses whose every head noun a rule mention covers")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--labels", help="comma-separated labels the tagger may propose")
    ap.add_argument("--min-marginal", type=float, nargs="*", default=[crf_spans.MIN_MARGINAL],
                    help="proposal floors to cross-validate (none: no proposal variant)")
    ap.add_argument("--gate", nargs="+", default=[crf_spans.GATE], choices=("uncovered", "heads"),
                    help="clauses tagged for proposals: uncovered heads only, or every head of a proposed label")
    ap.add_argument("--contain", nargs="+", default=None,
                    help="rule labels a proposal may contain, one variant each (Place,Organization; - for none)")
    ap.add_argument("--veto", type=float, nargs="*", default=[], help="veto floors (P(O)) to cross-validate")
    ap.add_argument("--combine", action="store_true", help="also each proposal variant with each veto")
    ap.add_argument("--models", type=Path, help="cv: keep fold models in this folder and reuse them")
    ap.add_argument("--c1", type=float)
    ap.add_argument("--c2", type=float)
    a = ap.parse_args(argv)
    crf_spans.configure(labels=a.labels.split(",") if a.labels else None)
    params = {k: v for k, v in (("c1", a.c1), ("c2", a.c2)) if v is not None}
    t0 = time.process_time()
    silver = silver_examples(a.silver, a.silver_complete)
    print(f"silver: {len(silver)} clauses from {a.silver} reports ({time.process_time() - t0:.1f} s CPU)", file=sys.stderr)
    if a.command == "train":
        examples = window_examples(sorted((WINDOWS_DIR / "dev").glob("*.json"))) + report_gold_examples() + silver
        train(examples, a.out, params)
        print(f"trained on {len(examples)} clauses -> {a.out} ({a.out.stat().st_size:,} bytes)")
        return 0
    variants = variants_from(a.min_marginal, a.gate, a.veto, a.combine, a.contain)
    base, totals, changes = cross_validate(a.folds, silver, variants, params, a.models)
    print(format_scores("rules alone", base))
    for v, total in zip(variants, totals):
        print(format_scores(variant_name(v), total))
    print("\n".join(changes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
