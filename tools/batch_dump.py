"""Dump every report's batch and diff two dumps: proof that a speed change left extraction's output alone.

    python tools/batch_dump.py dump OUT.jsonl [FILE ...]   # default: corpus/, corpus-extra/, the gold windows' texts
    python tools/batch_dump.py diff A.jsonl B.jsonl          # exit 1 and name what differs, else 0

A line per report: its file name and the whole batch (report, passages, nodes, edges with evidence and
props, entity texts, search tokens) as canonical JSON, in the order build_batch made them, so a reordering
counts as a change too. Run `dump` with each version of the code (e.g. `PYTHONPATH` pointing at another
checkout's `govgraph` namespace) and `diff` the two files.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

SHARED = Path("/work/shared")
WINDOW_TEXTS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "windows" / "texts"


def default_files() -> list[Path]:
    folders = (SHARED / "corpus", SHARED / "corpus-extra", WINDOW_TEXTS)
    return [f for d in folders for f in sorted(d.glob("*.txt"))]


def batch_record(path: Path) -> dict:
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.pipeline import build_batch

    try:
        b = build_batch(path)
    except IngestError as e:
        return {"file": path.name, "error": str(e)}
    return {"file": path.name, "report": b.report.to_dict(), "passages": [p.to_dict() for p in b.passages],
            "nodes": [n.to_dict() for n in b.nodes], "edges": [e.to_dict() for e in b.edges],
            "entity_texts": b.entity_texts, "tokens": b.tokens}


def dump(out: Path, files: list[Path]) -> int:
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            fh.write(json.dumps(batch_record(f), ensure_ascii=False, sort_keys=True, default=str) + "\n")
    print(f"{len(files)} reports -> {out}")
    return 0


def _load(path: Path) -> dict[str, dict]:
    return {r["file"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _first_difference(a: dict, b: dict) -> str:
    for key in sorted(set(a) | set(b)):
        if a.get(key) == b.get(key):
            continue
        va, vb = a.get(key), b.get(key)
        if isinstance(va, list) and isinstance(vb, list):
            i = next((i for i, (x, y) in enumerate(zip(va, vb)) if x != y), min(len(va), len(vb)))
            return (f"{key}: {len(va)} vs {len(vb)} items; first difference at #{i}: "
                    f"{json.dumps(va[i:i + 1], ensure_ascii=False)[:300]} vs {json.dumps(vb[i:i + 1], ensure_ascii=False)[:300]}")
        return f"{key}: {json.dumps(va, ensure_ascii=False)[:300]} vs {json.dumps(vb, ensure_ascii=False)[:300]}"
    return "?"


def diff(a_path: Path, b_path: Path) -> int:
    a, b = _load(a_path), _load(b_path)
    differing = 0
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b:
            print(f"{name}: only in {a_path if name in a else b_path}")
            differing += 1
        elif a[name] != b[name]:
            print(f"{name}: {_first_difference(a[name], b[name])}")
            differing += 1
    nodes = sum(len(r.get("nodes", ())) for r in a.values())
    edges = sum(len(r.get("edges", ())) for r in a.values())
    print(f"{len(a)} / {len(b)} reports ({nodes:,} nodes, {edges:,} edges in the first); {differing} differ")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("files", type=Path, nargs="*")
    c = sub.add_parser("diff")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    a = ap.parse_args(argv)
    if a.cmd == "dump":
        return dump(a.out, a.files or default_files())
    return diff(a.a, a.b)


if __name__ == "__main__":
    sys.exit(main())
