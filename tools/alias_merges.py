"""Which nodes one extraction folds into others as aliases, against another, over two batch dumps.

    python tools/batch_dump.py dump A.jsonl            # with one version of the code (PYTHONPATH at its checkout)
    python tools/batch_dump.py dump B.jsonl            # with the other
    python tools/alias_merges.py A.jsonl B.jsonl [--contexts]

Prints the closed-label nodes per report and over a store (one node per label and name), each node of A that
B folds into another under its name as an alias (both forms nodes in A: two nodes became one; else a rename),
and with --contexts every sentence B's aliased nodes gained, around the alias, to read the new mentions by
hand (docs/extraction-names.md, session 13).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

CLOSED = ("Agency", "Organization", "Place", "Policy", "Event")


def load(path: Path) -> dict[str, dict[tuple[str, str], dict]]:
    """Each report's closed-label nodes by (label, name), from a batch_dump.py dump."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[r["file"]] = {(n["label"], n["name"]): n for n in r.get("nodes", ()) if n["label"] in CLOSED}
    return out


def folds(a: dict, b: dict) -> list[tuple[str, tuple[str, str], tuple[str, str], bool]]:
    """(report, A's node, B's node it went into, whether B's node was a node of A too)."""
    out = []
    for f, nodes in b.items():
        old = a.get(f, {})
        for key, n in nodes.items():
            for alias in n["aliases"]:
                gone = (key[0], alias)
                if gone in old and gone not in nodes:
                    out.append((f, gone, key, key in old))
    return out


def gained_contexts(a: dict, b: dict, width: int = 16) -> list[str]:
    """The sentences B's nodes gained that hold one of their aliases, cut around the alias."""
    out = []
    for f, nodes in b.items():
        old = a.get(f, {})
        for key, n in nodes.items():
            if not n["aliases"]:
                continue
            seen = {(e["start"], e["end"]) for k in (key, *((key[0], al) for al in n["aliases"]))
                    for e in old.get(k, {}).get("evidence", ())}
            for e in n["evidence"]:
                if (e["start"], e["end"]) in seen:
                    continue
                i, alias = next(((e["text"].find(al), al) for al in n["aliases"] if al in e["text"]), (-1, ""))
                if i >= 0:
                    out.append(f"{f}\t{key[1]}\t{e['text'][max(0, i - width):i + len(alias) + width]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--contexts", action="store_true")
    args = ap.parse_args(argv)
    a, b = load(args.a), load(args.b)
    store = [{k for nodes in d.values() for k in nodes} for d in (a, b)]
    print(f"closed-label nodes per report: {sum(map(len, a.values()))} -> {sum(map(len, b.values()))}")
    print(f"over a store (label, name): {len(store[0])} -> {len(store[1])}; "
          f"gone {sorted(n for _, n in store[0] - store[1])}")
    found = folds(a, b)
    print(f"folded into another node: {len(found)} ({sum(both for *_, both in found)} where both were nodes)")
    for f, gone, into, both in found:
        print(f"  {f}\t{gone[1]} -> {into[1]}{'  (both nodes before)' if both else ''}")
    if args.contexts:
        for line in gained_contexts(a, b):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
