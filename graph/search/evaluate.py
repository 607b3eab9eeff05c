"""Search and ask quality against hand-made gold questions (tests/gold/questions.jsonl).

For each retrieval mode (bm25, vector, hybrid) in the same run:
- evidence MRR, hit@1, hit@3 over the top k passages: a passage is right when it comes from the
  question's report and contains the gold evidence string (whitespace ignored);
- answer hit@3: among questions with expected answers, the share whose top 3 answers include one
  of them. Names match on the answer's name, aliases or English name, case and whitespace
  ignored; a name also matches one it contains or is contained in when the shorter is at least
  two thirds of the longer (首尔 ~ 首尔市, never 市政府 ~ 首尔市政府);
- search latency p50/p95 in milliseconds;
- with `equivalent=True` (`--equivalent`), a second, explicitly named figure beside the strict one:
  "equivalent evidence" also counts a passage of another report that holds the gold evidence verbatim
  (punctuation and whitespace aside) when the question names no year or place that report contradicts
  (the exact rule: graph/search/equivalent.py).

The same gold scores a store of its own reports or a whole collection (all 155 reports in one store):
the result says how many reports the store holds and refuses a store that lacks a gold report, since
its questions would count as misses for a reason that is not search.
"""
from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.ingest.batch import ReportInfo

from .equivalent import equivalent_report, strip_punctuation
from .results import Answer, Hit

MODES = ("bm25", "vector", "hybrid")
SPLITS = ("all", "dev", "test")
_WS = re.compile(r"\s+")


@dataclass
class GoldQuestion:
    id: str
    question: str
    lang: str
    label: str | None
    report: str
    evidence: str
    answers: list[str] = field(default_factory=list)
    # "question" (哪些部门…？, "Which office…?") or "phrase" (a noun phrase or keywords: 合肥滨湖科学城实体化改革实施方案)
    form: str = "question"


_DASH = re.compile(r"[-－—–‐‑−~～]+")


def _norm(s: str) -> str:
    """Compare text as a reader does: width, case, whitespace and dash style do not matter."""
    return _DASH.sub("-", _WS.sub("", unicodedata.normalize("NFKC", s or "")).casefold())


def read_gold_lines(path: str | Path, what: str, build, check=None) -> list:
    """Records of a JSON-lines gold file, one `build(dict)` a line. A bad line raises ValueError naming the
    file and line (`check(record)` may raise ValueError too); ids must be unique; an empty file is an error."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as e:
        raise ValueError(f"{path}: cannot read {what}: {e.strerror or e}") from e
    out, ids = [], set()
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = build(json.loads(line))
            if check:
                check(record)
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{path}:{no}: bad {what} line: {e}") from e
        if record.id in ids:
            raise ValueError(f"{path}:{no}: duplicate id {record.id!r}")
        ids.add(record.id)
        out.append(record)
    if not out:
        raise ValueError(f"{path}: no {what}")
    return out


def _gold_question(d: dict) -> GoldQuestion:
    return GoldQuestion(id=str(d["id"]), question=d["question"], lang=d["lang"], label=d.get("label"),
                        report=d["report"], evidence=d["evidence"], answers=list(d.get("answers") or []),
                        form=d.get("form") or "question")


def _check_question(q: GoldQuestion) -> None:
    if not q.question.strip() or not q.evidence.strip():
        raise ValueError("question and evidence must not be empty")


def load_gold(path: str | Path) -> list[GoldQuestion]:
    """Questions from a JSON-lines file; a bad line raises ValueError naming the file and line."""
    return read_gold_lines(path, "gold questions", _gold_question, _check_question)


def select(questions: list[GoldQuestion], split: str, since: str | None = None,
           before: str | None = None) -> list[GoldQuestion]:
    """dev = every other question from the first, test = the rest: both halves cover every report.
    `since` keeps the questions from that id on, `before` those before it (q199 starts the English
    questions written in session 6 before the system was run on them); the split is taken first, so
    a question stays in its half."""
    if split not in SPLITS:
        raise ValueError(f"split: must be one of {', '.join(SPLITS)}, got {split!r}")
    half = questions if split == "all" else questions[0::2] if split == "dev" else questions[1::2]
    keep = range(_position(questions, since, "since"), _position(questions, before, "before", len(questions)))
    ids = {questions[i].id for i in keep}
    return [q for q in half if q.id in ids]


def _position(questions: list[GoldQuestion], qid: str | None, what: str, default: int = 0) -> int:
    if qid is None:
        return default
    at = next((i for i, q in enumerate(questions) if q.id == qid), None)
    if at is None:
        raise ValueError(f"{what}: no gold question has id {qid!r}")
    return at


def gold_file(q: GoldQuestion) -> str:
    """The file name of the question's report (the gold may give a path)."""
    return q.report.replace("\\", "/").rsplit("/", 1)[-1]


def evidence_rank(q: GoldQuestion, hits: list[Hit]) -> int | None:
    """1-based rank of the first right passage, or None."""
    ev = _norm(q.evidence)
    report = gold_file(q)
    for i, h in enumerate(hits, 1):
        # a passage folded into a hit as a near-duplicate of another year ("also in 2019") is shown
        # by that hit, so the hit is right if the folded one would have been
        if (h.file == report or h.report == q.report or report in h.folded) and ev in _norm(h.text):
            return i
    return None


