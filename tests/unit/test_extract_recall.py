"""Recall on unseen writing (issue 13): each new finder on sentences from corpus reports outside the
gold windows (file named per test), and the traps it must leave alone."""
from govgraph.ingest.extract.enumerations import find_listed_names
from govgraph.ingest.extract.meetings import find_meetings
from govgraph.ingest.extract.name_shapes import find_shaped_names
from govgraph.ingest.extract.words import straddles_words
from tests.unit.extract_mentions import mentions as found_mentions


def mentions(text: str, author: str) -> set[tuple[str, str]]:
    return found_mentions(text, author, year=2023)


def test_local_plenums_and_congresses_are_events_by_their_session_numbers():
    names = {m.name for m in find_meetings("按照省第十三次党代会和省委十三届历次全会部署，围绕市委七届六次全会、"
                                           "市七届人大四次会议和区二届二次党代会工作部署", 0, None)}
    assert names == {"省第十三次党代会", "省委十三届历次全会", "市委七届六次全会", "市七届人大四次会议", "区二届二次党代会"}


def test_national_doctrine_and_bare_meetings_are_no_events():
    # the Party's national congresses are cited as doctrine, a bare 会议 names nothing
    assert find_meetings("全面贯彻党的二十大和十九届二中、三中全会精神，召开会议研究部署", 0, None) == []


def test_fair_short_names_after_a_verb():
    assert [m.name for m in find_meetings("参加文博会期间，提高博会", 0, None)] == ["文博会"]


def test_ports_parks_and_zones_by_their_head_noun():
    # 012_gzbg-szyt-2018.txt / 003: 口岸 and 合作区 heads with proper-name modifiers
    names = {m.name for m in find_shaped_names("协助推进皇岗口岸站城一体化建设，推动深圳河沿岸和福田口岸等区域改造", 0, None)}
    assert "福田口岸" in names


def test_category_nouns_with_a_head_are_no_names():
    # 先进制造业园区, 概念验证中心, 数字经济核心区 (深圳市政府工作报告 2023, a dev window): category nouns
    text = "规划建设先进制造业园区，新增中小试基地、概念验证中心等35个，建设数字经济核心区。"
    assert find_shaped_names(text, 0, None) == []


def test_a_verb_before_the_name_is_cut_off():
    names = {m.name for m in find_shaped_names("加快建设深国际亚太智慧保税物流园", 0, None)}
    assert names == {"深国际亚太智慧保税物流园"}


def test_listed_names_take_the_label_of_their_class_noun():
    # 011_gzbg-szgm-2025.txt, 003_gzbg-szft-2018.txt
    assert {m.name for m in find_listed_names("推动深农集团、欣旺达等企业加快发展", 0, None)} == {"深农集团", "欣旺达"}
    places = find_listed_names("推进实施车公庙、八卦岭等片区城市更新", 0, None)
    assert {(m.label, m.name) for m in places} == {("Place", "车公庙"), ("Place", "八卦岭")}


def test_a_list_of_trades_is_no_list_of_companies():
    assert find_listed_names("重点引进工业软件、人工智能、区块链、大数据等企业", 0, None) == []


def test_the_reports_own_district_by_its_short_name():
    got = mentions("坪山发展还存在一些挑战，贡献坪山力量。", "深圳市坪山区人民政府")
    assert ("Place", "坪山区") in got


def test_a_place_name_cut_across_two_words_is_no_place():
    assert straddles_words("保持人民币汇率在合理均衡水平上", 11, 13)  # 衡水 in 均衡|水平
    got = mentions("保持人民币汇率在合理均衡水平上的基本稳定。", "国务院")
    assert not any(label == "Place" for label, _ in got)


def test_a_drafted_policy_name_drops_the_second_verb():
    got = mentions("印发实施生产性服务业高质量发展行动方案，推动集群发展。", "深圳市坪山区人民政府")
    assert ("Policy", "生产性服务业高质量发展行动方案") in got
