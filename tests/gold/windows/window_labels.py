"""Per-window, per-label scores of chosen dev or test windows, from ONE run of the window eval.

`govgraph eval extraction --windows --json` gives each window's entity and relation totals only; a new
window's first-unseen figure is wanted by label too. This runs the same evaluation (evaluate_windows with the
product's build_batch) once, keeps every window's WindowScore as it is scored, prints the split's table as the
CLI does, then each chosen window's labels and relations with their misses and false items, and the chosen
windows together.

Run from the worktree: .venv/bin/python tests/gold/windows/window_labels.py dev w99 w100 w101 w102
"""
import sys

from govgraph.ingest import eval_windows as ew
from govgraph.ingest.pipeline import build_batch


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(split: str, ids: list[str]) -> None:
    kept: dict[str, ew.WindowScore] = {}
    score = ew.score_window

    def keeping(gold, batch):
        # the windows of a split come from distinct reports, so the report names the window
        kept[gold["file"]] = ws = score(gold, batch)
        return ws

    ew.score_window = keeping
    try:
        res = ew.evaluate_windows(build_batch, splits=[split])
    finally:
        ew.score_window = score
    print(ew.format_windows(res))
    labels: dict[str, list[int]] = {}
    rels: dict[str, list[int]] = {}
    for w in res[split]["windows"]:
        if w["gold"].split("_")[0] not in ids:
            continue
        ws = kept[w["file"]]
        print(f"\n## {w['gold']} {w['file']}: entities F1 {w['entities']['f1']:.3f}, "
              f"relations F1 {w['relations']['f1']:.3f}, traps {w['traps']}")
        for table, agg, tag in ((ws.labels, labels, ""), (ws.relations, rels, "R ")):
            for k, sc in sorted(table.items()):
                a = agg.setdefault(k, [0, 0, 0])
                a[0] += sc.tp; a[1] += sc.fp; a[2] += sc.fn
                p, r, _ = prf(sc.tp, sc.fp, sc.fn)
                print(f"  {tag}{k:15s} tp {sc.tp} fp {sc.fp} fn {sc.fn}  P {p:.3f} R {r:.3f}"
                      f"  missed {sc.fn_items}  false {sc.fp_items}")
    print(f"\n## {', '.join(ids)} together")
    for agg, tag in ((labels, "entities"), (rels, "relations")):
        total = [0, 0, 0]
        for k, (tp, fp, fn) in sorted(agg.items()):
            total = [total[0] + tp, total[1] + fp, total[2] + fn]
            print(f"  {k:15s} tp {tp} fp {fp} fn {fn}  P/R/F1 %.3f / %.3f / %.3f" % prf(tp, fp, fn))
        print(f"  {tag:15s} tp %d fp %d fn %d  P/R/F1 %.3f / %.3f / %.3f" % (*total, *prf(*total)))


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ew.SPLITS:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
