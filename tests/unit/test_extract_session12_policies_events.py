"""Session 12 policy and event shapes (issue 13): 若干 titles led by an adjective-tagged verb, meetings named by the
international body that holds them, and touring campaigns named …行.

Sentences are from corpus reports outside the window gold and the test windows' reports (file named per test; a
shortened sentence says so) or written for the test in the reports' style (said so); none lies inside a window of
tests/gold/windows.
"""
from govgraph.ingest.extract.rules.events import event_roles
from govgraph.ingest.extract.qualified_documents import qualified_by_adjective
from govgraph.ingest.extract.several_titles import titled_by_several
from tests.unit.test_extract_relation_rules import context, triples
from tests.unit.test_extract_titles_and_events import _names

STATE_COUNCIL = "国务院"
GUANGDONG = "广东省人民政府"
LONGGANG = "深圳市龙岗区人民政府"


def test_ruogan_titles_a_document_whatever_its_first_word():
    # written for the test: 繁荣 is tagged an adjective, used as a verb
    assert _names("出台繁荣文化市场若干措施，打造夜间消费街区。", "Policy", LONGGANG) == ["繁荣文化市场若干措施"]
    assert titled_by_several("支持产业发展若干措施") and titled_by_several("促进消费的若干政策措施")
    # a description of measures stays one (written for the test)
    assert not titled_by_several("详细接待方案")
    assert _names("出台详细接待方案。", "Policy", LONGGANG) == []


def test_a_summit_is_named_by_the_body_that_holds_it():
    # 国务院政府工作报告_2018年 (shortened)
    names = _names("办好博鳌亚洲论坛年会、上海合作组织峰会、中非合作论坛峰会等主场外交。", "Event", STATE_COUNCIL)
    assert "上海合作组织峰会" in names and "博鳌亚洲论坛年会" in names
    # the host city between the body and 峰会, the attendees before 会议 (国务院政府工作报告_2019年, shortened)
    assert _names("成功举办上合组织青岛峰会、金砖国家领导人厦门会晤等主场外交。", "Event", STATE_COUNCIL)[0] == "上合组织青岛峰会"
    assert _names("出席亚太经合组织领导人非正式会议。", "Event", STATE_COUNCIL) == ["亚太经合组织领导人非正式会议"]
    # the body stays a name inside its meeting
    assert _names("出席亚太经合组织领导人非正式会议。", "Organization", STATE_COUNCIL) == ["亚太经济合作组织"]


def test_a_body_before_a_bare_meeting_word_or_a_topic_names_no_summit():
    # written for the test: a bare 会议 after a firm is a product
    assert "中国银行会议" not in _names("中国银行会议系统上线运行。", "Event", STATE_COUNCIL)


def test_a_touring_campaign_is_named_by_its_scope_and_xing():
    # 广东省政府工作报告_2014年 (shortened), 广东省政府工作报告_2017年 (shortened)
    assert _names("深入推进广货全国行、广货网上行，有效释放消费潜力。", "Event", GUANGDONG) == ["广货全国行", "广货网上行"]
    # the elided second item of 网上行及全国行 names nothing whole
    assert _names("创新开展消费促进月、广货网上行及全国行活动。", "Event", GUANGDONG).count("广货网上行") == 1
    assert "广货网上行及全国行" not in _names("创新开展消费促进月、广货网上行及全国行活动。", "Event", GUANGDONG)
    # 龙岗区2024年政府工作报告 (shortened)
    assert "优才中国行" in _names("常态化开展优才中国行、创新创业大赛等活动。", "Event", LONGGANG)
    # a place before the 行 of a quoted name: 009_gzbg-szlhua (龙华区, shortened)
    assert _names("持续开展“大国工匠龙华行”活动。", "Event", "深圳市龙华区人民政府") == ["大国工匠龙华行"]


def test_words_ending_in_xing_are_no_tours():
    # written for the test: a bank, a run, a pilot
    for sentence in ("中国银行、建设银行全国行长会议在深召开。", "推动全国一体化政务服务平台全网运行。",
                     "在全国先行先试。"):
        assert not any(n.endswith("行") for n in _names(sentence, "Event", STATE_COUNCIL))


def test_the_holder_of_a_summit_organises_it_whole():
    # 国务院政府工作报告_2018年 (shortened)
    s = context("办好上海合作组织峰会。", STATE_COUNCIL)
    assert (STATE_COUNCIL, "ORGANIZED", "上海合作组织峰会") in triples(event_roles, s)


