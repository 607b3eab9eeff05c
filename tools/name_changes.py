"""The closed-label names one extraction adds and removes against another, over two batch dumps.

    python tools/batch_dump.py dump A.jsonl            # with one version of the code (PYTHONPATH at its checkout)
    python tools/batch_dump.py dump B.jsonl            # with the other
    python tools/name_changes.py A.jsonl B.jsonl [--label Place]

Prints how many (label, name) nodes B has that A lacks and the reverse, counted once per report, then each
name with the number of reports. What a rule or the tagger adds or removes over the whole corpus is read
from this list (docs/extraction.md says how many of each were right).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

CLOSED = ("Agency", "Organization", "Place", "Policy", "Event")


def report_names(path: Path, labels: tuple[str, ...] = CLOSED) -> dict[str, set[tuple[str, str]]]:
    """(label, name) of each report's nodes of `labels`, by report file, from a batch_dump.py dump."""
    out: dict[str, set[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[r["file"]] = {(n["label"], n["name"]) for n in r.get("nodes", ()) if n["label"] in labels}
    return out


def name_changes(a: dict[str, set[tuple[str, str]]],
                 b: dict[str, set[tuple[str, str]]]) -> tuple[Counter, Counter]:
    """Names in b and not a (added), in a and not b (removed), each counted once per report both hold."""
    added: Counter = Counter()
    removed: Counter = Counter()
    for f in a.keys() & b.keys():
        added.update(b[f] - a[f])
        removed.update(a[f] - b[f])
    return added, removed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--label", action="append", choices=CLOSED, help="only these labels (default: every closed one)")
    args = ap.parse_args(argv)
    labels = tuple(args.label or CLOSED)
    added, removed = name_changes(report_names(args.a, labels), report_names(args.b, labels))
    for title, c in (("added", added), ("removed", removed)):
        by_label = Counter(label for label, _ in c.elements())
        print(f"{title}: {sum(c.values())} ({len(c)} distinct) {dict(sorted(by_label.items()))}")
        for (label, name), n in sorted(c.items()):
            print(f"  {label}\t{name}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
