"""Recall and precision audit of relations: the sentences of a general shape for each relation type the window
eval scores, with the entities and the edges the extractor drew in each.

    python tools/relation_audit.py dump OUT.jsonl [FILE ...]   # default: corpus/, corpus-extra/ and the window
                                                               # texts, minus the reports of test windows
    python tools/relation_audit.py sample OUT.jsonl N [SEED]   # print N sentences spread over the kinds and genres
    python tools/relation_audit.py diff A.jsonl B.jsonl        # sentences whose edges changed

Shapes (a sentence may hold several):
  organized      举办|主办|承办|办好|召开|举行|筹办 + an event word (会|节|赛|展|论坛|峰会|活动|博览)
  participated   参加|参与|出席|参展 + an event word
  held_at        在|于 + …(举办|举行|召开)
  part_of        an organisation ending in 学院|中心|研究院|研究所|实验室|分院|分公司|校区|基地
  located_in     省|市 followed by 市|县|区 within a few characters
  cooperated     与|同|会同|联合 … 合作|共建|签署|携手
The reports of the test windows are left out whole (tests/gold/windows/windows.json, split test).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policy_audit import _SENTENCE, genre  # noqa: E402
from audit_rows import audit_main  # noqa: E402

_EVENT = r"(?:会|节|赛|展|论坛|峰会|活动|博览|大会|周)"
SHAPES: dict[str, re.Pattern] = {
    "organized": re.compile(rf"(?:举办|主办|承办|办好|召开|举行|筹办).{{0,30}}?{_EVENT}|{_EVENT}.{{0,6}}(?:举办|举行|召开)"),
    "participated": re.compile(rf"(?:参加|参与|出席|参展).{{0,30}}?{_EVENT}"),
    "held_at": re.compile(r"(?:在|于)[^，。；]{2,25}(?:举办|举行|召开)"),
    "part_of": re.compile(r"(?:大学|集团|研究院|科学院|医院|公司)[^，。；、]{1,12}(?:学院|中心|研究院|研究所|实验室|分院|分公司|校区|基地)"),
    "located_in": re.compile(r"(?:省|市|自治区)[^，。；、]{1,6}(?:市|县|区|镇)"),
    "cooperated": re.compile(r"(?:与|同|会同|联合)[^。；]{1,40}?(?:合作|共建|签署|携手|共同)"),
}
TYPES = ("ORGANIZED", "PARTICIPATED_IN", "HELD_AT", "PART_OF", "LOCATED_IN", "COOPERATED_WITH")
LABELS = ("Agency", "Organization", "Place", "Event", "Person")


def sentences(path: Path) -> list[dict]:
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.pipeline import build_batch

    try:
        b = build_batch(path)
    except IngestError:
        return []
    names = {n.id: n.name for n in b.nodes}
    ents = [(ev.start, ev.end, n.label, n.name) for n in b.nodes if n.label in LABELS for ev in n.evidence]
    edges = [(ev.start, ev.end, e.type, names.get(e.source, e.source), names.get(e.target, e.target))
             for e in b.edges if e.type in TYPES for ev in e.evidence]
    out = []
    for p in b.passages:
        for m in _SENTENCE.finditer(p.text):
            s = m.group(0)
            kinds = [k for k, rx in SHAPES.items() if rx.search(s)]
            if not kinds:
                continue
            start, end = p.start + m.start(), p.start + m.end()
            inside = lambda a, z: start <= a < end or a <= start < z  # noqa: E731 (evidence may be the wider sentence)
            out.append({"file": path.name, "genre": genre(path.name), "start": start, "text": s.strip(),
                        "kinds": kinds,
                        "entities": sorted({f"{lab}:{n}" for a, z, lab, n in ents if start <= a < end}),
                        "edges": sorted({f"{src} -{t}-> {tgt}" for a, z, t, src, tgt in edges if inside(a, z)})})
    return out


def main(argv: list[str] | None = None) -> int:
    return audit_main(argv, __doc__.splitlines()[0], sentences,
                      lambda rows, kind: {k: [r for r in rows if k in r["kinds"]] for k in ([kind] if kind else SHAPES)},
                      shown={'N': 'entities', 'E': 'edges'}, compared={'': 'edges'}, kinds=list(SHAPES))


if __name__ == "__main__":
    sys.exit(main())
