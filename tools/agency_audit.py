"""Recall audit of agency names: the sentences naming a government or party body, with the Agency spans (and
the spans of other labels over the body's words) the extractor drew in each (issue 13, session 13).

    python tools/agency_audit.py dump OUT.jsonl [FILE ...]   # default: corpus/, corpus-extra/ and the window
                                                             # texts, minus the reports of test windows
    python tools/agency_audit.py sample OUT.jsonl N [SEED]   # print N sentences spread over the genres
    python tools/agency_audit.py diff A.jsonl B.jsonl        # sentences whose Agency spans changed

A sentence is kept when it holds a body's shape: a level (国务院, 自治区, 省, 市, 区, 县, 镇, 街道) followed within a
few characters by an agency head (局, 厅, 委, 办, 署, 法院, 检察院, 人大, 政协, 中心, 队, 站, 所), a party or
congress body written alone (党委, 纪委, 人大常委会, 政协), or a bureau named by its field alone (司法局, 信访办).
The reports of the test windows are left out whole (tests/gold/windows/windows.json, split test), as in
tools/policy_audit.py: their sentences are never printed.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policy_audit import default_files, genre, test_reports  # noqa: E402  (the same files and genres)

_LEVEL = "国务院|自治区|街道|[省市区县镇]"
_HEAD = "局|厅|委员会|委|办公室|办|署|法院|检察院|人大|政协|中心|大队|支队|队|站|所"
# a level standing as the end of a word (社区, 全市, 城市) names no body
BODY = re.compile(rf"(?<![社城园片街辖全该各县乡镇地小校景军厂特新上超都股分门两湾港])(?:{_LEVEL})"
                  rf"[\u4e00-\u9fff]{{0,5}}?(?:{_HEAD})|党委|党工委|纪委|人大常委会|政协"
                  r"|[\u4e00-\u9fff]{2,4}(?<![布格结大全当])(?:局|厅|署)|信访办|外办|应急办")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def sentences(path: Path) -> list[dict]:
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
    out = []
    for p in st.passages:
        pt = doc.text[p.start:p.end]
        if not pt.strip():
            continue
        mentions = find_mentions(pt, p.start, ctx)
        for m in _SENTENCE.finditer(pt):
            s = m.group(0)
            if not BODY.search(s):
                continue
            start, end = p.start + m.start(), p.start + m.end()
            inside = [x for x in mentions if start <= x.start < end]
            out.append({"file": path.name, "genre": genre(path.name), "start": start, "text": s.strip(),
                        "agencies": [f"{x.surface}={x.name}" for x in inside if x.label == "Agency"],
                        "others": [f"{x.label}:{x.surface}" for x in inside
                                   if x.label in ("Organization", "Place") and BODY.search(x.surface)]})
    return out


def dump(out: Path, files: list[Path]) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            for r in sentences(f):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    print(f"{len(files)} reports, {n} sentences -> {out}")
    return 0


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sample(path: Path, n: int, seed: int) -> int:
    by_genre: dict[str, list[dict]] = {}
    for r in _load(path):
        by_genre.setdefault(r["genre"], []).append(r)
    rng = random.Random(seed)
    per = max(1, n // len(by_genre))
    for g in sorted(by_genre):
        for i, r in enumerate(rng.sample(by_genre[g], min(per, len(by_genre[g])))):
            print(f"[{g} {i}] {r['file']}@{r['start']}\n  {r['text']}\n  A: {' | '.join(r['agencies']) or '-'}\n"
                  f"  O: {' | '.join(r['others']) or '-'}")
    return 0


def diff(a_path: Path, b_path: Path) -> int:
    a = {(r["file"], r["start"]): r for r in _load(a_path)}
    b = {(r["file"], r["start"]): r for r in _load(b_path)}
    changed = 0
    for k in sorted(set(a) | set(b)):
        ra, rb = a.get(k), b.get(k)
        xa, xb = set(ra["agencies"]) if ra else set(), set(rb["agencies"]) if rb else set()
        if xa == xb:
            continue
        changed += 1
        print(f"{k[0]}@{k[1]}\n  {(rb or ra)['text']}")
        for x in sorted(xb - xa):
            print(f"  +A {x}")
        for x in sorted(xa - xb):
            print(f"  -A {x}")
    print(f"{changed} sentences changed")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("files", nargs="*", type=Path)
    s = sub.add_parser("sample")
    s.add_argument("path", type=Path)
    s.add_argument("n", type=int)
    s.add_argument("seed", type=int, nargs="?", default=13)
    f = sub.add_parser("diff")
    f.add_argument("a", type=Path)
    f.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        held = test_reports()
        files = [f for f in (args.files or default_files()) if f.name not in held]
        return dump(args.out, files)
    if args.cmd == "sample":
        return sample(args.path, args.n, args.seed)
    return diff(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
