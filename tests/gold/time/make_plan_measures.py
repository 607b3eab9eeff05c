# tests/gold/time/plan_measures.jsonl from hand annotations: a stretch of a plan section where every sentence
# that is a planned measure (a task the government sets itself: build, start, hold, support...) is listed by
# where it starts; the other sentences of the stretch are not measures: the year's target figures (they are
# indicator points), headings that sum up the measures below them (（一）…, 一是…), sentences leading into
# the list (重点做好以下工作), review of the part-year gone (今年一季度…) and exhortation (大家要…). Plan recall
# is over the measures, plan precision over the items predicted inside the stretch.
# dev: 坪山区 2022; test3 (annotated before the rule was written): 盐田区 2023.
import json, re
from pathlib import Path
from govgraph.ingest.readers import read_document
X = Path('/work/shared/corpus-extra')
items = [
 ('dev', '2022年坪山区政府工作报告_2022.txt', (7724, 9800),
  [8090, 8199, 8257, 8330, 8385, 8471, 8522, 8572, 8621, 8663, 8704, 8743, 8812, 8871, 8914, 8949, 9008, 9121,
   9216, 9258, 9298, 9322, 9397, 9444, 9526, 9541, 9571, 9669, 9745, 9759, 9781, 9794]),
 ('test3', '盐田区2023年政府工作报告_2023.txt', (6591, 8700),
  [6773, 6874, 6939, 7048, 7128, 7178, 7265, 7305, 7390, 7453, 7523, 7586, 7693, 7859, 7986, 8092, 8189, 8270,
   8314, 8393, 8491, 8627, 8695]),
]
END = re.compile(r'[。；]')
out = []
for split, f, (lo, hi), starts in items:
    t = read_document(X / f).text
    ms = []
    for s in starts:
        e = END.search(t, s).end()
        ms.append({'start': s, 'end': e, 'text': t[s:e]})
    out.append({'split': split, 'file': f, 'range': [lo, hi], 'measures': ms})
Path('tests/gold/time/plan_measures.jsonl').write_text(''.join(json.dumps(o, ensure_ascii=False) + '\n' for o in out))
for o in out: print(o['split'], o['file'], len(o['measures']), [m['text'][:12] for m in o['measures']][:5])
