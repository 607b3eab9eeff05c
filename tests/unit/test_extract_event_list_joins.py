"""Session 12 (x18rel, issue 13): the verb that governs a list of events reaches items joined with an
edition the name leaves out (首届X、第五届Y成功举办) and items closed by 等 and their class (X等高端学术
活动在我区举行): rules/event_list_joins.py. Sentences from corpus reports outside the gold windows' test
split (file named per test)."""
from govgraph.ingest.extract.rules.event_list_joins import class_end, joins_events
from govgraph.ingest.extract.rules.events import event_roles
from tests.unit.extract_mentions import CITY, GUANGMING, NANSHAN, YANTIAN
from tests.unit.test_extract_relation_rules import context, triples


def _organized(s) -> set[str]:
    return {t[2] for t in triples(event_roles, s) if t[1] == "ORGANIZED"}


def test_an_edition_between_two_items_joins_them():
    # 011_gzbg-szgm-2025.txt
    s = context("银星合成生物产业园投用，首届合成生物细胞国际会议、第五届合成生物制造产业大会成功举办。", GUANGMING, 2024)
    assert {"首届合成生物细胞国际会议", "合成生物制造产业大会"} <= _organized(s)
    assert joins_events("、第五届") and joins_events("和2019年") and not joins_events("，第五届")


def test_a_class_after_deng_stands_between_the_list_and_its_verb():
    # 2018年南山区政府工作报告_2018.txt
    s = context("承办第十届中国律师论坛，信息物理国际研讨会等高端学术活动在我区举行，城区美誉度持续上升。", NANSHAN, 2017)
    assert "信息物理国际研讨会" in _organized(s)
    # 盐田区2017年政府工作报告_2017.txt
    s = context("首届中国摩托艇公开赛、国标舞全国锦标赛、大梅沙国际风筝赛等重大赛事成功举办。", YANTIAN, 2016)
    assert "大梅沙国际风筝赛" in _organized(s)


def test_a_class_followed_by_no_holding_verb_holds_nothing():
    # 深圳市政府工作报告_2020年.txt: the events' reach grew; the sentence says nobody held them
    s = context("文博会、深圳读书月、中国设计大展等活动影响力持续提升。", CITY, 2019)
    assert _organized(s) == set()
    text = "X等活动影响力持续提升"
    assert class_end(text, 1) == 4 and class_end(text, 0) == 0   # X|等活动|影响力…
