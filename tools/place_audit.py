"""Recall audit of place names: the sentences holding a place head (省, 市, 区, 县, 镇, 村, 街道, 社区, 园区, 港,
机场, 公园, 景区, 河, 湖, 水库, 广场, 商圈, 古村, 老街…) or a place list (A、B、C等地), with the Place nodes the
extractor drew in each.

    python tools/place_audit.py dump OUT.jsonl [FILE ...]   # default: corpus/, corpus-extra/ and the window
                                                            # texts, minus the reports of test windows
    python tools/place_audit.py sample OUT.jsonl N [SEED]   # print N sentences spread over the genres
    python tools/place_audit.py diff A.jsonl B.jsonl        # sentences whose places changed

The reports of the test windows are left out whole (tests/gold/windows/windows.json, split test): their
sentences are never printed. The shape of tools/policy_audit.py (session 13, x19policy).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from policy_audit import _SENTENCE, genre  # noqa: E402
from audit_rows import audit_main, by_genre  # noqa: E402

_HEADS = ("省|市|区|县|镇|乡|村|街道|社区|片区|园区|新城|岛|湾|港|港区|口岸|机场|站|公园|景区|山|河|湖|水库|广场|"
          "商圈|古村|老街|等地")
# A head after at least one other CJK character, so that a lone 市场 or 区域 does not select a sentence alone:
# the head must end a word-like run (not followed by 场/域/别/划… which make common words).
SHAPE = re.compile(rf"[\u4e00-\u9fff](?:{_HEADS})(?![场域别划委政民长级内外间面路])")
# common words ending in a head (城市, 全区, 社区 alone…): removed before the shape test, so that a sentence is
# picked for a named place, not for 城市 or 辖区 (the first sample of 136 held 70 with no place at all)
_GENERIC = re.compile("城市|全市|我市|本市|各市|都市|市县|城区|全区|我区|本区|各区|辖区|地区|山区|小区|市区|郊区|园区|景区|"
                      "社区|街道|港口|城镇|乡镇|农村|乡村|全省|我省|本省|各省|外省|全县|各县|县城|县域|江山|河湖|山水|湾区|"
                      "示范区|试验区|先行区|功能区|集聚区|开发区|保护区|自贸区|新城区|老城区|中心区|核心区|服务区|"
                      "车站|站点|广场|公园|岛屿|河流|河道|江河|湖泊|水库|山林|村庄|村居|村镇|村民|县市|市州|省市|省区")


def has_place_shape(s: str) -> bool:
    return SHAPE.search(_GENERIC.sub("，", s)) is not None


def sentences(path: Path) -> list[dict]:
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.pipeline import build_batch

    try:
        b = build_batch(path)
    except IngestError:
        return []
    places = [(ev.start, ev.end, n.name, (n.name, *n.aliases)) for n in b.nodes if n.label == "Place"
              for ev in n.evidence]
    others = [(ev.start, ev.end, f"{n.label}:{n.name}", (n.name, *n.aliases)) for n in b.nodes
              if n.label in ("Organization", "Agency", "Project") for ev in n.evidence]
    out = []
    for p in b.passages:
        for m in _SENTENCE.finditer(p.text):
            s = m.group(0)
            if not has_place_shape(s):
                continue
            start, end = p.start + m.start(), p.start + m.end()
            # evidence is the whole sentence (to 。), wider than a clause cut at ；: a node counts here when its
            # evidence overlaps the clause and its name is written in it
            inside = lambda a, z: start <= a < end or a <= start < z  # noqa: E731
            out.append({"file": path.name, "genre": genre(path.name), "start": start, "text": s.strip(),
                        "places": sorted({n for a, z, n, ws in places if inside(a, z) and any(w in s for w in ws)}),
                        "others": sorted({n for a, z, n, ws in others if inside(a, z) and any(w in s for w in ws)})})
    return out


def main(argv: list[str] | None = None) -> int:
    return audit_main(argv, __doc__.splitlines()[0], sentences,
                      lambda rows, kind: by_genre(r for r in rows if has_place_shape(r["text"])),
                      shown={'P': 'places', 'O': 'others'}, compared={'P': 'places'})


if __name__ == "__main__":
    sys.exit(main())
