"""Session 10 policy and event shapes (issue 13): campaigns quoted with a kind phrase, regulations named by
their place, plans named by the area they plan, the drafting verbs 修编 and 编制新一轮, work meetings listed
after a central one, kinds of activity that are no events, and fairs or games that open their clause.

Sentences are from corpus reports outside the window gold (file named per test; a shortened sentence says
so) or written for the test in the reports' style (said so); none lies inside a window of tests/gold/windows.
"""
from govgraph.ingest.extract.quoted_campaigns import quoted_campaigns
from govgraph.ingest.extract.rules.policies import policy_verbs
from tests.unit.test_extract_relation_rules import context, triples
from tests.unit.test_extract_titles_and_events import _names

LONGHUA = "深圳市龙华区人民政府"


def test_a_quoted_campaign_takes_its_kind_phrase():
    # 2024年龙华区 (shortened), 广东省政府工作报告_2024年 (shortened), written for the test
    assert _names("完善“龙舞华章”人才计划。", "Policy", LONGHUA) == ["龙舞华章人才计划"]
    assert _names("“暖心民政”三年行动启动实施。", "Policy", "广东省人民政府") == ["暖心民政三年行动"]
    names = lambda s: [n for _, _, n, _ in quoted_campaigns(s)]
    assert names("出台“1+3+N”产业政策体系。") == ["1+3+N产业政策体系"]


def test_a_quote_before_a_clause_a_plan_or_a_bare_work_names_no_campaign():
    # 007_gzbg-szba-2022 (shortened), 018_gzbg-guowuyuan-2023, 015_gzbg-shenzhen-2015, written for the test
    names = lambda s: [n for _, _, n, _ in quoted_campaigns(s)]
    assert names("做到“两个维护”落实到实际行动上。") == []
    assert names("提前实施部分“十四五”规划重大工程项目。") == []
    assert names("落实“一带一路”愿景与行动。") == []
    # a bare 工程 or 行动 is left out (the window gold lists none), and a count names several
    assert names("实施“万家乐”工程和“美丽家园”行动。") == []
    assert names("实施“十大”计划。") == []


def test_a_regulation_is_named_by_its_place_and_a_regulation_under_revision_by_its_title():
    # 广东省政府工作报告_2025年 (shortened), 深圳市政府工作报告_2017年 (shortened), 盐田区2021年 (shortened)
    assert "南沙条例" in _names("出台支持南沙若干措施，推动出台南沙条例。", "Policy", "广东省人民政府")
    assert _names("推动物业管理条例修订，完成社区居委会换届选举。", "Policy") == ["物业管理条例"]
    assert _names("为新时代全面深化改革提供盐田方案。", "Policy") == []
    # a pronoun refers back to the law, it titles nothing (written for the test)
    assert _names("落实外商投资法及其实施条例。", "Policy") == ["外商投资法"]


def test_a_plan_is_named_by_the_area_it_plans():
    # 龙岗区2019年, 宝安区 2015 (区长王宏彬), 龙华区 2021 (all shortened)
    assert _names("以平湖枢纽为中心，开展平湖片区整体规划，打造深圳北部新城。", "Policy", "深圳市龙岗区人民政府") == [
        "平湖片区整体规划"]
    assert _names("大空港地区空间规划获批。", "Policy", "深圳市宝安区人民政府") == ["大空港地区空间规划"]
    # kinds of area or a count of them name no plan
    assert _names("推进六大重点片区规划。", "Policy", LONGHUA) == []
    assert _names("推进重点片区规划。", "Policy", LONGHUA) == []
    # a facility's plan keeps the facility a place (written for the test)
    assert _names("完成清水河综合交通枢纽规划。", "Policy", "深圳市罗湖区人民政府") == []


def test_a_revised_plan_and_a_new_round_are_issued_by_the_actor():
    # 深圳市政府工作报告_2018年 (shortened); written for the test
    s = context("制定新一轮全面深化改革方案。", "深圳市人民政府")
    assert ("深圳市人民政府", "ISSUED", "全面深化改革方案") in triples(policy_verbs, s)
    s = context("修编光明综合规划。", "深圳市光明区人民政府")
    assert ("光明区人民政府", "ISSUED", "光明综合规划") in triples(policy_verbs, s)


def test_work_meetings_listed_after_a_central_one_are_central():
    # 2014年坪山新区管委会工作报告 (shortened)
    assert _names("全面贯彻落实中央经济工作会议、城镇化工作会议的精神。", "Event") == [
        "中央经济工作会议", "中央城镇化工作会议"]


def test_an_everyday_word_and_an_event_word_name_a_kind_of_activity():
    # 2020年光明区 (shortened), 025_gzbg-anhui-2026 (徽商 is a rare word: the congress of Anhui's merchants)
    assert _names("对重点企业开展技能培训。", "Event", "深圳市光明区人民政府") == []
    assert "徽商大会" in _names("世界制造业大会、RCEP地方政府暨友城合作（黄山）论坛、徽商大会等国际影响力不断扩大。",
                            "Event", "安徽省人民政府")


def test_a_fair_or_games_opening_its_clause_is_an_event():
    # 2018年罗湖区 (shortened), 011_gzbg-szgm-2025 (shortened), the last two written for the test
    assert _names("高交会期间市主要领导见证红岗国际创新广场奠基。", "Event", "深圳市罗湖区人民政府") == ["高交会"]
    assert _names("今年，光明将承办第十五届全运会。", "Event", "深圳市光明区人民政府") == ["全运会"]
    assert _names("第二十五届高交会成功举办。", "Event") == ["高交会"]
    assert _names("中国国际消费品博览会期间签约项目120个。", "Event") == ["中国国际消费品博览会"]
    assert _names("全力做好亚运会筹办工作。", "Event") == ["亚运会"]


def test_an_adjective_before_a_place_names_a_campaign_document():
    # 深圳市政府工作报告_2018年 (shortened)
    assert _names("实施健康深圳行动计划，新引进高水平医学团队100个。", "Policy") == ["健康深圳行动计划"]


def test_games_are_named_by_their_level_and_edition():
    # 龙岗区 (举行区第五届运动会), 宝安区 (认真筹备参加市第十届运动会), shortened; the last two written for the test
    assert _names("举行区第五届运动会，参赛人数达2万人次。", "Event", "深圳市龙岗区人民政府") == ["区第五届运动会"]
    assert _names("认真筹备参加市第十届运动会。", "Event", "深圳市宝安区人民政府") == ["市第十届运动会"]
    assert _names("办好第16届全区运动会。", "Event", "深圳市龙岗区人民政府") == ["第16届全区运动会"]
    # a level word ending a place's name is the place's games, named by events.py whole
    assert _names("承办广东省第十一届运动会。", "Event") == ["广东省第十一届运动会"]


def test_an_event_name_joins_two_topics_with_yu():
    # 2023年龙华区 (outside its window), 广东省政府工作报告_2025年 (both shortened); the last written for the test
    assert _names("联合主办深圳与加拿大创新合作交流会。", "Event", LONGHUA) == ["深圳与加拿大创新合作交流会"]
    assert "珠三角与粤东西北经贸合作招商会" in _names("办好大湾区全球招商大会、珠三角与粤东西北经贸合作招商会。",
                                                 "Event", "广东省人民政府")
    # 与 after an adverb is a preposition, and a first item that is an event is an event of its own
    assert _names("积极与香港合作举办论坛。", "Event") == []
    assert "高交会与创新论坛" not in _names("举办高交会与创新论坛。", "Event")