def equivalent_rank(q: GoldQuestion, hits: list[Hit], reports: dict[str, ReportInfo], years=(),
                    places=()) -> int | None:
    """1-based rank of the first passage that is right strictly or holds the gold evidence verbatim
    (punctuation aside) in another report the question's year and place do not rule out, or None."""
    strict = evidence_rank(q, hits)
    ev = strip_punctuation(_norm(q.evidence))
    gold = next((r for r in reports.values() if r.file == gold_file(q) or r.id == q.report), None)
    for i, h in enumerate(hits[:strict - 1] if strict else hits, 1):
        if ev in strip_punctuation(_norm(h.text)) and equivalent_report(reports.get(h.report), gold, years,
                                                                         places, reports):
            return i
    return strict


def names_match(expected: str, name: str) -> bool:
    a, b = _norm(expected), _norm(name)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return short in long_ and len(short) * 3 >= len(long_) * 2


def answer_hit(q: GoldQuestion, answers: list[Answer], top: int = 3) -> bool:
    return any(names_match(exp, n) for a in answers[:top] for n in a.names() for exp in q.answers)


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p * (len(s) - 1))))]


def store_coverage(store, questions: list[GoldQuestion]) -> dict:
    """How many reports the store holds and which gold reports it lacks (by file name)."""
    files = {r.file for r in store.reports()}
    gold = {gold_file(q) for q in questions}
    return {"reports": len(files), "gold_reports": len(gold), "missing": sorted(gold - files)}


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 4)


def evaluate(service, gold_path: str | Path, k: int = 10, modes: tuple[str, ...] | None = None,
             split: str = "all", equivalent: bool = False, since: str | None = None,
             before: str | None = None) -> dict:
    """Scores of every mode over the gold questions; modes needing vectors are skipped without a model.
    With `equivalent`, each mode also has the equivalent-evidence figures (`*_equiv`) beside the strict
    ones. Raises ValueError when the store lacks a report the questions are about."""
    questions = select(load_gold(gold_path), split, since, before)
    cover = store_coverage(service.store, questions)
    if cover["missing"]:
        raise ValueError(f"{gold_path}: the store lacks {len(cover['missing'])} gold report(s): "
                         + ", ".join(cover["missing"][:5]))
    if modes is None:
        modes = MODES if getattr(service, "embedder", None) is not None else ("bm25",)
    result = {"questions": len(questions), "k": k, "split": split, "store_reports": cover["reports"],
              "gold_reports": cover["gold_reports"],
              "with_answers": sum(1 for q in questions if q.answers), "modes": {}, "misses": {}}
    reports = {r.id: r for r in service.store.reports()} if equivalent else {}
    for mode in modes:
        rr, h1, h3, ans, lat = [], 0, 0, [], []
        by_lang: dict[str, list[float]] = {}
        by_form: dict[str, list[float]] = {}
        ans_by_lang: dict[str, list[float]] = {}
        label_ok = 0
        misses = []
        rr_eq, h1_eq, h3_eq, by_other = [], 0, 0, []
        for q in questions:
            t0 = time.perf_counter()
            res = service.ask(q.question, k=k, mode=mode)
            lat.append((time.perf_counter() - t0) * 1000)
            r = evidence_rank(q, res.passages)
            rr.append(1.0 / r if r else 0.0)
            by_lang.setdefault(q.lang, []).append(rr[-1])
            by_form.setdefault(q.form, []).append(rr[-1])
            label_ok += res.label == q.label
            h1 += r == 1
            h3 += r is not None and r <= 3
            if equivalent:
                intent = service.analyzer(q.question)
                re_ = equivalent_rank(q, res.passages, reports, getattr(intent, "years", ()),
                                      getattr(intent, "places", ()))
                rr_eq.append(1.0 / re_ if re_ else 0.0)
                h1_eq += re_ == 1
                h3_eq += re_ is not None and re_ <= 3
                if re_ != r:
                    by_other.append(q.id)
            ok = answer_hit(q, res.answers) if q.answers else None
            if q.answers:
                ans.append(ok)
                ans_by_lang.setdefault(q.lang, []).append(float(ok))
            if r != 1 or ok is False:
                misses.append({"id": q.id, "lang": q.lang, "form": q.form, "rank": r, "answer_ok": ok,
                               "got": [a.name for a in res.answers[:3]], "expected": q.answers,
                               **({"rank_equiv": re_} if equivalent else {})})
        n = len(questions)
        result["modes"][mode] = {
            "evidence_mrr": round(sum(rr) / n, 4),
            "hit@1": round(h1 / n, 4),
            "hit@3": round(h3 / n, 4),
            "answer_hit@3": round(sum(ans) / len(ans), 4) if ans else None,
            "label_accuracy": round(label_ok / n, 4),
            **{f"mrr_{lang}": _mean(v) for lang, v in sorted(by_lang.items())},
            **{f"mrr_{form}": _mean(v) for form, v in sorted(by_form.items())},
            **{f"answer_hit@3_{lang}": _mean(v) for lang, v in sorted(ans_by_lang.items())},
            "ask_ms_p50": round(statistics.median(lat), 2),
            "ask_ms_p95": round(_pct(lat, 0.95), 2),
        }
        if equivalent:
            result["modes"][mode].update({
                "evidence_mrr_equiv": round(sum(rr_eq) / n, 4), "hit@1_equiv": round(h1_eq / n, 4),
                "hit@3_equiv": round(h3_eq / n, 4), "equivalent_questions": by_other})
        result["misses"][mode] = misses
    return result


