"""Dump every mention the rules find in the corpus reports outside the test windows, and diff two dumps: how a
rule's additions and removals over the corpus are read (issue 13, session 12).

    python tools/mention_dump.py dump OUT.jsonl            # corpus/ and corpus-extra/, test-window reports left out
    python tools/mention_dump.py diff A.jsonl B.jsonl [LABEL]  # each mention removed (-) or added (+), with context

A line per mention: file, label, offsets, surface, name and a few characters either side. Unlike
batch_dump.py (nodes with passage evidence) it keeps each mention's own span, so a rule's reads can be counted
one by one; the reports holding a test window are skipped whole (session 13: the rest of such a report is the same
writing as its window, and a rule written from it would be scored on its own source).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

SHARED = Path("/work/shared")
WINDOWS = Path(__file__).resolve().parent.parent / "tests" / "gold" / "windows" / "windows.json"


def _test_reports() -> set[str]:
    return {w["file"] for w in json.loads(WINDOWS.read_text(encoding="utf-8")) if w["split"] == "test"}


def passage_mentions(path: Path):
    """(report text, passage start, passage text, the rules' mentions in it) for each non-empty passage of the
    report at `path`, read as ingest reads it (its place from its author and text); agency_audit.py reads them too."""
    from govgraph.ingest.batch import ReportInfo, report_id_for
    from govgraph.ingest.extract import build_context, find_mentions
    from govgraph.ingest.readers import read_document
    from govgraph.ingest.structure import parse_structure
    from govgraph.ingest.time.place import report_place

    doc = read_document(path)
    rid = report_id_for(doc.file)
    st = parse_structure(doc, rid)
    rep = ReportInfo(id=rid, title=st.title, file=doc.file, sha256=doc.sha256, year=st.year, author=st.author,
                     genre=st.genre, chars=len(doc.text), encoding=doc.encoding, format=doc.format, pipeline=0)
    rep.place, rep.place_before = report_place(st.author, doc.text)
    ctx = build_context(rep, doc.text)
    for p in st.passages:
        pt = doc.text[p.start:p.end]
        if pt.strip():
            yield doc.text, p.start, pt, find_mentions(pt, p.start, ctx)


def dump(out: Path) -> int:
    tests = _test_reports()
    files = [f for d in ("corpus", "corpus-extra") for f in sorted((SHARED / d).glob("*.txt")) if f.name not in tests]
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            for text, _, _, mentions in passage_mentions(f):
                for m in mentions:
                    fh.write(json.dumps({"f": f.name, "label": m.label, "s": m.start, "e": m.end, "surface": m.surface,
                                         "name": m.name, "ctx": text[max(0, m.start - 12):m.end + 6]},
                                        ensure_ascii=False) + "\n")
                    n += 1
    print(f"{len(files)} reports, {n} mentions -> {out}")
    return 0


def diff(a_path: Path, b_path: Path, label: str | None) -> int:
    def load(p: Path) -> dict[tuple, dict]:
        rows = map(json.loads, p.read_text(encoding="utf-8").splitlines())
        return {(r["f"], r["label"], r["s"], r["e"], r["name"]): r for r in rows if label in (None, r["label"])}

    a, b = load(a_path), load(b_path)
    for sign, keys, src in (("-", sorted(set(a) - set(b)), a), ("+", sorted(set(b) - set(a)), b)):
        for k in keys:
            r = src[k]
            print(sign, r["label"], r["surface"], "->", r["name"], "|", r["ctx"].replace("\n", "/"), "|", r["f"])
    print(f"removed {len(set(a) - set(b))}, added {len(set(b) - set(a))}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    f = sub.add_parser("diff")
    f.add_argument("a", type=Path)
    f.add_argument("b", type=Path)
    f.add_argument("label", nargs="?")
    args = ap.parse_args(argv)
    return dump(args.out) if args.cmd == "dump" else diff(args.a, args.b, args.label)


if __name__ == "__main__":
    raise SystemExit(main())
