"""Equivalent evidence (issue 15): a passage of another report counts in the second figure when it holds
the gold evidence verbatim (punctuation and whitespace aside) and the question's year and place do not
rule that report out; the strict rank never changes."""
import pytest

from govgraph.graph.search.equivalent import strip_punctuation
from govgraph.graph.search.evaluate import GoldQuestion, equivalent_rank, evidence_rank, format_table
from govgraph.graph.search.results import Hit
from govgraph.ingest.batch import ReportInfo


def _report(rid, place, year):
    return ReportInfo(id=rid, title=f"{year}年{place}政府工作报告", file=f"{rid}.txt", sha256=rid, year=year,
                      author=f"{place}人民政府", place=place, reviews=year - 1, plans=year)


@pytest.fixture()
def reports():
    rs = [_report("gd2024", "广东省", 2024), _report("sz2024", "深圳市", 2024), _report("sz2019", "深圳市", 2019),
          _report("sz2015", "深圳市", 2015), _report("ft2019", "福田区", 2019)]
    return {r.id: r for r in rs}


def _hit(rid, text):
    return Hit(f"{rid}-p", rid, f"{rid}.txt", "t", "", "other", None, text, 0, len(text), 1.0)


def _q(report, evidence="国务院出台《河套深港科技创新合作区深圳园区发展规划》"):
    return GoldQuestion(id="q", question="?", lang="zh", label=None, report=f"{report}.txt", evidence=evidence)


def test_punctuation_and_whitespace_only_are_forgiven(reports):
    q = _q("gd2024")
    same = _hit("sz2024", "去年，国务院出台 “河套深港科技创新合作区深圳园区发展规划”。")
    other_words = _hit("sz2024", "国务院印发《河套深港科技创新合作区深圳园区发展规划》")
    gold = _hit("gd2024", "国务院出台《河套深港科技创新合作区深圳园区发展规划》")
    assert strip_punctuation("《规划》、“一”。") == "规划一"
    assert evidence_rank(q, [same, gold]) == 2          # strict: only the gold report
    assert equivalent_rank(q, [same, gold], reports) == 1
    assert equivalent_rank(q, [other_words, gold], reports) == 2  # 印发 is another word
    assert equivalent_rank(q, [other_words], reports) is None


def test_a_named_year_rules_out_other_years(reports):
    q = _q("sz2019", evidence="孔雀计划")
    hits = [_hit("sz2015", "实施孔雀计划"), _hit("sz2019", "深化孔雀计划")]
    assert equivalent_rank(q, hits, reports) == 1
    assert equivalent_rank(q, hits, reports, years=[2019]) == 2
    # a year no gold report is of (到2035年) speaks of the content: it rules nothing out
    assert equivalent_rank(q, hits, reports, years=[2035]) == 1


def test_a_named_place_rules_out_other_places(reports):
    q = _q("sz2019", evidence="孔雀计划")
    hits = [_hit("ft2019", "孔雀计划"), _hit("sz2015", "孔雀计划"), _hit("sz2019", "孔雀计划")]
    assert equivalent_rank(q, hits, reports) == 1
    assert equivalent_rank(q, hits, reports, places=["深圳", "深圳市"]) == 2  # same series as the gold
    assert equivalent_rank(q, hits, reports, places=["福田", "福田区"]) == 1
    gd = _q("gd2024", evidence="孔雀计划")
    assert equivalent_rank(gd, hits, reports, places=["广东", "广东省"]) is None


def test_table_shows_both_figures_side_by_side():
    m = {"evidence_mrr": 0.5, "hit@1": 0.5, "hit@3": 1.0, "answer_hit@3": None, "ask_ms_p50": 1.0,
         "ask_ms_p95": 2.0, "evidence_mrr_equiv": 0.75, "hit@1_equiv": 0.5, "hit@3_equiv": 1.0,
         "equivalent_questions": ["q071"]}
    out = format_table({"questions": 2, "with_answers": 0, "k": 10, "split": "dev", "modes": {"hybrid": m}})
    assert "equivalent evidence" in out and "0.750" in out and "strict 0.500" in out and "q071" in out
