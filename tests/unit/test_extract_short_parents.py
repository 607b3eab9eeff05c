"""Session 12 (x18rel, issue 13): a parent written by its abbreviation before the report's own place
(short_parents.py), a campus after a middle dot and a training academy's branch (placed_units.py).
Sentences from corpus reports outside the gold windows (file named per test) unless marked made-up."""
from govgraph.ingest.extract.placed_units import placed_parent
from govgraph.ingest.extract.rules.structure import nested_units
from govgraph.ingest.extract.short_parents import short_parent
from tests.unit.extract_mentions import CITY, GUANGMING, PINGSHAN
from tests.unit.test_extract_relation_rules import context, triples

BEIJING = "北京市人民政府"


def test_an_abbreviated_parent_before_the_reports_place():
    # 2022年坪山区政府工作报告_2022.txt: the city (深圳) and the district (坪山) both mark the parent's end
    s = context("投入运营南科大坪山生物医药研究院，加快引进市实验动物资源与技术研发基地，"
                "支持北理工深圳汽车研究院创建省级智能网联汽车创新中心。", PINGSHAN)
    found = triples(nested_units, s)
    # the abbreviations resolve to their bodies (short_forms.py, lexicon/body_abbreviations.tsv)
    assert ("南科大坪山生物医药研究院", "PART_OF", "南方科技大学") in found
    assert ("北理工深圳汽车研究院", "PART_OF", "北京理工大学") in found


def test_the_reports_short_name_is_a_place_even_when_a_common_word():
    # 2023年光明区政府工作报告_2023.txt: 光明 (jieba 1219) marks the end only in a 光明区 report
    sentence = "发挥中山大学深圳校区、南科大光明高等研究院等高校科研院所主体作用，打造体系化基础研究力量。"
    assert ("南科大光明高等研究院", "PART_OF", "南方科技大学") in triples(nested_units, context(sentence, GUANGMING))
    assert short_parent("南科大光明高等研究院") is None   # no report: 光明 is a common word


def test_a_campaign_word_a_kind_of_school_or_another_place_is_no_parent():
    # 019_gzbg-beijing-2026.txt: 数智北京 is the city's campaign
    s = context("组建北京数据集团，数智北京创新中心投入运行，数字经济增加值增长8.7%。", BEIJING)
    assert not any(t[1] == "PART_OF" for t in triples(nested_units, s))
    # 深圳市政府工作报告_2017年.txt: 名校 is a kind of school
    s = context("推进北京大学、清华大学等一批名校深圳校区加快落地。", CITY)
    assert not any(t[2] == "名校" for t in triples(nested_units, s))
    # made-up: a county (太白) that is not the report's own place ends no abbreviation
    assert short_parent("中科史太白创客学院") is None


def test_a_campus_after_a_middle_dot():
    # 深圳市政府工作报告_2023年.txt
    s = context("办好香港中文大学（深圳）、中山大学·深圳、深圳北理莫斯科大学等高校。", CITY)
    assert ("中山大学·深圳", "PART_OF", "中山大学") in triples(nested_units, s)
    assert placed_parent("中山大学·创新") is None   # no place after the dot


def test_a_training_academys_branch():
    # 大鹏新区2023年管理委员会工作报告_2023.txt (the sentence is in dev window w69)
    assert placed_parent("市人才研修院大鹏分院") == "市人才研修院"
