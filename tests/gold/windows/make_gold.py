"""Annotation notes (notes/wNN.txt, one line an entity, relation or trap list) -> gold JSON with spans.

Run from anywhere: python tests/gold/windows/make_gold.py. Corpus reports are read from
/work/shared (or GOVGRAPH_CORPUS folders); the page excerpts from texts/.
"""
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
picks = json.loads((ROOT / "windows.json").read_text(encoding="utf-8"))
pages = [("dev", "fzzf_cq_tongliang_2022.txt", "fzzf", "https://cqstl.gov.cn/bm/qsfj_71104/zwgk_70831/qtgw_70838/202303/t20230308_11726094.html"),
         ("dev", "wsb_qingdao_waiban_2022.txt", "foreign_affairs", "http://www.qingdao.gov.cn/ywdt/zwzl/smhd/smhd2022/sm2022_33/202211/t20221128_6522398.shtml"),
         ("test", "fzzf_cq_banan_2022.txt", "fzzf", "http://cqbn.gov.cn/zwgk_252/zfxxgkml/fzzfjsndbg/bnqrmzf/202303/t20230307_11720957.html"),
         ("test", "wsb_chongqing_waishi_2022.txt", "foreign_affairs", "https://fx361.cc/page/2023/0214/19260611.shtml")]
# w00-w11 are the first 12 corpus windows, w12-w15 the page excerpts, w16 on the corpus windows added later
sources = picks[:12] + [{"split": s, "file": f, "genre": g, "source": u} for s, f, g, u in pages] + picks[12:]
def text_of(f):
    extra = [Path(p) for p in os.environ.get("GOVGRAPH_CORPUS", "").split(os.pathsep) if p]
    for d in (*extra, Path('/work/shared/corpus'), Path('/work/shared/corpus-extra'), ROOT / 'texts'):
        if (d / f).exists():
            return (d / f).read_text(encoding='utf-8')
    raise FileNotFoundError(f)
for d in ("dev", "test"):
    (ROOT / d).mkdir(parents=True, exist_ok=True)
    for old in (ROOT / d).glob("*.json"):
        old.unlink()
for i, src in enumerate(sources):
    # windows added from session 5 on carry their number (w22-w29, w30-w39), so branches adding windows
    # in parallel do not renumber each other's
    i = src.get("id", i)
    ann = (ROOT / 'notes' / f'w{i:02d}.txt').read_text().splitlines()
    t = text_of(src["file"])
    lo, hi = src.get("start", 0), src.get("end", len(t))
    win = t[lo:hi]
    ents, rels, traps = [], [], []
    # `N a|b`: text where a name written inside is no mention of it (卓越, a firm, in 品质卓越): no span
    # there, so the tagger, which trains on these spans, is not taught to tag it
    no_name = [(lo + m.start(), lo + m.end()) for line in ann if line.startswith('N ')
               for x in line[2:].strip().split('|') if x for m in re.finditer(re.escape(x), win)]
    for line in ann:
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        opt = line.endswith(' ?'); line = line.removesuffix(' ?')
        imp = line.endswith(' !'); line = line.removesuffix(' !')
        if line.startswith('N '):
            continue
        if line.startswith('T '):
            traps += [x for x in line[2:].split('|') if x]
            continue
        if line.startswith('R '):
            a, ty, b = [x.strip() for x in line[2:].split(' > ')]
            rels.append({"source": a, "type": ty, "target": b, **({"optional": True} if opt else {})})
            continue
        label, rest = line.split(' ', 1)
        name, _, al = rest.partition(' = ')
        aliases = [a for a in al.split('|') if a] if al else []
        spans = []
        for surf in sorted({name, *aliases}, key=len, reverse=True):
            for m in re.finditer(re.escape(surf), win):
                s, e = lo + m.start(), lo + m.end()
                if not any(a <= s and e <= b for a, b in spans) and not any(a <= s and e <= b for a, b in no_name):
                    spans.append((s, e))
        if not spans and not imp:
            sys.exit(f"w{i:02d}: {label} {name} not in the window")
        e = {"label": label, "name": name, "aliases": aliases, "spans": sorted(spans)}
        if opt: e["optional"] = True
        if imp and not spans: e["implicit"] = True
        ents.append(e)
    names = {n for e in ents for n in [e["name"], *e["aliases"]]}
    for r in rels:
        for k in ("source", "target"):
            if r[k] not in names:
                sys.exit(f"w{i:02d}: relation end {r[k]} is no entity")
    gold = {"file": src["file"], "genre": src["genre"], "split": src["split"],
            "scope": {"start": lo, "end": hi}, **({"source": src["source"]} if "source" in src else {}),
            "entities": ents, "relations": rels, "traps": traps}
    stem = Path(src["file"]).stem
    out = ROOT / src["split"] / f"w{i:02d}_{src['genre']}.json"
    out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(out.name, src["file"], len(ents), len(rels), hi - lo)
