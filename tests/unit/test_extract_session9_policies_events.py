"""Session 9 policy and event shapes (issue 13): programmes quoted with their plan word outside the quotes,
laws named without brackets, events listed beside named events, games named by owner and edition, and
who joins a fair.

Sentences are from corpus reports outside the window gold (file named per test; a shortened sentence says
so) or written for the test in the reports' style (said so); none lies inside a window of tests/gold/windows.
"""
from govgraph.ingest.extract.law_names import law_names
from govgraph.ingest.extract.quoted_plan_words import quoted_plan_words
from govgraph.ingest.extract.rules.events import event_roles
from tests.unit.test_extract_relation_rules import context, triples
from tests.unit.test_extract_titles_and_events import _names


def test_a_quoted_programme_takes_the_plan_word_after_the_quotes():
    # 005_gzbg-szluohu-2021 (shortened), 龙岗区2018年, 2021年福田区
    assert _names("推出“菁英人才”计划。", "Policy", "深圳市罗湖区人民政府") == ["菁英人才计划"]
    assert _names("出台经济与科技发展专项资金“1+10”系列文件。", "Policy") == ["1+10系列文件"]
    assert _names("迭代升级“福田英才荟”政策。", "Policy") == ["福田英才荟政策"]
    # a count or a quantity names no programme (“一揽子”政策: 盐田区2017年; the second written for the test)
    names = lambda s: [n for _, _, n, _ in quoted_plan_words(s)]
    assert names("落实稳增长“一揽子”政策。") == []
    assert names("实施“十大”计划和“双减”政策措施。") == []


def test_a_law_is_named_without_brackets_after_a_verb_applying_it():
    # 广东省政府工作报告_2015年, 国务院政府工作报告_2014年, the third written for the test
    assert [n for *_, n, _ in law_names("贯彻新预算法，深化财税体制改革。")] == ["预算法"]
    assert [n for *_, n, _ in law_names("全面准确落实基本法。")] == ["基本法"]
    assert [n for *_, n, _ in law_names("修订安全生产法实施办法。")] == ["安全生产法"]
    # a way of working ends in 法 too: 宝安 2021 (落实文明执法), written for the test
    assert law_names("落实文明执法、柔性执法。") == []
    assert law_names("实施新方法，落实想办法。") == []


def test_an_item_listed_with_a_named_event_before_a_kind_of_event_is_an_event():
    # 盐田区2019年政府工作报告, outside its window (shortened)
    assert _names("举办世界杯国标舞、全国帆船锦标赛等重大赛事。", "Event", "盐田区人民政府") == [
        "世界杯国标舞", "全国帆船锦标赛"]
    # lists of offences or of talks are no lists of events: 龙岗区2023年, written for the test
    assert _names("依法打击电信网络诈骗、黄赌毒等违法犯罪活动。", "Event") == []
    assert "创业讲座" not in _names("举办深圳国际马拉松、创业讲座等活动。", "Event")


def test_a_games_is_named_by_its_owner_and_edition():
    # 016_gzbg-shenzhen-2003, 龙岗区2022年, written for the test
    assert _names("成功承办了广东省第十一届运动会。", "Event") == ["广东省第十一届运动会"]
    assert _names("组织开展龙岗区第六届运动会。", "Event", "龙岗区人民政府") == ["龙岗区第六届运动会"]
    assert _names("举办第三届峰会。", "Event") == []


def test_a_day_or_festival_quoted_whole_needs_no_verb_and_a_described_class_is_no_event():
    # 福田区政府工作报告（2017）, 盐田区2016年 (shortened)
    assert _names("做大做强“华强北电子消费节”活动。", "Event", "福田区人民政府") == ["华强北电子消费节"]
    assert _names("举办山地越野跑等具有盐田特色的体育竞赛。", "Event", "盐田区人民政府") == []


def test_the_actor_joins_a_fair_whose_exhibitors_it_organises():
    # written for the test in the shape of 宝安 2019 (组织好…博览会参展工作)
    s = context("组织好第三届中国国际进口博览会参展工作。", "深圳市宝安区人民政府")
    roles = {t[1] for t in triples(event_roles, s)}
    assert roles == {"PARTICIPATED_IN"}


def test_an_adjective_naming_the_subject_opens_a_title_and_a_verb_of_quality_a_description():
    # 罗湖区 2017, 宝安区 2019 (outside its window), 龙岗区2017年 (健全: a verb there), 福田区 2016 outside its
    # window is the shape of the last one (written for the test)
    assert _names("出台困难居民救助办法。", "Policy", "深圳市罗湖区人民政府") == ["困难居民救助办法"]
    assert _names("编制低效产业空间利用实施计划。", "Policy", "深圳市宝安区人民政府") == ["低效产业空间利用实施计划"]
    assert _names("健全招商引资管理办法。", "Policy", "深圳市龙岗区人民政府") == []
    assert _names("制定体现南山特色的高端人才认定标准。", "Policy", "深圳市南山区人民政府") == []
