"""Recall audit of organisation names: the sentences holding an organisation head (公司, 集团, 银行, 大学, 学院,
医院, 研究院, 实验室, 中心, 协会, 基金, 交易所 …) or a firm list (A、B等企业), with the Organization spans the
extractor drew in each.

    python tools/org_audit.py dump OUT.jsonl [FILE ...]   # default: corpus/, corpus-extra/ and the window texts,
                                                          # minus the reports of test windows (whole)
    python tools/org_audit.py sample OUT.jsonl N [SEED]   # print N sentences spread over the genres
    python tools/org_audit.py diff A.jsonl B.jsonl        # sentences whose Organization spans changed

The file selection and genres are tools/policy_audit.py's, so test windows' reports are never printed.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policy_audit import _SENTENCE, default_files, genre, test_reports  # noqa: E402

# Heads a named body ends in; bare 企业/中心/基金 alone are left out (they end far more kinds and goals than names:
# the first dump with them held 15,964 sentences, most without any body named).
_HEAD = ("公司|集团|银行|大学|学院|学校|中学|小学|幼儿园|医院|研究院|研究所|实验室|协会|商会|联盟|基金会|基金|"
         "交易所|报社|电视台|日报|研究中心|技术中心|创新中心|工程中心|孵化器|酒店|控股|科技")
# a head after two Chinese characters (a name, not 大学生), or a list of short items before 等 and a class of firms
SHAPE = re.compile(rf"[\u4e00-\u9fffA-Za-z]{{2}}(?:{_HEAD})(?!生)|"
                   rf"[\u4e00-\u9fffA-Za-z]{{2,8}}、[\u4e00-\u9fffA-Za-z]{{2,8}}(?:、[\u4e00-\u9fffA-Za-z]{{2,8}})*等[^，。；]{{0,6}}(?:企业|公司|集团|机构|高校|平台)")


def sentences(path: Path) -> list[dict]:
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.pipeline import build_batch

    try:
        b = build_batch(path)
    except IngestError:
        return []
    orgs = [(ev.start, ev.end, n.name) for n in b.nodes if n.label == "Organization" for ev in n.evidence]
    out = []
    for p in b.passages:
        for m in _SENTENCE.finditer(p.text):
            s = m.group(0)
            if not SHAPE.search(s):
                continue
            start, end = p.start + m.start(), p.start + m.end()
            out.append({"file": path.name, "genre": genre(path.name), "start": start, "text": s.strip(),
                        "orgs": sorted({n for a, z, n in orgs if start <= a < end})})
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
            print(f"[{g} {i}] {r['file']}@{r['start']}\n  {r['text']}\n  O: {' | '.join(r['orgs']) or '-'}")
    return 0


def diff(a_path: Path, b_path: Path) -> int:
    a = {(r["file"], r["start"]): r for r in _load(a_path)}
    b = {(r["file"], r["start"]): r for r in _load(b_path)}
    changed = 0
    for k in sorted(set(a) | set(b)):
        ra, rb = a.get(k), b.get(k)
        oa, ob = set(ra["orgs"]) if ra else set(), set(rb["orgs"]) if rb else set()
        if oa == ob:
            continue
        changed += 1
        print(f"{k[0]}@{k[1]}\n  {(rb or ra)['text']}")
        for x in sorted(ob - oa):
            print(f"  +O {x}")
        for x in sorted(oa - ob):
            print(f"  -O {x}")
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