def format_table(result: dict) -> str:
    """A plain-text table, one row per mode."""
    head = (f"{'mode':<8} {'MRR':>6} {'hit@1':>6} {'hit@3':>6} {'ans@3':>6} {'label':>6} {'MRR zh':>6} "
            f"{'MRR en':>6} {'p50 ms':>7} {'p95 ms':>7}")
    lines = [f"search eval: {result['questions']} questions ({result['with_answers']} with answers), "
             f"k={result['k']}, split={result.get('split', 'all')}, store of {result.get('store_reports', '?')} "
             f"reports ({result.get('gold_reports', '?')} of them gold)", head, "-" * len(head)]
    for mode, m in result["modes"].items():
        ans = "-" if m["answer_hit@3"] is None else f"{m['answer_hit@3']:.3f}"
        zh, en = m.get("mrr_zh"), m.get("mrr_en")
        lines.append(f"{mode:<8} {m['evidence_mrr']:>6.3f} {m['hit@1']:>6.3f} {m['hit@3']:>6.3f} {ans:>6} "
                     f"{m.get('label_accuracy', 0.0):>6.3f} {'-' if zh is None else f'{zh:.3f}':>6} "
                     f"{'-' if en is None else f'{en:.3f}':>6} {m['ask_ms_p50']:>7.1f} {m['ask_ms_p95']:>7.1f}")
    if "hybrid" in result["modes"]:
        m = result["modes"]["hybrid"]
        parts = [f"{key} {m[key]:.3f}" for key in ("mrr_question", "mrr_phrase", "answer_hit@3_zh", "answer_hit@3_en")
                 if m.get(key) is not None]
        lines.append("hybrid by form and language: " + ", ".join(parts))
    for mode, m in result["modes"].items():
        if "evidence_mrr_equiv" in m:
            moved = m["equivalent_questions"]
            lines.append(f"{mode} equivalent evidence (another report, verbatim): MRR {m['evidence_mrr_equiv']:.3f} "
                         f"hit@1 {m['hit@1_equiv']:.3f} hit@3 {m['hit@3_equiv']:.3f} (strict {m['evidence_mrr']:.3f}; "
                         f"{len(moved)} questions ranked higher: {', '.join(moved) or '-'})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """python -m govgraph.graph.search.evaluate --store DIR [--gold FILE] [-k N] [--split dev] [--misses]
    [--equivalent] [--since qNNN] [--before qNNN]"""
    import argparse

    from govgraph.ingest.checkout import GOLD_QUESTIONS, NotInCheckout, shipped_gold
    from govgraph.ingest.question import analyze_question
    from govgraph.ingest.tokenize import tokenize_query
    from ..embedder import CachedEmbedder
    from ..store.factory import open_store
    from .service import SearchService

    ap = argparse.ArgumentParser(prog="govgraph.graph.search.evaluate")
    ap.add_argument("--store")
    ap.add_argument("--neo4j")
    ap.add_argument("--gold", help=f"gold questions (default: {GOLD_QUESTIONS}, in a checkout)")
    ap.add_argument("-k", type=int, default=10)
    ap.add_argument("--split", default="all", choices=SPLITS)
    ap.add_argument("--since", help="score only the questions from this id on (e.g. q199)")
    ap.add_argument("--before", help="score only the questions before this id (e.g. q199)")
    ap.add_argument("--rrf-k", type=int, default=None)
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--mode", action="append", choices=MODES, help="score only these modes (repeatable)")
    ap.add_argument("--equivalent", action="store_true",
                    help="also score equivalent evidence: another report's passage holding the gold evidence verbatim")
    a = ap.parse_args(argv)
    try:
        gold = a.gold or shipped_gold(GOLD_QUESTIONS)
    except NotInCheckout as e:
        ap.error(str(e))
    store = open_store(a.store, a.neo4j)
    emb = None if a.no_embed or store.model is None else CachedEmbedder(store.model)
    kw = {"rrf_k": a.rrf_k} if a.rrf_k is not None else {}
    svc = SearchService(store, emb, tokenize_query, analyze_question, **kw)
    try:
        res = evaluate(svc, gold, k=a.k, split=a.split, equivalent=a.equivalent, since=a.since, before=a.before,
                       modes=tuple(a.mode) if a.mode else None)
    except ValueError as e:
        ap.error(str(e))
    print(format_table(res))
    if a.misses:
        print(json.dumps(res["misses"], ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
