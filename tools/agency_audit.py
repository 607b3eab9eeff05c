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

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policy_audit import genre  # noqa: E402  (the same files and genres)
from audit_rows import audit_main, by_genre  # noqa: E402
from mention_dump import passage_mentions  # noqa: E402

_LEVEL = "国务院|自治区|街道|[省市区县镇]"
_HEAD = "局|厅|委员会|委|办公室|办|署|法院|检察院|人大|政协|中心|大队|支队|队|站|所"
# a level standing as the end of a word (社区, 全市, 城市) names no body
BODY = re.compile(rf"(?<![社城园片街辖全该各县乡镇地小校景军厂特新上超都股分门两湾港])(?:{_LEVEL})"
                  rf"[\u4e00-\u9fff]{{0,5}}?(?:{_HEAD})|党委|党工委|纪委|人大常委会|政协"
                  r"|[\u4e00-\u9fff]{2,4}(?<![布格结大全当])(?:局|厅|署)|信访办|外办|应急办")
_SENTENCE = re.compile(r"[^。；！？\n]+[。；！？]?")


def sentences(path: Path) -> list[dict]:
    out = []
    for _, start0, pt, mentions in passage_mentions(path):
        for m in _SENTENCE.finditer(pt):
            s = m.group(0)
            if not BODY.search(s):
                continue
            start, end = start0 + m.start(), start0 + m.end()
            inside = [x for x in mentions if start <= x.start < end]
            out.append({"file": path.name, "genre": genre(path.name), "start": start, "text": s.strip(),
                        "agencies": [f"{x.surface}={x.name}" for x in inside if x.label == "Agency"],
                        "others": [f"{x.label}:{x.surface}" for x in inside
                                   if x.label in ("Organization", "Place") and BODY.search(x.surface)]})
    return out


def main(argv: list[str] | None = None) -> int:
    return audit_main(argv, __doc__.splitlines()[0], sentences,
                      lambda rows, kind: by_genre(rows),
                      shown={'A': 'agencies', 'O': 'others'}, compared={'A': 'agencies'})


if __name__ == "__main__":
    sys.exit(main())
