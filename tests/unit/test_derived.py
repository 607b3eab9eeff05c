"""The embedded store's derived index, one building step at a time, on batches ingest builds from real report lines."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from govgraph.graph.store.derived import (ROLE_CODES, DerivedIndex, _Merging, add_report, build_derived,
                                          build_graph, fill_label_masks, fill_passage_columns, finish_mentions,
                                          merge_edges, merge_nodes)
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.vocabulary import Label, RelType, Role

# Lines of the seed report (东城区外办 2021) and of a second report naming some of the same bodies.
SEED_LINES = [
    "东城区人民政府外事办公室",
    "2021年法治政府建设年度情况报告",
    "一、2021年推进法治政府建设的主要举措和成效",
    "六是推动后疫情时期国际务实合作。会同区文旅局代表北京市拍摄视频节目参加2021年线上举办的首尔友谊节，"
    "首尔市政府对此给予高度评价，积极肯定了双方友好合作关系。",
    "四、2022年推进法治政府建设的主要安排",
    "四是提升宜居兴业品质，营造良好国际化服务环境。加快落实《北京市公共场所外语标识管理规定》，"
    "加大对重点公共场所外语标识执法检查和督促整改力度。",
]
OTHER_LINES = [
    "东城区人民政府外事办公室",
    "2022年法治政府建设年度情况报告",
    "一、2022年推进法治政府建设的主要举措和成效",
    "一是持续改善区域国际语言环境。区政府外办会同区文旅局落实《北京市公共场所外语标识管理规定》，"
    "对重点地区系统进行检查和督促整改。",
]


@pytest.fixture(scope="module")
def batches(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("reports")
    out = []
    for name, lines in (("dongcheng-waiban-fzzf-2021.txt", SEED_LINES), ("dongcheng-waiban-fzzf-2022.txt", OTHER_LINES)):
        path = folder / name
        path.write_text("\n".join(lines), encoding="utf-8")
        out.append(build_batch(path))
    return out


def _read(batches):
    d, acc = DerivedIndex(), _Merging()
    for b in sorted(batches, key=lambda b: b.report.id):
        pyear = add_report(d, acc, b.report.id, b)
        merge_nodes(d, acc, b.report.id, b.nodes, pyear)
        merge_edges(d, acc, b.edges)
    return d, acc


def test_add_report_keeps_passages_in_order_with_their_tokens(batches):
    d, acc = _read(batches)
    assert list(d.reports) == sorted(b.report.id for b in batches)
    assert sum(len(v) for v in d.report_passages.values()) == len(d.passages) == len(acc.tokens)
    first = batches[0]
    assert d.report_passages[first.report.id] == [p.id for p in first.passages]
    assert d.materialised[RelType.HAS_PASSAGE] == len(d.passages)


def test_merge_nodes_joins_an_entity_named_by_both_reports(batches):
    d, acc = _read(batches)
    shared = [nid for nid, rids in acc.node_reports.items() if len(rids) == 2]
    assert shared, "区文旅局 and the 标识 rule are named in both reports"
    for nid in shared:
        reports = {ev.report for ev in d.nodes[nid].evidence}
        assert reports == {b.report.id for b in batches}
        keys = [(ev.passage, ev.start, ev.end) for ev in d.nodes[nid].evidence]
        assert len(keys) == len(set(keys))
    # Both reports' years date the entity.
    policy = next(n for n in d.nodes.values() if n.label == Label.POLICY and "外语标识" in n.name)
    assert acc.node_years[policy.id] >= {2022}
    assert len(acc.cites) >= 2  # each report cites the rule


def test_merging_the_same_report_twice_adds_no_evidence(batches):
    d, acc = _read(batches)
    before = {nid: len(n.evidence) for nid, n in d.nodes.items()}
    b = batches[0]
    merge_nodes(d, acc, b.report.id, b.nodes, {p.id: p.year for p in b.passages})
    merge_edges(d, acc, b.edges)
    assert {nid: len(n.evidence) for nid, n in d.nodes.items()} == before


def test_graph_columns_and_label_masks(batches):
    d, acc = _read(batches)
    finish_mentions(d, acc)
    build_graph(d)
    fill_passage_columns(d)
    fill_label_masks(d)
    assert d.graph.number_of_nodes() == len(d.nodes) and d.graph.number_of_edges() == len(d.edges)
    assert all(d.degree[nid] == d.graph.degree(nid) for nid in d.nodes)
    assert d.p_role.tolist() == [ROLE_CODES[Role(d.passages[pid].role)] for pid in d.passage_ids]
    plan_rows = [i for i, pid in enumerate(d.passage_ids) if d.passages[pid].role == Role.PLAN]
    assert plan_rows, "the 主要安排 section is a plan"
    place = d.p_labels[Label.PLACE]
    rows = [i for i, pid in enumerate(d.passage_ids) if "首尔市" in d.passages[pid].text]
    assert rows and place[rows].all()
    assert not place[[i for i, pid in enumerate(d.passage_ids) if not d.passage_nodes.get(pid)]].any()
    assert d.materialised[RelType.MENTIONED_IN] == sum(len(v) for v in d.passage_nodes.values())


def test_build_derived_is_the_steps_in_order(batches):
    segments = {b.report.id: (b, None) for b in reversed(batches)}
    built = build_derived(segments)
    d, acc = _read(batches)
    finish_mentions(d, acc)
    assert list(built.nodes) == list(d.nodes) and list(built.edges) == list(d.edges)
    assert built.passage_nodes == d.passage_nodes and built.materialised == d.materialised
    assert built.bm25 is not None and built.passage_matrix is None  # no vectors given
    assert np.array_equal(built.bm25_scores(["外语"]) > 0,
                          np.array(["外语" in built.passages[pid].text for pid in built.passage_ids]))


def test_degrees_without_the_graph_are_the_graphs(batches):
    """The store on disk skips the networkx graph and counts degrees from the edges: the same figures."""
    segments = {b.report.id: (b, None) for b in batches}
    assert build_derived(segments, with_graph=False).degree == build_derived(segments).degree
