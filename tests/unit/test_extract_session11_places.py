"""Session 11 place rules of issue 13 (x14place), each written from a class of Chinese place naming; sentences
from corpus reports that are in no test window (file named per test)."""
from govgraph.ingest.extract.corridor_names import corridor_name_ok
from govgraph.ingest.extract.place_abbreviations import opens_with_abbreviations
from govgraph.ingest.extract.sibling_items import vouch_items
from govgraph.ingest.extract.wide_designations import is_wide_designation
from tests.unit.extract_mentions import places


def test_places_joined_by_their_abbreviations_open_a_name():
    # 005_gzbg-szluohu-2021.txt; 广东省政府工作报告_2014年 (dev window w33's report, another sentence)
    assert "广深港澳科技创新走廊" in places("大梧桐新兴产业带成为广深港澳科技创新走廊重要节点。", "深圳市罗湖区人民政府")
    assert "中新（广州）知识城" in places("加快中新（广州）知识城、广东金融高新技术服务区等平台建设。", "广东省人民政府")
    assert opens_with_abbreviations(["广", "深", "科技", "创新"])
    # a country's character counts only after 中; a character glued to a name before it is that name's
    assert not opens_with_abbreviations(["以", "新"])
    assert opens_with_abbreviations(["中", "以"])
    got = places("统筹推进布吉新城二次开发，研究破解高密度建成区历史遗留难题。", "深圳市龙岗区人民政府")  # 008_gzbg-szlg-2021.txt
    assert not any(p.startswith("吉") for p in got)


def test_a_corridor_is_named_by_a_place_and_a_dash_chain_lists_its_places():
    # 029_gzbg-guangxi-2026.txt
    got = places("建设南宁都市圈，推进北钦防一体化发展，建强南宁—柳州—桂林经济走廊。", "广西壮族自治区人民政府")
    assert not any(p.endswith("走廊") for p in got)
    assert {"南宁市", "柳州市"} <= got
    # 2016年10月政府工作报告（…罗湖区第七届…）: a sky bridge is a kind
    assert not any(p.endswith("走廊") for p in places(
        "通过完善过街设施、架设空中走廊、加盖风雨顶棚，构建无缝连接的慢行系统。", "深圳市罗湖区人民政府"))
    assert corridor_name_ok("大沙河创新", "走廊") and not corridor_name_ok("东部向海发展", "走廊")
    assert corridor_name_ok("东部向海发展", "产业园")   # other heads are not this module's


def test_planned_districts_and_venues_named_by_a_place():
    # 014_gzbg-shenzhen-2025.txt
    got = places("高水平建设西丽湖国际科教城、光明科学城、大运深港国际科教城，打造教育、科技、产业融合发展的“无界之城”。")
    assert {"西丽湖国际科教城", "大运深港国际科教城"} <= got
    # 龙岗区2015年政府工作报告 (dev window w48's report, another sentence): 有 opens the clause
    got = places("初步形成了东有宝龙新能源基地、南有阿波罗未来产业城、西有华为科技城的产业布局。", "深圳市龙岗区人民政府")
    assert "阿波罗未来产业城" in got and "南有阿波罗未来产业城" not in got


def test_list_items_vouched_by_their_siblings():
    # 2015年坪山新区管委会工作报告 (a list of short names before a count and a class)
    assert vouch_items(["天安云谷", "启迪协信", "天安数码"], ["天安云谷", "启迪协信", None]) == ["天安云谷", "启迪协信", "天安数码"]
    # a trade among the items is no name, and one name alone vouches for nothing
    assert vouch_items(["天安云谷", "启迪协信", "新材料"], ["天安云谷", "启迪协信", None])[2] is None
    assert vouch_items(["天安云谷", "天安数码"], ["天安云谷", None])[1] is None


def test_a_class_of_parks_completes_no_name_when_it_is_written_whole():
    # 产业园区 is a class, not 产业园 + 区: the items are the parks' own names
    got = places("鼓励天安云谷、启迪协信、星河world等重点产业园区广泛对接国内外资源。", "深圳市龙岗区人民政府")
    assert {"天安云谷", "启迪协信"} <= got
    assert not any(p.endswith("产业园") for p in got)


def test_a_title_of_a_whole_city_or_region_is_no_place():
    assert is_wide_designation("深圳物流枢纽") and is_wide_designation("大湾区国际消费枢纽")
    # a place below the city, a part of the city or a county-level city names one facility
    assert not is_wide_designation("坂田五和枢纽")
    assert not is_wide_designation("深圳东部综合交通枢纽")
    assert not is_wide_designation("平湖枢纽")
    # 示范区 is left alone: the report gold names 深圳先行示范区 a place
    assert not is_wide_designation("深圳先行示范区")
    # 龙岗区2020年政府工作报告
    got = places("坚持TOD理念，高标准推进大运枢纽、平湖枢纽开发建设。", "深圳市龙岗区人民政府")
    assert "平湖枢纽" in got


def test_deepening_opens_the_clause_before_a_zone():
    # 007_gzbg-szba-2022.txt
    got = places("全面深化前海合作区改革开放，坚决落实行政区和经济区适度分离下的新型管理体制。", "深圳市宝安区人民政府")
    assert not any(p.startswith(("全面", "深化")) for p in got)


def test_one_example_before_a_count_and_a_class():
    # 2015年政府工作报告（…罗湖区第六届…）
    assert "童乐" in places("新建童乐等4个社区公园，总数119个。", "深圳市罗湖区人民政府")


def test_the_work_on_a_river_ends_its_name():
    # 019_gzbg-beijing-2026.txt
    got = places("推进潮白河综合治理和二道河水库等重点水利工程建设。", "北京市人民政府")
    assert {"潮白河", "二道河水库"} <= got


def test_a_numeral_character_glued_inside_a_name_is_no_count():
    # 盐田区2020年政府工作报告: 大|百|汇 (jieba cannot join them); 北|三|大 and counts before a measure stay cuts
    got = places("加快将壹海国际中心、盐田科技大厦、大百汇生命健康产业园打造成超十亿级总部经济群落。", "深圳市盐田区人民政府")
    assert "大百汇生命健康产业园" in got
    assert "长圳3个社区" not in places("推进长圳3个社区改造。", "深圳市光明区人民政府")
