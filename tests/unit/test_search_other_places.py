"""Reports of another jurisdiction than the one a question names (issue 15, session 12): their passages
keep a share of their score; the named place's kin (its parent, its children, the State Council) and
reports of unknown kin are left alone."""
import pytest

from govgraph.graph.embedder import CachedEmbedder
from govgraph.graph.search import SearchService
from govgraph.graph.search.other_places import other_place_reports
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.vectorize import vectors_for
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question, parent_place
from govgraph.ingest.tokenize import tokenize_query


def _report(rid, place, year=2024, before=None):
    return ReportInfo(id=rid, title=f"{year}年{place}政府工作报告", file=f"{rid}.txt", sha256=rid, year=year,
                      author=place + "人民政府", place=place, place_before=before, reviews=year - 1, plans=year)


REPORTS = {r.id: r for r in (
    _report("ba", "宝安区"), _report("lh", "龙华区"), _report("sz", "深圳市"), _report("gd", "广东省"),
    _report("gwy", "国务院"), _report("sh", "上海市"), _report("hn", "湖南省"), _report("psx", "坪山新区"),
    _report("dc", "东城区人民政府外事办公室"))}


def test_a_named_district_makes_its_siblings_and_other_provinces_other_places():
    assert other_place_reports(REPORTS, ["宝安区", "宝安"], parent_place) == {"lh", "sh", "hn"}


def test_kin_and_unknown_kin_are_never_other_places():
    # Shenzhen named: its districts tell its facts, its province quotes them; Pingshan New Area (an
    # earlier name, no known parent) and a body named for its district are of unknown kin.
    assert other_place_reports(REPORTS, ["深圳市", "深圳"], parent_place) == {"sh", "hn"}
    assert other_place_reports(REPORTS, ["广东省"], parent_place) == {"sh", "hn"}
    # two named places: each one's kin is kept
    assert other_place_reports(REPORTS, ["上海市", "宝安区"], parent_place) == {"lh", "hn"}


def test_places_the_collection_does_not_speak_for_name_no_other_place():
    assert other_place_reports(REPORTS, ["意大利", "首尔"], parent_place) == set()
    assert other_place_reports(REPORTS, [], parent_place) == set()


GUANGMING = """光明区2025年政府工作报告

一、2024年工作回顾
推进信息基础设施建设，新建5G基站800个，基站数量稳步增长。
全区完成绿化提升工程12项。
"""
LONGHUA = """龙华区2025年政府工作报告

一、2024年工作回顾
新建5G基站2000个，新建5G基站数量全市第一，5G网络覆盖率全市第一。
全区完成城中村综合治理项目30个。
"""
SHENZHEN = """深圳市2025年政府工作报告

一、2024年工作回顾
新建5G基站1.2万个，光明区、龙华区5G基站数量增长最快。
全市完成老旧小区改造项目200个。
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("siblings")
    embedder = CachedEmbedder()
    store = EmbeddedStore(folder / "store")
    for name, text in (("光明区政府工作报告_2025.txt", GUANGMING), ("龙华区政府工作报告_2025.txt", LONGHUA),
                       ("深圳市政府工作报告_2025.txt", SHENZHEN)):
        f = folder / name
        f.write_text(text, encoding="utf-8")
        batch = build_batch(f)
        store.put_batch(batch, vectors_for(batch, embedder))
    store.flush()
    return SearchService(store, embedder, tokenize_query, analyze_question)


def _scores(service, factor: float) -> dict[str, float]:
    """The place of each passage about 5G base stations -> its score, for 「光明区新建了多少个5G基站」."""
    service.other_place_factor = factor
    place = {r.id: r.place for r in service.store.reports()}
    hits = service.search("光明区新建了多少个5G基站", k=10).hits
    return {place[h.report]: h.score for h in hits if "基站" in h.text}


def test_only_the_other_districts_passage_keeps_a_share_of_its_score(service):
    assert {r.place for r in service.store.reports()} == {"光明区", "龙华区", "深圳市"}
    before, after = _scores(service, 1.0), _scores(service, 0.4)
    assert set(before) == set(after) == {"光明区", "龙华区", "深圳市"}
    assert after["龙华区"] == pytest.approx(0.4 * before["龙华区"])
    # the named district's own report and its city's (kin) are untouched
    assert after["光明区"] == pytest.approx(before["光明区"])
    assert after["深圳市"] == pytest.approx(before["深圳市"])
