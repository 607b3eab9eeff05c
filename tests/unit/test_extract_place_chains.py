"""Counties written short after their city, county-level cities far from home, places joined by dashes
(ingest/extract/county_chains.py, far_places.py, dash_chains.py). Sentences from corpus reports."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.far_places import far_county_short
from govgraph.ingest.extract.places import gazetteer
from govgraph.ingest.extract.rules.nested_places import nested_places
from govgraph.ingest.extract.rules.places import located_in

from tests.unit.test_extract_relation_rules import context, triples

PINGSHAN = "深圳市坪山区人民政府"


def places(sentence: str, author: str) -> list[tuple[str, str]]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2020, author), sentence)
    return [(m.surface, m.name) for m in find_mentions(sentence, 0, ctx) if m.label == "Place"]


def test_a_county_written_short_after_its_city_is_the_county_and_lies_in_it():
    # 2020年坪山区政府工作报告_2020.txt
    s = "深化与百色田东扶贫协作，推进龙须河等生态扶贫项目，做好与汕尾陆河对口帮扶。"
    assert ("田东", "田东县") in places(s, PINGSHAN) and ("陆河", "陆河县") in places(s, PINGSHAN)
    assert {("田东县", "LOCATED_IN", "百色市"), ("陆河县", "LOCATED_IN", "汕尾市")} <= triples(located_in, context(s, PINGSHAN))


def test_a_station_named_for_its_city_and_district_gives_no_county():
    # 019_gzbg-beijing-2026.txt: 北京通州站 is a station; the report gold draws no LOCATED_IN from it
    assert all(name != "通州区" for _, name in places("北京通州站开通运营。", "北京市人民政府"))


def test_a_short_form_that_is_no_child_of_the_city_before_it_is_not_read():
    assert all(name != "田东县" for _, name in places("深化与汕尾田东扶贫协作。", PINGSHAN))


def test_another_provinces_county_level_city_needs_its_parents_in_view():
    g = gazetteer()
    fujian, guangdong = g.places["福建省"], g.places["广东省"]
    linhai = g.places["临海市"]
    # 027_gzbg-fujian-2026.txt: 做强做优临海蓝色…三大特色农业产业带 (coastal), not Zhejiang's 临海市
    assert far_county_short(linhai, "临海", "做强做优临海蓝色农业产业带", fujian)
    assert not far_county_short(linhai, "临海", "支持浙江临海发展", fujian)          # its province is named
    assert not far_county_short(linhai, "临海市", "临海市", fujian)                  # written in full
    assert not far_county_short(linhai, "临海", "临海", None)                        # a national report
    assert not far_county_short(g.places["陆丰市"], "陆丰", "罗湖-陆丰创新岛", guangdong)  # its own province


def test_in_a_shenzhen_district_report_pinghu_is_the_subdistrict_not_zhejiangs_city():
    # 龙岗区2018年政府工作报告_2018.txt
    names = [n for _, n in places("加快平湖金融与现代服务业基地建设。", "深圳市龙岗区人民政府")]
    assert "平湖市" not in names


def test_bare_names_in_a_dash_chain_of_places_are_places():
    # 福田区政府工作报告（2016）_2016.txt, 2021年政府工作报告（在福田区第八届人民代表大会…）
    assert ("彩田", "彩田") in places("依托梅林-彩田、车公庙金地沙头片区升级改造。", "深圳市福田区人民政府")
    found = places("依托天安——车公庙——沙头现有产业优势，推进时尚产业聚集区建设。", "深圳市福田区人民政府")
    assert {"车公庙", "沙头"} <= {s for s, _ in found}
    assert "现有" not in "".join(s for s, _ in found)


def test_dash_chains_of_stages_handles_or_bodies_give_no_place():
    assert places("推动形成“孵化器—加速器—投融资对接”全链条体系。", "深圳市福田区人民政府") == []
    assert places("科技—产业—金融深度融合。", "深圳市福田区人民政府") == []
    assert all(s != "民意速办" for s, _ in places("“@宝安—民意速办平台”办理民生诉求35.6万件。", "深圳市宝安区人民政府"))
    assert all(s != "东西" for s, _ in places("完成南澳—东西涌快速通道。", "深圳市大鹏新区管理委员会"))


YANTIAN = "深圳市盐田区人民政府"


def test_a_zones_named_part_is_one_place_part_of_the_zone():
    # 盐田区2019年政府工作报告_2019.txt
    s = "启动盐田综保区沙头角片区退出海关特殊监管区相关工作。"
    assert places(s, YANTIAN) == [("盐田综保区沙头角片区", "盐田综保区沙头角片区")]
    assert ("盐田综保区沙头角片区", "PART_OF", "盐田综保区") in triples(nested_places, context(s, YANTIAN))
    s = "支持盐田港东港区规划建设。"
    assert ("盐田港东港区", "PART_OF", "盐田港") in triples(nested_places, context(s, YANTIAN))


def test_a_zone_with_a_designation_after_it_is_the_zone():
    # 盐田区2019年政府工作报告_2019.txt, 福田区政府工作报告（2016）_2016.txt
    assert places("不断巩固盐田港全球航运枢纽港地位。", YANTIAN) == [("盐田港", "盐田港")]
    assert places("强力推进福田保税区重点片区建设。", "深圳市福田区人民政府") == [("福田保税区", "福田保税区")]


def test_hong_kong_and_kinds_that_name_a_zone_are_no_zone_and_part():
    assert ("潮州港经济开发区", "潮州港经济开发区") in places("支持潮州港经济开发区发展。", "广东省人民政府")
    assert triples(nested_places, context("打造沙头角深港国际旅游消费合作区。", YANTIAN)) == set()


def test_a_cluster_or_base_opened_by_a_place_is_a_place_one_of_sectors_is_a_kind():
    # 2022年政府工作报告（在深圳市罗湖区第八届…）, 盐田区2019年政府工作报告_2019.txt
    s = "充分利用大梧桐新兴产业带、水贝黄金珠宝集聚区、布心生命健康产业基地、新材料产业大厦等产业集聚区。"
    found = {n for _, n in places(s, "深圳市罗湖区人民政府")}
    assert {"水贝黄金珠宝集聚区", "布心生命健康产业基地"} <= found and "产业集聚区" not in found
    assert ("盐田河临港新兴产业集聚区", "盐田河临港新兴产业集聚区") in places("统筹盐田河临港新兴产业集聚区空间布局。", YANTIAN)
    assert places("打造高显示度的医美集聚区。", "深圳市罗湖区人民政府") == []
    assert places("打造香蜜湖、深圳湾、前海湾等国际风投创投集聚区。", "深圳市人民政府")[-1][1] != "国际风投创投集聚区"
    assert places("打造数控机床产业基地。", "云南省人民政府") == []


def test_the_citys_other_counties_listed_after_a_chained_one_are_counties():
    # 2025年坪山区政府工作报告_2025.txt
    s = "深化与广西百色田东、德保东西部协作。"
    assert {("田东", "田东县"), ("德保", "德保县")} <= set(places(s, PINGSHAN))
    assert ("德保县", "LOCATED_IN", "百色市") in triples(located_in, context(s, PINGSHAN))


def test_an_award_shaped_like_a_place_is_no_place():
    # 2022年南山区政府工作报告_2022.txt: the park is a place, the honour it received is not
    found = places("推进法治文化载体建设，石鼓山法治公园获评广东省法治文化主题公园。", "深圳市南山区人民政府")
    assert all(n != "广东省法治文化主题公园" for _, n in found)
    assert all(n != "国家生态文明建设示范区" for _, n in places("获评国家生态文明建设示范区。", "深圳市龙岗区人民政府"))
