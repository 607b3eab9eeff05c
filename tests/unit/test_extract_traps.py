"""Category nouns are no names (issue 13, traps.py): sentences from corpus reports outside the gold
windows (file named per test); the names beside them must survive."""
from govgraph.ingest.extract.traps import has_proper_word, is_category
from tests.unit.extract_mentions import mentions as found_mentions


def mentions(text: str, author: str = "深圳市南山区人民政府") -> set[tuple[str, str]]:
    return found_mentions(text, author, year=2023)


def test_a_class_of_laboratories_for_prize_winners_is_no_laboratory():
    # 2017年南山区政府工作报告: 诺贝尔奖科学家实验室 is a programme's class, 3家 of them in 008
    got = mentions("鼓励诺贝尔奖科学家实验室、国家省市级创新载体、新型研发机构发展。")
    assert not any("实验室" in name for _, name in got)


def test_school_groups_of_a_level_are_classes_but_a_named_one_is_a_body():
    # 009_gzbg-szlhua-2025.txt, 004_gzbg-szft-2019.txt
    assert not any("集团" in n for _, n in mentions("新成立中小学教育集团不少于6个。", "深圳市龙华区人民政府"))
    assert ("Organization", "荔园教育集团") in mentions("推进荔园教育集团等名校办新校、扶弱校。", "深圳市福田区人民政府")


def test_a_numbered_school_is_a_name():
    # 2015年坪山新区管委会工作报告: 市第九高级中学 (高级 is no level, 第九 numbers one school)
    got = mentions("南坪三期快速路、市第九高级中学、健宁医院开工建设。", "深圳市坪山新区管理委员会")
    assert any(label == "Organization" and name.endswith("第九高级中学") for label, name in got)


def test_designated_communities_are_a_class():
    # 2015年坪山新区管委会工作报告, 004_gzbg-szft-2019.txt
    got = mentions("汤坑、碧岭等17个社区获评“广东省宜居社区”，福中社区荣获五星级宜居社区。", "深圳市福田区人民政府")
    assert not any(name.endswith("宜居社区") for _, name in got)
    assert ("Place", "福中社区") in got


def test_the_category_tests_on_modifiers():
    assert is_category("卓越", "学校") and is_category("工程技术", "研究中心")
    assert is_category("深圳市重点", "实验室")          # a designation after a place: a class
    assert not is_category("世界", "银行")               # jieba holds 世界银行 whole
    assert not is_category("中国海洋", "大学") and not is_category("南方科技", "大学")
    assert not has_proper_word("五星级") and not has_proper_word("港口航运")
    assert has_proper_word("深圳") and has_proper_word("安托山") and has_proper_word("国家")


def test_the_party_committee_issuing_a_title_is_a_body():
    # 021_gzbg-tianjin-2026.txt, 026-like provincial reports: 《中共X委关于制定…建议》
    got = mentions("根据《中共天津市委关于制定天津市国民经济和社会发展第十五个五年规划的建议》，编制了纲要。",
                   "天津市人民政府")
    assert ("Agency", "中共天津市委员会") in got
    assert ("Agency", "中共天津市委员会") in mentions("中国共产党天津市委员会召开常委会会议。", "天津市人民政府")
