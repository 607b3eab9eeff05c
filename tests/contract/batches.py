"""Hand-made graph batches for the store contract: two short reports that share entities.

Written the way ingest would hand them over: evidence offsets slice the report text, ids
come from ingest.batch.node_id, vectors are seeded and unit length. Expected answers in the
tests are derived from these batches, never typed in.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from govgraph.graph.store.base import Vectors
from govgraph.ingest.batch import Edge, Evidence, GraphBatch, Node, Passage, ReportInfo, node_id, report_id_for

DIM = 384
MODEL = "contract-test-vectors"


@dataclass
class Para:
    text: str
    role: str = "other"
    year: int | None = None


@dataclass
class Ent:
    label: str
    name: str
    mentions: list[tuple[int, str]]          # (paragraph index, surface text in it)
    aliases: tuple[str, ...] = ()
    name_en: str | None = None
    props: dict | None = None

    @property
    def id(self) -> str:
        return node_id(self.label, self.name)


@dataclass
class Rel:
    source: Ent
    type: str
    target: Ent
    mention: tuple[int, str]
    props: dict | None = None


def bigrams(text: str) -> list[str]:
    """Character bigrams: a segmenter-free tokenisation, enough for BM25 in the tests."""
    chars = [c for c in text if not c.isspace()]
    return [a + b for a, b in zip(chars, chars[1:])]


def build(file: str, title: str, year: int, author: Ent, paras: list[Para], ents: list[Ent],
          rels: list[Rel], seed: int) -> tuple[GraphBatch, Vectors]:
    rid = report_id_for(file)
    text = "\n".join(p.text for p in paras)
    passages, pos = [], 0
    for i, p in enumerate(paras):
        passages.append(Passage(f"{rid}:p{i}", rid, i, p.text, pos, pos + len(p.text), section=title,
                                role=p.role, year=p.year if p.year is not None else year))
        pos += len(p.text) + 1

    def evidence(i: int, surface: str) -> Evidence:
        p = passages[i]
        at = p.text.index(surface)
        return Evidence(rid, file, p.id, p.start + at, p.start + at + len(surface), surface)

    nodes = [Node(e.id, e.label, e.name, list(e.aliases), e.name_en, dict(e.props or {}),
                  [evidence(i, s) for i, s in e.mentions]) for e in ents]
    edges = [Edge(r.source.id, r.target.id, r.type, dict(r.props or {}), [evidence(*r.mention)]) for r in rels]
    report = ReportInfo(rid, title, file, hashlib.sha256(text.encode("utf-8")).hexdigest(), year=year,
                        author=author.name, author_id=author.id, genre="work-report", chars=len(text),
                        encoding="utf-8", format="txt")
    batch = GraphBatch(report, passages, nodes, edges, text,
                       entity_texts={n.id: n.name for n in nodes},
                       tokens={p.id: bigrams(p.text) for p in passages})
    batch.validate()
    rng = np.random.default_rng(seed)
    pv = rng.normal(size=(len(passages), DIM)).astype(np.float32)
    pv /= np.linalg.norm(pv, axis=1, keepdims=True)
    ev = rng.normal(size=(len(nodes), DIM)).astype(np.float32)
    ev /= np.linalg.norm(ev, axis=1, keepdims=True)
    return batch, Vectors(MODEL, pv, [n.id for n in nodes], ev)


# Entities both reports name: their evidence must merge across reports.
POLICY = Ent("Policy", "北京市公共场所外语标识管理规定", [], name_en="Beijing Regulations on Foreign Language Signs")
SEOUL = Ent("Place", "首尔市", [], props={"kind": "city"})
BEIJING = Ent("Place", "北京市", [], props={"kind": "city"})


def report_a(drop_exchange: bool = False) -> tuple[GraphBatch, Vectors]:
    """A district foreign-affairs office's report. `drop_exchange` leaves out the entities of
    its third paragraph, as a re-ingest of an edited file would."""
    paras = [
        Para("东城区人民政府外事办公室2021年法治政府建设工作报告"),
        Para("一是组织开展公共场所外语标识核查纠错工作，落实《北京市公共场所外语标识管理规定》。", "achievement"),
        Para("二是会同区发改委推进国际交往中心功能建设，与目黑区开展儿童画互展。", "achievement"),
        Para("2022年，我办将继续完善外事工作制度，深化北京市与首尔市的友好交流。", "plan", 2022),
    ]
    office = Ent("Agency", "东城区人民政府外事办公室", [(0, "东城区人民政府外事办公室")], aliases=("区政府外办",))
    measure = Ent("Measure", "公共场所外语标识核查纠错", [(1, "公共场所外语标识核查纠错")],
                  props={"year": 2021, "status": "done"})
    policy = Ent(POLICY.label, POLICY.name, [(1, POLICY.name)], name_en=POLICY.name_en)
    ndrc = Ent("Agency", "东城区发展和改革委员会", [(2, "区发改委")], aliases=("区发改委",))
    meguro = Ent("Place", "目黑区", [(2, "目黑区")], props={"kind": "city"})
    event = Ent("Event", "儿童画互展", [(2, "儿童画互展")], props={"year": 2021, "status": "done"})
    beijing = Ent(BEIJING.label, BEIJING.name, [(3, "北京市")], props=BEIJING.props)
    seoul = Ent(SEOUL.label, SEOUL.name, [(3, "首尔市")], props=SEOUL.props)
    ents = [office, measure, policy, beijing, seoul]
    rels = [
        Rel(office, "CARRIED_OUT", measure, (1, "组织开展公共场所外语标识核查纠错工作")),
        Rel(measure, "IMPLEMENTS", policy, (1, "落实《北京市公共场所外语标识管理规定》")),
        Rel(beijing, "PARTNER_OF", seoul, (3, "北京市与首尔市"), {"since": 1993}),
    ]
    if not drop_exchange:
        ents += [ndrc, meguro, event]
        rels += [
            # Written target-first on purpose: symmetric relations are stored in id order.
            Rel(ndrc, "COOPERATED_WITH", office, (2, "会同区发改委")),
            Rel(office, "ORGANIZED", event, (2, "开展儿童画互展")),
            Rel(office, "PARTNER_OF", meguro, (2, "与目黑区")),
        ]
    return build("dongcheng-waiban-2021.txt", paras[0].text, 2021, office, paras, ents, rels, seed=1)


def report_b() -> tuple[GraphBatch, Vectors]:
    paras = [
        Para("西城区人民政府外事办公室2022年工作总结"),
        Para("全面贯彻《北京市公共场所外语标识管理规定》，开展外语标识规范化检查。", "achievement"),
        Para("与首尔市钟路区举办友好交流活动，服务北京市与首尔市友好城市关系，组织青少年书法展。", "achievement"),
        Para("存在的问题是涉外培训覆盖面不够广。", "problem"),
    ]
    office = Ent("Agency", "西城区人民政府外事办公室", [(0, "西城区人民政府外事办公室")])
    measure = Ent("Measure", "外语标识规范化检查", [(1, "外语标识规范化检查")],
                  props={"year": 2022, "status": "done"})
    policy = Ent(POLICY.label, POLICY.name, [(1, POLICY.name)], name_en=POLICY.name_en)
    seoul = Ent(SEOUL.label, SEOUL.name, [(2, "首尔市")], aliases=("首尔",), props=SEOUL.props)
    beijing = Ent(BEIJING.label, BEIJING.name, [(2, "北京市")], props=BEIJING.props)
    event = Ent("Event", "青少年书法展", [(2, "青少年书法展")], props={"year": 2022, "status": "done"})
    rels = [
        Rel(office, "CARRIED_OUT", measure, (1, "开展外语标识规范化检查")),
        Rel(measure, "IMPLEMENTS", policy, (1, "全面贯彻《北京市公共场所外语标识管理规定》")),
        Rel(office, "ORGANIZED", event, (2, "组织青少年书法展")),
        Rel(seoul, "PARTNER_OF", beijing, (2, "北京市与首尔市")),
    ]
    return build("xicheng-waiban-2022.txt", paras[0].text, 2022, office, paras,
                 [office, measure, policy, seoul, beijing, event], rels, seed=2)


def report_loop():
    """A report stating a relation of an entity to itself, and one to an entity report A names."""
    paras = [Para("东城区国际交往中心建设年度报告"), Para("东城区国际交往中心统筹国际交往中心建设，会同区政府外办推进。", "achievement")]
    centre = Ent("Organization", "东城区国际交往中心", [(0, "东城区国际交往中心")])
    office = Ent("Agency", "东城区人民政府外事办公室", [(1, "区政府外办")], aliases=("区政府外办",))
    rels = [Rel(centre, "PART_OF", centre, (1, "统筹国际交往中心建设")),
            Rel(centre, "COOPERATED_WITH", office, (1, "会同区政府外办"))]
    return build("dongcheng-centre-2021.txt", paras[0].text, 2021, office, paras, [centre, office], rels, seed=3)
