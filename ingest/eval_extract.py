"""Extraction quality against hand-made gold: precision, recall and F1 by label and relation type.

Gold files (tests/gold/extraction/*.json) name a report file, the character range annotated, the
entities (label, name, aliases) and relations (source name, type, target name) a careful reader
finds there. Matching is by label + name, accepting aliases on either side; measure and event
names, which have no single spelling, match when one contains the other or they share most
character bigrams. Predictions count only where their evidence lies inside the annotated range.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from govgraph.ingest.batch import INDICATOR, PLAN, SYMMETRIC, GraphBatch
from govgraph.ingest.checkout import GOLD_EXTRACTION, REPO, NotInCheckout, checkout_path, in_checkout, shipped_gold

_FUZZY = {"Measure", "Event"}
_STRIP = str.maketrans("", "", "“”\"‘’《》 　·")


# the extractor writes a title's year range with one dash (2015—2020年) whatever the report used (-, －, –)
_DASHES = str.maketrans({"-": "—", "－": "—", "–": "—"})


def _norm(s: str) -> str:
    return s.translate(_STRIP).translate(_DASHES).replace("(", "（").replace(")", "）")


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def names_match(label: str, a: Iterable[str], b: Iterable[str]) -> bool:
    A = {_norm(x) for x in a if x}
    B = {_norm(x) for x in b if x}
    if A & B:
        return True
    if label not in _FUZZY:
        return False
    for x in A:
        for y in B:
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 4 and short in long_ and len(short) >= 0.4 * len(long_):
                return True
            bx, by = _bigrams(x), _bigrams(y)
            if 2 * len(bx & by) / (len(bx) + len(by)) >= 0.6:
                return True
    return False


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_items: list[str] = field(default_factory=list)
    fn_items: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _match_sets(label: str, gold: list[list[str]], pred: list[list[str]]) -> tuple[list[int | None], set[int]]:
    """Greedy one-to-one matching; returns for each gold item its predicted partner (or None)."""
    used: set[int] = set()
    out: list[int | None] = []
    for g in gold:
        hit = None
        for i, p in enumerate(pred):
            if i not in used and names_match(label, g, p):
                hit = i
                break
        if hit is not None:
            used.add(hit)
        out.append(hit)
    return out, used


def _in_scope(evidence, lo: int, hi: int) -> bool:
    return any(ev.start < hi and lo < ev.end for ev in evidence)


def score_report(gold: dict[str, Any], batch: GraphBatch) -> tuple[dict[str, Score], dict[str, Score]]:
    lo = int(gold.get("scope", {}).get("start", 0))
    hi = gold.get("scope", {}).get("end")
    hi = len(batch.text) if hi is None else int(hi)
    # Indicator and Plan nodes are time records, scored by `govgraph eval time` against their own gold.
    nodes = [n for n in batch.nodes if _in_scope(n.evidence, lo, hi) and n.label not in (INDICATOR, PLAN)]
    by_label: dict[str, Score] = {}
    gold_ents = gold["entities"]
    # node id -> index of the gold entity it matched, per label
    node_to_gold: dict[str, int] = {}
    labels = sorted({e["label"] for e in gold_ents} | {n.label for n in nodes})
    for label in labels:
        g_items = [(i, [e["name"], *e.get("aliases", [])]) for i, e in enumerate(gold_ents) if e["label"] == label]
        p_nodes = [n for n in nodes if n.label == label]
        p_items = [[n.name, *n.aliases] for n in p_nodes]
        partners, used = _match_sets(label, [g for _, g in g_items], p_items)
        sc = Score()
        for (gi, g), pi in zip(g_items, partners):
            if pi is None:
                sc.fn += 1
                sc.fn_items.append(g[0])
            else:
                sc.tp += 1
                node_to_gold[p_nodes[pi].id] = gi
        for i, n in enumerate(p_nodes):
            if i not in used:
                # a second node for an already matched gold entity is a duplicate, still a false positive
                sc.fp += 1
                sc.fp_items.append(n.name)
                for gi, g in g_items:
                    if names_match(label, g, [n.name, *n.aliases]):
                        node_to_gold.setdefault(n.id, gi)
                        break
        by_label[label] = sc

    name_index = {}
    for i, e in enumerate(gold_ents):
        for nm in [e["name"], *e.get("aliases", [])]:
            name_index.setdefault(_norm(nm), i)

    def gold_idx(name: str) -> int | None:
        i = name_index.get(_norm(name))
        if i is None:
            # relation ends may name an entity by a fuzzy variant
            for j, e in enumerate(gold_ents):
                if names_match(e["label"], [e["name"], *e.get("aliases", [])], [name]):
                    return j
        return i

    names_by_id = {n.id: n.name for n in batch.nodes}
    by_type: dict[str, Score] = {}
    gold_rels: dict[str, set[tuple[Any, Any]]] = {}
    gold_rel_text: dict[tuple[str, Any, Any], str] = {}
    for r in gold["relations"]:
        s, t = gold_idx(r["source"]), gold_idx(r["target"])
        if s is None or t is None:
            raise ValueError(f"gold relation names an unknown entity: {r}")
        key = (s, t) if r["type"] not in SYMMETRIC else tuple(sorted((s, t)))
        gold_rels.setdefault(r["type"], set()).add(key)
        gold_rel_text[(r["type"], *key)] = f"{r['source']} -{r['type']}-> {r['target']}"
    pred_rels: dict[str, dict[tuple[Any, Any], str]] = {}
    for e in batch.edges:
        if not _in_scope(e.evidence, lo, hi):
            continue
        s = node_to_gold.get(e.source, ("pred", e.source))
        t = node_to_gold.get(e.target, ("pred", e.target))
        key = (s, t)
        if e.type in SYMMETRIC:
            key = tuple(sorted((s, t), key=str))
        pred_rels.setdefault(e.type, {})[key] = (
            f"{names_by_id.get(e.source)} -{e.type}-> {names_by_id.get(e.target)}")
    for t in sorted(set(gold_rels) | set(pred_rels)):
        g = gold_rels.get(t, set())
        p = pred_rels.get(t, {})
        sc = Score()
        for k in g:
            if k in p:
                sc.tp += 1
            else:
                sc.fn += 1
                sc.fn_items.append(gold_rel_text[(t, *k)])
        for k, txt in p.items():
            if k not in g:
                sc.fp += 1
                sc.fp_items.append(txt)
        by_type[t] = sc
    return by_label, by_type


def find_report(file: str, roots: Iterable[Path]) -> Path:
    for r in roots:
        p = Path(r) / file
        if p.is_file():
            return p
    raise FileNotFoundError(f"gold names report {file!r}, not found under {[str(r) for r in roots]}")


def default_roots() -> list[Path]:
    """GOVGRAPH_CORPUS, then the shared corpus and data/samples beside a checkout (none from a wheel)."""
    roots = [Path(p) for p in os.environ.get("GOVGRAPH_CORPUS", "").split(os.pathsep) if p]
    shared = [REPO.parent / "shared"] if in_checkout() else []
    for folder in (*shared, Path("/work/shared")):
        roots += [folder / "corpus", folder / "corpus-extra"]
    samples = checkout_path("data/samples")
    return roots + ([samples] if samples else [])


def evaluate(gold_dir: str | Path, build_batch: Callable[[Path], GraphBatch],
             roots: Iterable[Path] | None = None) -> dict[str, Any]:
    """Score every gold file in `gold_dir`; `build_batch(path)` is the pipeline under test."""
    roots = list(roots) if roots is not None else default_roots()
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no gold files (*.json) in {gold_dir}")
    labels: dict[str, Score] = {}
    types: dict[str, Score] = {}
    reports = []
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        batch = build_batch(find_report(gold["file"], roots))
        bl, bt = score_report(gold, batch)
        for k, v in bl.items():
            labels.setdefault(k, Score()).add(v)
        for k, v in bt.items():
            types.setdefault(k, Score()).add(v)
        ent, rel = Score(), Score()
        for v in bl.values():
            ent.add(v)
        for v in bt.values():
            rel.add(v)
        reports.append({"gold": f.name, "file": gold["file"], "entities": ent.to_dict(), "relations": rel.to_dict(),
                        "errors": {"entities_fp": [x for v in bl.values() for x in v.fp_items],
                                   "entities_fn": [x for v in bl.values() for x in v.fn_items],
                                   "relations_fp": [x for v in bt.values() for x in v.fp_items],
                                   "relations_fn": [x for v in bt.values() for x in v.fn_items]}})
    ent_total, rel_total = Score(), Score()
    for v in labels.values():
        ent_total.add(v)
    for v in types.values():
        rel_total.add(v)
    return {"labels": {k: v.to_dict() for k, v in sorted(labels.items())},
            "relations": {k: v.to_dict() for k, v in sorted(types.items())},
            "entities_micro": ent_total.to_dict(), "relations_micro": rel_total.to_dict(),
            "reports": reports}


def format_table(result: dict[str, Any]) -> str:
    lines = []

    def block(title: str, rows: dict[str, dict[str, Any]], total: dict[str, Any]) -> None:
        lines.append(f"{title:<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        for k, v in rows.items():
            lines.append(f"{k:<18} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f} "
                         f"{v['tp']:>5} {v['fp']:>5} {v['fn']:>5}")
        lines.append(f"{'micro':<18} {total['precision']:>6.3f} {total['recall']:>6.3f} {total['f1']:>6.3f} "
                     f"{total['tp']:>5} {total['fp']:>5} {total['fn']:>5}")
        lines.append("")

    block("entity label", result["labels"], result["entities_micro"])
    block("relation type", result["relations"], result["relations_micro"])
    for r in result["reports"]:
        lines.append(f"{r['file']}: entities F1 {r['entities']['f1']:.3f}, relations F1 {r['relations']['f1']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse
    from govgraph.ingest.pipeline import build_batch
    ap = argparse.ArgumentParser(description="extraction P/R/F1 against gold annotations")
    ap.add_argument("gold_dir", nargs="?", help=f"gold folder (default: {GOLD_EXTRACTION}, in a checkout)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    a = ap.parse_args(argv)
    try:
        gold_dir = a.gold_dir or shipped_gold(GOLD_EXTRACTION, "a gold folder (GOLD_DIR)")
    except NotInCheckout as e:
        ap.error(str(e))
    res = evaluate(gold_dir, build_batch)
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
    else:
        print(format_table(res))
        if a.errors:
            for r in res["reports"]:
                print(f"\n== {r['file']}")
                for k, v in r["errors"].items():
                    print(f"  {k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
