"""The follow-up's meaning check: a review sentence sharing a plan's keys is a delivery only when its
passage also stands out in meaning (stored passage vectors) among the reviewing report's passages."""
from __future__ import annotations

import numpy as np

from govgraph.graph.time.followup import follow_up
from govgraph.graph.time.items import PlanItem
from govgraph.ingest.batch import Evidence, Passage, ReportInfo

PLAN_TEXT = "加快青山湖湿地公园建设，完成湖岸生态修复工程。"
REVIEW = ["青山湖湿地公园建成开放，湖岸生态修复工程完工。", "青山湖湿地公园周边道路拥堵，湖岸生态问题仍然突出。",
          "全年新增就业岗位一万个。", "地铁线路开通运营。", "学校新建校舍三栋。", "医院门诊楼投入使用。"]


def _setup():
    review = ReportInfo(id="b", title="t", file="b.txt", sha256="y", year=2023)
    passages, pos = [], 0
    for i, text in enumerate(REVIEW):
        passages.append(Passage(id=f"b#p{i}", report="b", index=i, text=text, start=pos, end=pos + len(text),
                                role="achievement", year=2022))
        pos += len(text)
    plan = PlanItem("plan:0", 2022, ("青山湖", "湿地公园", "湖岸", "生态修复"),
                    Evidence("a", "a.txt", "a#p0", 0, len(PLAN_TEXT), PLAN_TEXT))
    return plan, review, passages


def _unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_meaning_keeps_the_delivery_and_drops_the_look_alike():
    plan, review, passages = _setup()
    base = np.ones(8)
    vectors = {"a#p0": _unit(base + np.eye(8)[0] * 3)}
    for i, p in enumerate(passages):
        # passage 0 says what the plan says; passage 1 shares its words about another matter
        vectors[p.id] = _unit(base + np.eye(8)[0] * 3) if i == 0 else _unit(base + np.eye(8)[i + 1] * 3)
    words_only = follow_up([plan], review, passages)[plan.id]
    assert {d.text for d in words_only} == {REVIEW[0], REVIEW[1]}
    with_meaning = follow_up([plan], review, passages, vectors)[plan.id]
    assert [d.text for d in with_meaning] == [REVIEW[0]]
    assert with_meaning[0].meaning is not None and with_meaning[0].to_dict()["meaning"] > 1.0
