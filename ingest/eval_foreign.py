"""Foreign-tie quality against tests/gold/foreign: precision and recall of PARTNER_OF, traps, `since`.

A gold file names a report (a corpus file, or a text under tests/gold/foreign/texts), its split (dev:
looked at while writing the rules; test: scored only when a step is done), every tie the report
states (home, partner with aliases, country, since, kind) and traps: phrases that must give no edge
(儿童友好城市, 深港姊妹学校, a planned tie, a count). Gold is exhaustive for its report: any other
PARTNER_OF edge is a false positive. Names match after dropping an administrative suffix (饭山市 = 饭山).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from govgraph.ingest.batch import GraphBatch
from govgraph.ingest.vocabulary import RelType
from govgraph.ingest.eval_extract import Score, default_roots, find_report

_SUFFIX = re.compile(r"(?:市|郡|县)$")
FOREIGN_GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold" / "foreign"


def _key(name: str) -> str:
    n = name.replace("·", "").replace(" ", "")
    return _SUFFIX.sub("", n) if len(n) > 2 else n


@dataclass
class SplitResult:
    ties: Score = field(default_factory=Score)
    traps_hit: list[str] = field(default_factory=list)
    traps: int = 0
    since_right: int = 0
    since_gold: int = 0
    country_right: int = 0
    country_gold: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"ties": self.ties.to_dict(), "fp": self.ties.fp_items, "fn": self.ties.fn_items,
                "traps": self.traps, "traps_hit": self.traps_hit,
                "since": f"{self.since_right}/{self.since_gold}", "country": f"{self.country_right}/{self.country_gold}"}


def score_file(gold: dict[str, Any], batch: GraphBatch, res: SplitResult) -> None:
    nodes = {n.id: n for n in batch.nodes}
    pred = {}
    for e in batch.edges:
        if e.type != RelType.PARTNER_OF:
            continue
        a, b = nodes[e.source], nodes[e.target]
        keys = {frozenset({_key(x), _key(y)}) for x in [a.name, *a.aliases] for y in [b.name, *b.aliases]}
        pred[(e.source, e.target)] = (keys, e, a, b)
    matched = set()
    for t in gold["ties"]:
        want = {frozenset({_key(t["home"]), _key(p)}) for p in [t["partner"], *t.get("aliases", [])]}
        hit = next((k for k, (keys, *_) in pred.items() if k not in matched and keys & want), None)
        label = f"{batch.report.file}: {t['home']} <-> {t['partner']}"
        if hit is None:
            res.ties.fn += 1
            res.ties.fn_items.append(label)
            continue
        matched.add(hit)
        res.ties.tp += 1
        _, e, a, b = pred[hit]
        partner = b if _key(t["home"]) in {_key(x) for x in [a.name, *a.aliases]} else a
        if t.get("since"):
            res.since_gold += 1
            res.since_right += int(e.props.get("since") == t["since"])
        if t.get("country"):
            res.country_gold += 1
            res.country_right += int(partner.props.get("country") == t["country"])
    wrong = [e for k, (_, e, a, b) in pred.items() if k not in matched]
    for k, (_, e, a, b) in pred.items():
        if k not in matched:
            res.ties.fp += 1
            res.ties.fp_items.append(f"{batch.report.file}: {a.name} <-> {b.name}")
    for trap in gold.get("traps", []):
        at = batch.text.find(trap)
        if at < 0:
            raise ValueError(f"gold trap {trap!r} not found in {gold['file']}")
        res.traps += 1
        # a trap is hit when an edge the gold does not hold stands on a sentence holding the trap
        if any(ev.start < at + len(trap) and at < ev.end for e in wrong for ev in e.evidence):
            res.traps_hit.append(f"{batch.report.file}: {trap}")


def evaluate_foreign(gold_dir: str | Path, build_batch: Callable[[Path], GraphBatch],
                     roots: Iterable[Path] | None = None) -> dict[str, Any]:
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.glob("*/*.json"))
    if not files:
        raise FileNotFoundError(f"no foreign-tie gold files (SPLIT/*.json) in {gold_dir}")
    roots = [gold_dir / "texts", *(list(roots) if roots is not None else default_roots())]
    splits: dict[str, SplitResult] = {}
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        batch = build_batch(find_report(gold["file"], roots))
        score_file(gold, batch, splits.setdefault(gold.get("split", f.parent.name), SplitResult()))
    return {k: v.to_dict() for k, v in sorted(splits.items())}


def format_foreign(result: dict[str, Any]) -> str:
    lines = [f"{'foreign ties':<14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'traps hit':>10} "
             f"{'since':>6} {'country':>8}"]
    for split, r in result.items():
        s = r["ties"]
        lines.append(f"{split:<14} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['tp']:>4} "
                     f"{s['fp']:>4} {s['fn']:>4} {len(r['traps_hit']):>4}/{r['traps']:<5} {r['since']:>6} "
                     f"{r['country']:>8}")
    for split, r in result.items():
        for k in ("fp", "fn", "traps_hit"):
            for x in r[k]:
                lines.append(f"  {split} {k}: {x}")
    return "\n".join(lines)
