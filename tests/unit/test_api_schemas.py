"""The API's response models (api/schemas.py) and the dataclasses whose to_dict() fills them name the same fields.

The JSON shape of a node, an edge, evidence, a hit and an ingest outcome is written once as a dataclass
and once as a pydantic model for the OpenAPI document; this test fails when the two drift apart.
"""
from __future__ import annotations

import dataclasses

from govgraph.api import schemas as S
from govgraph.api.ingest_service import FileOutcome, IngestSummary
from govgraph.api.serialize import edge_out, node_out
from govgraph.graph.search.results import Answer, AskResult, Hit, SearchResult
from govgraph.ingest.batch import Edge, Evidence, Node, Passage, ReportInfo
from govgraph.ingest.vocabulary import FileStatus, Label, RelType, Role

EV = Evidence("report-1", "a.txt", "report-1#p0000", 0, 4, "区外办")
NODE = Node("agency-1", Label.AGENCY, "区外办", ["外办"], "FAO", {"level": "district"}, [EV])
EDGE = Edge("agency-1", "agency-2", RelType.COOPERATED_WITH, {}, [EV])
HIT = Hit("report-1#p0000", "report-1", "a.txt", "题", "一、", Role.PLAN, 2024, "区外办", 0, 4, 0.5)


def fields(model) -> set[str]:
    return set(model.model_fields)


def dc_fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_evidence():
    assert fields(S.EvidenceOut) == dc_fields(Evidence) == set(EV.to_dict())
    # The rich form adds where the passage stands; nothing of the evidence is renamed.
    assert fields(S.EvidenceRich) - fields(S.EvidenceOut) == {"title", "section", "year"}


def test_node_and_edge():
    assert fields(S.NodeOut) == set(node_out(NODE)) == set(NODE.to_dict()) - {"evidence"}
    assert fields(S.EdgeOut) == set(edge_out(EDGE)) == set(EDGE.to_dict()) | {"id"}
    S.NodeOut.model_validate(node_out(NODE))
    S.EdgeOut.model_validate(edge_out(EDGE))


def test_hits_answers_and_results():
    answer = Answer("agency-1", Label.AGENCY, "区外办", 0.9, [EV])
    assert fields(S.HitOut) == set(HIT.to_dict())
    assert fields(S.AnswerOut) == set(answer.to_dict())
    assert fields(S.SearchOut) == set(SearchResult("q", [HIT]).to_dict())
    ask = AskResult("谁?", Label.AGENCY, [answer], [HIT])
    assert fields(S.AskOut) == set(ask.to_dict())
    S.AskOut.model_validate(ask.to_dict())


def test_reports_and_passages():
    report = ReportInfo("report-1", "题", "a.txt", "0" * 64, 2024, "区政府", None, "gzbg", 10)
    assert fields(S.ReportSummary) == (dc_fields(ReportInfo) & fields(S.ReportSummary)) | {"passages"}
    assert fields(S.ReportSummary) - {"passages"} <= set(report.to_dict())
    passage = Passage("report-1#p0000", "report-1", 0, "区外办", 0, 3)
    assert fields(S.PassageOut) <= set(passage.to_dict())
    assert set(passage.to_dict()) - fields(S.PassageOut) == {"report"}  # the report is the enclosing object


def test_ingest_outcomes():
    summary = IngestSummary([FileOutcome("a.txt", FileStatus.ADDED, "report-1"), FileOutcome("b.pdf", FileStatus.FAILED)])
    assert fields(S.IngestFileOut) == dc_fields(FileOutcome)
    assert fields(S.IngestOut) == set(summary.to_dict())
    out = S.IngestOut.model_validate(summary.to_dict())
    assert out.counts == {"added": 1, "failed": 1}


def test_names_do_not_collide():
    # One Hit (the search result) and one HitOut (its response model); likewise Answer.
    assert not hasattr(S, "Hit") and not hasattr(S, "Answer")