def test_a_contest_is_named_by_the_prize_won_at_it():
    # 2022年坪山区政府工作报告 (shortened), 2023年龙华区 (shortened)
    assert "全国颠覆性技术创新大赛" in _names("超滑技术研究所获全国颠覆性技术创新大赛优胜奖。", "Event", LONGGANG)
    assert _names("职业围棋队荣获全国围棋甲级联赛第三名。", "Event", LONGGANG) == ["全国围棋甲级联赛"]
    # a count or a rank names a class of contests: 029_gzbg-guangxi, 龙岗区2018年 (shortened)
    assert _names("获亚洲级以上大赛金牌33枚。", "Event", LONGGANG) == []
    assert _names("夺得2枚全国职业技能大赛金牌。", "Event", LONGGANG) == []
    # without a prize, a contest after a winning verb is no name here (written for the test)
    assert _names("获得参赛资格。", "Event", LONGGANG) == []


def test_a_citys_recurring_festival_stands_alone_in_a_list():
    # 深圳市政府工作报告_2020年 (shortened), 宝安区 2019 (郭子平, shortened)
    assert _names("深圳设计周、深圳读书月、莲花山草地音乐节等品牌活动。", "Event", "深圳市人民政府")[:2] == [
        "深圳设计周", "深圳读书月"]
    assert "金蚝美食节" in _names("双城双年展、金蚝美食节、民俗文化节装点下的宝安。", "Event", "深圳市宝安区人民政府")
    # planning an event is no part of its name: 2025年坪山区政府工作报告 (shortened)
    assert "深圳国际戏剧节" in _names("谋划深圳国际戏剧节、大湾区啤酒节。", "Event", "深圳市坪山区人民政府")


def test_a_law_after_chained_verbs_is_named():
    # written for the test in the 法治政府 reports' style: the first verb alone had left 贯彻民法典, refused
    assert _names("深入学习宣传贯彻民法典，严格执行重大行政决策程序暂行条例。", "Policy", LONGGANG) == [
        "民法典", "重大行政决策程序暂行条例"]
    assert _names("认真学习贯彻新修订的安全生产法。", "Policy", LONGGANG) == ["安全生产法"]
    # a way of working after chained verbs stays none (written for the test)
    assert _names("学习宣传贯彻执法。", "Policy", LONGGANG) == []


def test_a_package_is_named_by_its_topic_and_quoted_count():
    # 014_gzbg-shenzhen-2025 (shortened): the count alone had been the name (“24条”)
    assert _names("出台稳外贸“24条”、企业技改“18条”。", "Policy", "深圳市人民政府") == ["稳外贸“24条”", "企业技改“18条”"]
    # a count in Chinese numerals and the document word after it: 2022年坪山区政府工作报告 (shortened)
    assert _names("及时出台暖企“十条”政策，提前拨付专项资金。", "Policy", "深圳市坪山区人民政府") == ["暖企“十条”政策"]
    # a quoted topic and its count: 2021年福田区 (shortened)
    assert _names("推出防疫惠企政策“福企”十一条、“福企”新十条。", "Policy", "深圳市福田区人民政府") == [
        "“福企”十一条", "“福企”新十条"]


def test_a_topic_ends_at_a_conjunction_and_counts_of_roads_or_packages_name_none():
    # 大鹏新区2021年 (shortened): the topic is 稳增长, and the quoted system before 和 keeps its name
    names = _names("落实“7+9”惠企政策和稳增长“40条”。", "Policy", "深圳市大鹏新区管理委员会")
    assert "稳增长“40条”" in names and not any(n.startswith("惠企政策和") for n in names)
    # 2022年光明区 (shortened), 国务院政府工作报告_2018年 (shortened)
    assert _names("完成道路“白改黑”20条。", "Policy", "深圳市光明区人民政府") == []
    assert not any(n.endswith("三个“十条”") for n in _names("落实大气、水、土壤污染防治三个“十条”。", "Policy", STATE_COUNCIL))


def test_an_adjective_after_de_rates_measures_it_titles_none():
    # 2022年龙华区 (shortened); written for the test
    assert _names("制定对接和服务前海深化改革开放的具体措施。", "Policy", "深圳市龙华区人民政府") == []
    assert qualified_by_adjective("盘活闲置资产的有效办法")
    # a title's kind after 的 stays a title (corpus: 光明区 2021, 广东省 2021)
    assert not qualified_by_adjective("支持新型研发机构集聚发展的若干措施")
    assert not qualified_by_adjective("支持供应链企业发展的政策措施")
    assert _names("出台支持新型研发机构集聚发展的若干措施。", "Policy", "深圳市光明区人民政府") == [
        "支持新型研发机构集聚发展的若干措施"]
