"""Session 13 place rules of issue 13 (x21place), from the recall audit over the corpus (tools/place_audit.py);
sentences from corpus reports that are in no test window (file named per test)."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.listed_county_shorts import county_short


def places(text: str, author: str = "深圳市人民政府") -> set[str]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2021, author), text)
    return {m.name for m in find_mentions(text, 0, ctx) if m.label == "Place"}


def surfaces(text: str, author: str = "深圳市人民政府") -> set[str]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2021, author), text)
    return {m.surface for m in find_mentions(text, 0, ctx) if m.label == "Place"}


def test_a_county_short_name_drops_its_level_and_an_autonomous_countys_peoples():
    assert county_short("连山壮族瑶族自治县") == "连山"
    assert county_short("龙胜各族自治县") == "龙胜"
    assert county_short("潮阳区") == "潮阳"
    assert county_short("鄂温克族自治旗") is None   # what is left names the people
    assert county_short("城区") is None


def test_the_provinces_counties_listed_by_their_short_names():
    # 广东省政府工作报告_2022年.txt
    got = places("推动连南、连山、乳源等民族地区高质量发展，扶持特色产业和生态文化旅游业发展。", "广东省人民政府")
    assert {"连南瑶族自治县", "连山壮族瑶族自治县", "乳源瑶族自治县"} <= got
    # 龙岗区2024年政府工作报告_2024.txt: a district report of the same province
    got = places("优化与海丰、龙门、惠东等地的园区共建模式。", "深圳市龙岗区人民政府")
    assert {"海丰县", "惠东县"} <= got


def test_a_short_name_alone_or_a_common_word_in_a_list_is_no_county():
    # one short name in a list: nothing vouches for it (the list may be of anything)
    assert "乳源瑶族自治县" not in places("发展茶叶、乳源、水果等特色产业。", "广东省人民政府")
    # 资源县 and 新建区 are counties elsewhere, 资源 and 新建 common words
    got = places("统筹土地、资源、环境等要素，新建、改建学校。", "广西壮族自治区人民政府")
    assert "资源县" not in got


def test_a_county_by_its_short_name_after_its_province_or_city():
    # 2023年光明区政府工作报告_2023.txt
    got = places("助力广西田林、西藏察隅顺利脱贫摘帽。", "深圳市光明区人民政府")
    assert {"田林县", "察隅县"} <= got
    # 深圳市宝安区…第六届人民代表大会第二次会议上作政府工作报告_2017.txt
    assert "都安瑶族自治县" in places("全面开展广西河池市都安、大化对口帮扶。", "深圳市宝安区人民政府")
    # a noun after the short name continues a longer name: nothing is cut out of it
    assert "田林县" not in places("加快建设广西田林六隆镇中心幼儿园。", "深圳市光明区人民政府")


def test_a_clause_word_glued_before_a_known_place_is_cut_off():
    # 深圳市宝安区…第七次会议上作政府工作报告_2021.txt: 守好守牢|深圳机场
    got = surfaces("守好守牢深圳机场“空中门户”，顶住了双重考验。", "深圳市宝安区人民政府")
    assert "深圳机场" in got and "牢深圳机场" not in got
    # a modifier that is a place or a noun stays: 河套|深圳园区 is one name
    got = surfaces("推进河套深圳园区建设。")
    assert "河套深圳园区" in got
    # a size before a place opens the name (大|深圳 as a region): 大 stays
    got = surfaces("构建大深圳都市圈，守牢深圳机场。")
    assert "深圳都市圈" not in got
