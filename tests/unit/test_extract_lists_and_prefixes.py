"""Partner lists, enumerated places, place chains and prefixed variants, on corpus-extra sentences
(none of them in the gold windows; file named per test)."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.prefix_variants import merge_prefixed_variants
from govgraph.ingest.extract.rules.cooperation import cooperation
from govgraph.ingest.extract.rules.places import located_in
from tests.unit.test_extract_relation_rules import context, triples

GUANGMING = "深圳市光明区人民政府"
LONGHUA = "深圳市龙华区人民政府"


def test_every_body_of_a_yu_list_before_hezuo_is_a_partner():
    # 2022年光明区政府工作报告_2022.txt
    s = context("深化与马歇尔团队、墨尔本大学等合作，启动与哈佛医学院康复科团队、汕头大学医学院等合作项目，"
                "加强与市妇幼保健院、市儿童医院、市二院、市中医院战略合作，打造区域医疗联合体。", GUANGMING)
    partners = {t for _, _, t in triples(cooperation, s)}
    assert {"墨尔本大学", "哈佛医学院", "汕头大学医学院"} <= partners
    assert "马歇尔团队" not in partners


def test_a_list_someone_else_is_encouraged_to_work_with_is_no_partner():
    # 2018年南山区政府工作报告_2018.txt: the district supports firms; the university is theirs to work with
    s = context("支持区内重点企业与国防科技大学等院校合作，新规划1-2个军民融合产业园区，推动2-3个前沿尖端技术项目落地。",
                "深圳市南山区人民政府")
    assert triples(cooperation, s) == set()


def test_an_ambiguous_district_takes_the_city_written_before_it():
    # 南山区 is a district of Shenzhen and of Hegang. No corpus sentence writes an ambiguous district after
    # its city, so this one is made up: the city written before the name must win over the author's city
    s = context("对口支援黑龙江省鹤岗市南山区。", "深圳市南山区人民政府")
    assert ("鹤岗市南山区", "LOCATED_IN", "鹤岗市") in triples(located_in, s)
    assert s.report.district.parent == "深圳市"


def test_county_chain_after_province_and_city():
    # 龙岗区2025年政府工作报告_2025.txt (its notes)
    s = context("四省八县（区）：指龙岗区对口帮扶的四个省八个县（区），包括广西壮族自治区靖西市、那坡县；"
                "江西省寻乌县；广东省惠州市龙门县、惠东县，汕尾市海丰县，深汕特别合作区赤石镇3个村。", "深圳市龙岗区人民政府")
    t = triples(located_in, s)
    assert {("惠州市", "LOCATED_IN", "广东省"), ("龙门县", "LOCATED_IN", "惠州市"), ("海丰县", "LOCATED_IN", "汕尾市"),
            ("靖西市", "LOCATED_IN", "广西壮族自治区"), ("寻乌县", "LOCATED_IN", "江西省")} <= t


def _mentions(text: str, author: str):
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "gzbg", 2023, author), text)
    return ctx, find_mentions(text, 0, ctx)


def test_listed_rivers_and_short_head_names_are_places():
    # 2016年坪山新区 report: 坪山河、汤坑水等11条河流; 南山区 2015: 后海中心河、龙井河等河流
    for sentence, names in [("坪山河、汤坑水等11条河流综合整治快速推进。", {"坪山河", "汤坑水"}),
                            ("加快改善后海中心河、龙井河等河流水质。", {"后海中心河", "龙井河"})]:
        _, ms = _mentions(sentence, "深圳市南山区人民政府")
        assert names <= {m.name for m in ms if m.label == "Place"}, sentence


def test_a_hospital_with_and_without_its_district_prefix_is_one_node():
    # 2023年龙华区政府工作报告: 区人民医院 in 龙华区's report; 市人民医院 is the city's, another hospital
    ctx, ms = _mentions("完成区人民医院、中心医院、市人民医院龙华分院改扩建，深圳市龙华区人民医院新增床位。", LONGHUA)
    merge_prefixed_variants(ms, ctx, ("Organization", "Policy"))
    by_surface = {m.surface: m for m in ms if m.label == "Organization"}
    assert by_surface["区人民医院"].name == by_surface["深圳市龙华区人民医院"].name == "深圳市龙华区人民医院"
    assert "区人民医院" in by_surface["区人民医院"].aliases
    assert by_surface["市人民医院"].name == "深圳市人民医院"


def test_an_organisation_name_starts_after_the_clause_verb():
    # 2019年罗湖区政府工作报告 (its notes) and 宝安区 2019: the verb before the name is no part of it
    for sentence, author, verb in [
            ("“1”即设立一个区级教学点，挂牌罗湖区市民文明培训学院，面向全区居民提供文明素养提升培训服务。",
             "深圳市罗湖区人民政府", "挂牌"),
            ("引进投资额亿元以上优质项目20宗，确保中集集团等标志性项目落地。", "深圳市宝安区人民政府", "确保")]:
        _, ms = _mentions(sentence, author)
        orgs = {m.surface for m in ms if m.label == "Organization"}
        assert orgs and not any(o.startswith(verb) for o in orgs), orgs


def test_a_rare_two_character_noun_before_a_place_head_is_a_name():
    # 2021年光明区政府工作报告: 水滨 (jieba counts it 3 times) is a name morpheme, not a common word
    _, ms = _mentions("全力推动34条主次干道建设，打通水滨路等10条“断头路”，完成29条道路“白改黑”。", GUANGMING)
    assert "水滨路" in {m.name for m in ms if m.label == "Place"}
    assert not any(m.name.endswith("道路") for m in ms if m.label == "Place")


def test_a_count_of_documents_is_no_title_and_a_clause_conjunction_no_part_of_one():
    # 2020年光明区政府工作报告; 深圳市政府工作报告_2021 (制定并实施…)
    _, ms = _mentions("以全新视野、一流标准，编制好1个规划纲要和15个专项规划。", GUANGMING)
    assert not [m for m in ms if m.label == "Policy"]
    _, ms = _mentions("坚持人民城市人民建、人民城市为人民，制定并实施面向2035年的国土空间总体规划，统筹生产、生活、生态空间。",
                      "深圳市人民政府")
    assert [m.name for m in ms if m.label == "Policy"] == ["面向2035年的国土空间总体规划"]


def test_a_foreign_place_after_its_country_is_named_without_it():
    # Sentences in the shape of work reports' foreign-affairs lines (written for this test, not taken
    # from a gold window): a listed or head-noun-shaped name that opens with a country is left to
    # foreign_ties, which names the place without its country and records the country.
    for sentence, place, country in [("新增德国汉堡市、日本大阪市等3个国际友好城市。", "汉堡", "德国"),
                                     ("与意大利米兰市、阿联酋迪拜经济区缔结友好交流城市。", "迪拜", "阿联酋")]:
        _, ms = _mentions(sentence, "深圳市南山区人民政府")
        names = {m.name for m in ms if m.label == "Place"}
        assert not any(n.startswith(country) and n != country for n in names), (sentence, names)
        assert place in names, (sentence, names)
        assert any(m.props.get("country") == country for m in ms if m.name == place), sentence
