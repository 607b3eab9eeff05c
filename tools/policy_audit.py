"""Recall audit of document statements: the sentences where a government says it made, issued, revised or
carried out a document, with the Policy nodes and ISSUED edges the extractor drew in each.

    python tools/policy_audit.py dump OUT.jsonl [FILE ...]   # default: corpus/, corpus-extra/ and the window
                                                             # texts, minus the reports of test windows
    python tools/policy_audit.py sample OUT.jsonl N [SEED]   # print N statements spread over the genres
    python tools/policy_audit.py diff A.jsonl B.jsonl        # statements whose policies or edges changed

A statement is a sentence holding a document verb (出台, 制定, 印发, 发布, 修订, 编制, 颁布, 实施, 落实, 贯彻…)
followed, within the sentence, by a document word (方案, 办法, 规定, 条例, 意见, 规划, 计划, 纲要, 细则, 措施, 政策).
The reports of the test windows are left out whole (tests/gold/windows/windows.json, split test): their
statements are never printed.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared")
WINDOWS = ROOT / "tests" / "gold" / "windows"

_VERB = "出台|制定|制订|印发|发布|修订|编制|颁布|实施|落实|贯彻|修编|起草|审议通过"
_DOC = "方案|办法|规定|条例|意见|规划|计划|纲要|细则|措施|政策"
STATEMENT = re.compile(rf"(?:{_VERB}).*?(?:{_DOC})")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def test_reports() -> set[str]:
    windows = json.loads((WINDOWS / "windows.json").read_text(encoding="utf-8"))
    return {w["file"] for w in windows if w["split"] == "test"}


def default_files() -> list[Path]:
    held = test_reports()
    seen: set[str] = set()
    out = []
    for d in (SHARED / "corpus", SHARED / "corpus-extra", WINDOWS / "texts"):
        for f in sorted(d.glob("*.txt")):
            if f.name not in held and f.name not in seen:
                seen.add(f.name)
                out.append(f)
    return out


def genre(name: str) -> str:
    if name.startswith(("fzzf", "000_seed", "001_fzzf")):
        return "fzzf"
    if name.startswith("wsb"):
        return "foreign"
    if "国务院" in name or "guowuyuan" in name:
        return "state"
    if "省" in name or re.search(r"gzbg-(guangdong|beijing|shanghai|tianjin|yunnan|anhui|hunan|fujian|heilongjiang|guangxi|xizang)", name):
        return "province"
    if re.search(r"区|新区|gzbg-sz(?!.*shenzhen)", name):
        return "district"
    return "city"


def statements(path: Path) -> list[dict]:
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.pipeline import build_batch

    try:
        b = build_batch(path)
    except IngestError:
        return []
    names = {n.id: n.name for n in b.nodes}
    policies = [(ev.start, ev.end, n.name) for n in b.nodes if n.label == "Policy" for ev in n.evidence]
    issued = [(ev.start, ev.end, names.get(e.source, e.source), names.get(e.target, e.target))
              for e in b.edges if e.type == "ISSUED" for ev in e.evidence]
    out = []
    for p in b.passages:
        for m in _SENTENCE.finditer(p.text):
            s = m.group(0)
            if not STATEMENT.search(s):
                continue
            start, end = p.start + m.start(), p.start + m.end()
            inside = lambda a, z: start <= a < end or a <= start < z  # noqa: E731 (evidence may be the wider sentence)
            out.append({"file": path.name, "genre": genre(path.name), "start": start, "text": s.strip(),
                        "policies": sorted({n for a, z, n in policies if inside(a, z)}),
                        "issued": sorted({f"{src} -> {tgt}" for a, z, src, tgt in issued if inside(a, z)})})
    return out


def dump(out: Path, files: list[Path]) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            for r in statements(f):
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
    print(f"{len(files)} reports, {n} statements -> {out}")
    return 0


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sample(path: Path, n: int, seed: int) -> int:
    rows = _load(path)
    by_genre: dict[str, list[dict]] = {}
    for r in rows:
        by_genre.setdefault(genre(r["file"]), []).append(r)
    rng = random.Random(seed)
    per = max(1, n // len(by_genre))
    for g in sorted(by_genre):
        for i, r in enumerate(rng.sample(by_genre[g], min(per, len(by_genre[g])))):
            print(f"[{g} {i}] {r['file']}@{r['start']}\n  {r['text']}\n  P: {' | '.join(r['policies']) or '-'}\n"
                  f"  I: {' | '.join(r['issued']) or '-'}")
    return 0


def diff(a_path: Path, b_path: Path) -> int:
    a = {(r["file"], r["start"]): r for r in _load(a_path)}
    b = {(r["file"], r["start"]): r for r in _load(b_path)}
    changed = 0
    for k in sorted(set(a) | set(b)):
        ra, rb = a.get(k), b.get(k)
        if ra and rb and ra["policies"] == rb["policies"] and ra["issued"] == rb["issued"]:
            continue
        changed += 1
        r = rb or ra
        pa, pb = set(ra["policies"]) if ra else set(), set(rb["policies"]) if rb else set()
        ia, ib = set(ra["issued"]) if ra else set(), set(rb["issued"]) if rb else set()
        print(f"{k[0]}@{k[1]}\n  {r['text']}")
        for x in sorted(pb - pa):
            print(f"  +P {x}")
        for x in sorted(pa - pb):
            print(f"  -P {x}")
        for x in sorted(ib - ia):
            print(f"  +I {x}")
        for x in sorted(ia - ib):
            print(f"  -I {x}")
    print(f"{changed} statements changed")
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
