"""Session 11 policy and event shapes (issue 13): documents named by a quoted nickname and a document word,
packages titled by a count of items, trainings that are services, event names whose left edge is a word
boundary, leaders' meetings, and preparing an event as holding it.

Sentences are from corpus reports outside the window gold and the test windows' reports (file named per
test; a shortened sentence says so) or written for the test in the reports' style (said so); none lies
inside a window of tests/gold/windows.
"""
from govgraph.ingest.extract.quoted_documents import quoted_documents
from govgraph.ingest.extract.rules.events import event_roles
from tests.unit.test_extract_relation_rules import context, triples
from tests.unit.test_extract_titles_and_events import _names

LUOHU = "深圳市罗湖区人民政府"
LONGGANG = "深圳市龙岗区人民政府"
BAOAN = "深圳市宝安区人民政府"


def _quoted(sentence: str) -> list[str]:
    return [n for _, _, n, _ in quoted_documents(sentence)]


def test_a_quoted_nickname_and_its_document_word_name_a_document():
    # 2023年罗湖区, 2024年罗湖区 (shortened)
    assert _names("紧扣全市金融业“一城一街一带”发展规划，高水平建设红岭新兴金融产业带。", "Policy", LUOHU) == [
        "一城一街一带发展规划"]
    # the whole title since session 13 (等待 no longer reads as a list's 等, so the drafting-verb rule keeps 产业项目)
    assert _names("落实产业项目“开工零等待”实施办法，提高工程项目审批效率。", "Policy", LUOHU) == ["产业项目“开工零等待”实施办法"]


def test_a_number_formula_is_named_by_the_topic_before_it():
    # 宝安区 2019 (区长郭子平), 龙岗区2017年, 大鹏新区2017年 (shortened)
    assert _quoted("出台工程招投标“1+8”文件，制定政府投资项目建设标准。") == ["工程招投标1+8文件"]
    assert _quoted("出台全区城市管理治理“1+21”文件。") == ["全区城市管理治理1+21文件"]
    assert _quoted("出台基层治理“1+5”文件，构建社区党建标准化。") == ["基层治理1+5文件"]
    # without a topic a formula names nothing (written for the test)
    assert _quoted("落实安全生产“一岗双责”规定及配套“1+6”文件。") == []


def test_a_definition_a_placing_verb_or_a_system_names_no_document():
    # 009_gzbg-szlhua-2025 (shortened), 龙岗区2017年, written for the test, 004_gzbg-szft-2019 (shortened)
    assert _quoted("“两级”指市级总体规划和区级分区规划。") == []
    assert _quoted("优化“多规合一”规划编制体系。") == []
    assert _quoted("推动“第三通道”纳入市级规划。") == []
    assert _names("构建“1+N”规划体系，强化规划引领。", "Policy") == []
    # five-year-plan terms are left to quoted_plans (written for the test)
    assert _quoted("高质量编制“十四五”规划。") == []


def test_a_title_keeps_its_year_range_after_a_drafting_verb():
    # written for the test
    names = _names("出台区招商引资工作发展规划（2021—2023年）。", "Policy", LUOHU)
    assert len(names) == 1 and names[0].endswith("招商引资工作发展规划（2021—2023年）")


def test_a_package_is_titled_by_its_count_of_items_and_document_word():
    # 025_gzbg-anhui-2026, 广东省政府工作报告_2019年 (shortened)
    assert _names("统筹安排省级财政资金350亿元以上，实施稳经济30项举措。", "Policy", "安徽省人民政府") == ["稳经济30项举措"]
    assert _names("继续实施科技创新八项举措，聚焦“卡脖子”问题。", "Policy", "广东省人民政府") == ["科技创新八项举措"]
    # a count of items without a document word titles nothing (written for the test)
    assert _names("落实改革任务12项。", "Policy") == []


def test_a_next_edition_names_no_document():
    # written for the test
    assert _names("争取更多线路纳入下一轮城市轨道交通建设规划。", "Policy", LONGGANG) == []


def test_an_area_plan_may_be_the_subject_of_its_own_progress():
    # 2021年光明区 (shortened)
    assert _names("光明科学城空间规划纲要正式获批。", "Policy", "深圳市光明区人民政府") == ["光明科学城空间规划纲要"]


def test_a_training_named_by_its_group_or_skill_is_a_service():
    # 宝安区 2019 (区长郭子平), 024_gzbg-yunnan-2026 (shortened)
    assert _names("开展公职人员学法培训2.66万人次。", "Event", BAOAN) == []
    assert _names("开展补贴性职业技能培训59.9万人次。", "Event", "云南省人民政府") == []
    # a dated training and one named by its field stay events (001 and 000 of the report gold, shortened)
    assert _names("举办2021年度领导干部法治专题线上培训班。", "Event") == ["领导干部法治专题线上培训班"]
    assert _names("在北京国际饭店举办了七场行业外语能力培训。", "Event") == ["行业外语能力培训"]


def test_an_event_name_starts_at_a_word_boundary():
    # 宝安区 2021 (区长王立德), 2022年南山区, 027_gzbg-fujian-2026 (all shortened)
    assert _names("办好世界田联钻石联赛深圳站、世界帆船对抗巡回赛、宝安国际马拉松等高端赛事。", "Event", BAOAN)[1] == \
        "世界帆船对抗巡回赛"
    assert _names("举办大湾区帆船邀请赛，以体育为媒。", "Event", "深圳市南山区人民政府") == ["大湾区帆船邀请赛"]
    assert _names("成功举办第八届数字中国建设峰会。", "Event", "福建省人民政府") == ["数字中国建设峰会"]
    # a count inside a word is no count (盐田区2024年, shortened)
    assert "中国铁人三项联赛总决赛" in _names("首次举办山海半程马拉松、中国铁人三项联赛总决赛。", "Event", "深圳市盐田区人民政府")


def test_a_campaign_a_session_and_a_verb_before_the_topic_make_no_event():
    # 广东省政府工作报告_2016年, 006_gzbg-szns-2023, written for the test (all shortened)
    assert _names("开展高速公路建设大会战，改善粤东西北内联外通条件。", "Event", "广东省人民政府") == []
    assert _names("中国共产党第二十次全国代表大会胜利召开。", "Event", "深圳市南山区人民政府") == []
    assert _names("崖山数据库系统获评数字中国建设峰会“十大硬核科技”。", "Event", "深圳市龙华区人民政府") == [
        "数字中国建设峰会"]


def test_leaders_meetings_and_work_meetings_are_events():
    # 国务院政府工作报告_2019年 (shortened), 025_gzbg-anhui-2026 (shortened)
    assert _names("习近平主席等国家领导人出席金砖国家领导人会晤。", "Event", "国务院") == ["金砖国家领导人会晤"]
    assert _names("成功承办全国城市更新工作推进会。", "Event", "安徽省人民政府") == ["全国城市更新工作推进会"]


def test_preparing_an_event_is_holding_it():
    # 龙岗区2024年
    s = context("高标准筹备2024年深圳国际低碳城论坛。", LONGGANG, 2024)
    assert triples(event_roles, s) == {(s.author.name, "ORGANIZED", "深圳国际低碳城论坛")}
