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

import json
import re
import sys
from pathlib import Path

from audit_rows import audit_main, by_genre

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


def main(argv: list[str] | None = None) -> int:
    return audit_main(argv, __doc__.splitlines()[0], statements,
                      lambda rows, kind: by_genre(rows),
                      shown={'P': 'policies', 'I': 'issued'}, compared={'P': 'policies', 'I': 'issued'})


if __name__ == "__main__":
    sys.exit(main())
