"""Agency rules of the session 13 audit (tools/agency_audit.py): a report's city read from its text when its author
and title name no place (ingest/extract/text_levels.py), 办公 after a 办 body, 建筑工务局. Sentences from reports
outside the test windows: the 青岛 foreign-affairs excerpt, the 2014 坪山新区 report, 龙华区 2024, 光明新区 2016,
龙岗区 2014."""
from pathlib import Path

from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.text_levels import city_from_text
from tests.unit.extract_mentions import GUANGMING, LONGGANG, names

TEXTS = Path(__file__).resolve().parents[1] / "gold" / "windows" / "texts"
QINGDAO = "今年以来，在市委、市政府坚强领导下，市外办始终坚持服务国家总体外交和青岛经济社会发展两个大局。"


def _context(report_text: str, author: str | None):
    return build_context(ReportInfo("r1", "t", "f.txt", "x", 2022, author), report_text)


def _agencies(sentence: str, ctx) -> set[str]:
    return {m.name for m in find_mentions(sentence, 0, ctx) if m.label == "Agency"}


def test_city_body_report_without_a_place_reads_its_city_from_the_text():
    ctx = _context((TEXTS / "wsb_qingdao_waiban_2022.txt").read_text(encoding="utf-8"), "市外办")
    assert ctx.city is not None and ctx.city.name == "青岛市"
    assert ctx.province is not None and ctx.province.name == "山东省"
    assert {"中共青岛市委员会", "青岛市人民政府", "青岛市人民政府外事办公室"} <= _agencies(QINGDAO, ctx)


def test_without_the_fallback_the_city_bodies_are_lost():
    # the same sentence read with only itself as the report's text: 青岛 named once is no report's city
    ctx = _context(QINGDAO, "市外办")
    assert ctx.city is None
    assert not _agencies(QINGDAO, ctx)


def test_new_area_report_resolves_its_city_but_keeps_its_own_committees():
    text = ("这些成绩的取得，得益于市委、市政府的正确领导。苏宁云商深圳公司进入坪山。"
            "深圳市网上办事大厅坪山分厅等项目前期工作基本完成。今年新区管委会的工作思路是：")
    ctx = _context(text, "坪山新区管委会")
    assert ctx.home is None   # the new area, not 深圳市, is the report's own place
    found = _agencies(text, ctx)
    assert {"中共深圳市委员会", "深圳市人民政府", "坪山新区管理委员会"} <= found


def test_national_author_keeps_no_city():
    text = "支持北京建设国际科技创新中心。北京冬奥会成功举办。北京城市副中心建设。"
    assert city_from_text(text) is not None   # the text alone would give 北京市
    ctx = _context(text, "国务院")
    assert ctx.city is None and ctx.province is None


def test_city_named_once_or_without_a_lead_is_no_report_city():
    assert city_from_text("与青岛港签署合作协议。") is None
    assert city_from_text("青岛、青岛港与深圳、深圳港") is None


def test_office_work_is_no_general_office():
    found = names("推进城区治理“一网统管”、政府办公“一网协同”", "Agency", "深圳市龙华区人民政府")
    assert not any(n.endswith("办公室") for n in found)
    found = names("公明办事处征收返还用地获市政府办公会审议通过", "Agency", GUANGMING)
    assert "深圳市人民政府" in found and not any(n.endswith("办公室") for n in found)


def test_district_works_bureau():
    assert "龙岗区建筑工务局" in names("区环保水务局区建筑工务局", "Agency", LONGGANG)
