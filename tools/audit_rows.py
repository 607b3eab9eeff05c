"""What the corpus audits of session 13 share (tools/policy_audit.py, agency_audit.py, org_audit.py,
place_audit.py, relation_audit.py): each finds the sentences of one general shape over the reports outside the
test windows and writes a row per sentence (file, genre, start, text and lists of what the extractor drew);
this module dumps those rows, prints a seeded sample of them by group, and diffs two dumps.

A tool gives its `sentences(path)` and the row fields it shows, each under a letter (`{"P": "policies"}`);
`audit_main` is its command line: dump OUT [FILE ...] | sample OUT N [SEED] [--kind K] | diff A B.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Callable, Iterable, Sequence

Row = dict
Sentences = Callable[[Path], list[Row]]


def dump_rows(out: Path, files: Sequence[Path], sentences: Sentences) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            for r in sentences(f):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    print(f"{len(files)} reports, {n} sentences -> {out}")
    return 0


def load_rows(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sample_rows(groups: dict[str, list[Row]], n: int, seed: int, shown: dict[str, str]) -> int:
    """About n rows spread evenly over the groups (sorted by name), drawn with `seed`, each with its shown fields."""
    rng = random.Random(seed)
    per = max(1, n // max(1, len(groups)))
    for g in sorted(groups):
        for i, r in enumerate(rng.sample(groups[g], min(per, len(groups[g])))):
            fields = "".join(f"\n  {letter}: {' | '.join(r[key]) or '-'}" for letter, key in shown.items())
            print(f"[{g} {i}] {r['file']}@{r['start']}\n  {r['text']}{fields}")
    return 0


def by_genre(rows: Iterable[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(r["genre"], []).append(r)
    return groups


def diff_rows(a_path: Path, b_path: Path, compared: dict[str, str]) -> int:
    """Each sentence whose compared fields differ between two dumps, with what was added (+) and removed (-)."""
    a = {(r["file"], r["start"]): r for r in load_rows(a_path)}
    b = {(r["file"], r["start"]): r for r in load_rows(b_path)}
    changed = 0
    for k in sorted(set(a) | set(b)):
        ra, rb = a.get(k), b.get(k)
        lines = []
        for letter, key in compared.items():
            xa, xb = set(ra[key]) if ra else set(), set(rb[key]) if rb else set()
            lines += [f"  +{letter} {x}" for x in sorted(xb - xa)] + [f"  -{letter} {x}" for x in sorted(xa - xb)]
        if not lines:
            continue
        changed += 1
        print(f"{k[0]}@{k[1]}\n  {(rb or ra)['text']}\n" + "\n".join(lines))
    print(f"{changed} sentences changed")
    return 0


def audit_main(argv: list[str] | None, description: str, sentences: Sentences,
               groups: Callable[[list[Row], str | None], dict[str, list[Row]]],
               shown: dict[str, str], compared: dict[str, str], kinds: Sequence[str] = ()) -> int:
    from policy_audit import default_files, test_reports  # the same files, the test reports left out whole

    ap = argparse.ArgumentParser(description=description)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("files", nargs="*", type=Path)
    s = sub.add_parser("sample")
    s.add_argument("path", type=Path)
    s.add_argument("n", type=int)
    s.add_argument("seed", type=int, nargs="?", default=13)
    if kinds:
        s.add_argument("--kind", choices=list(kinds))
    f = sub.add_parser("diff")
    f.add_argument("a", type=Path)
    f.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        held = test_reports()
        return dump_rows(args.out, [f for f in (args.files or default_files()) if f.name not in held], sentences)
    if args.cmd == "sample":
        return sample_rows(groups(load_rows(args.path), getattr(args, "kind", None)), args.n, args.seed, shown)
    return diff_rows(args.a, args.b, compared)
