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

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policy_audit import _SENTENCE, genre  # noqa: E402
from audit_rows import audit_main, by_genre  # noqa: E402

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


def main(argv: list[str] | None = None) -> int:
    return audit_main(argv, __doc__.splitlines()[0], sentences,
                      lambda rows, kind: by_genre(rows),
                      shown={'O': 'orgs'}, compared={'O': 'orgs'})


if __name__ == "__main__":
    sys.exit(main())
