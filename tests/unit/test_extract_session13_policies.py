"""Session 13 (issue 13): ISSUED edges in document statements, found by a recall audit over the corpus
(tools/policy_audit.py), not from window misses.

Sentences are from corpus reports outside the test windows' reports and outside every window of
tests/gold/windows (file named per test; a shortened sentence says so) or written for the test in the reports'
style (said so).
"""
from govgraph.ingest.extract.rules.peeled_leads import peeled_before
from govgraph.ingest.extract.rules.policies import policy_verbs
from tests.unit.test_extract_relation_rules import context, triples

NANSHAN = "深圳市南山区人民政府"
FUTIAN = "深圳市福田区人民政府"
BAOAN = "深圳市宝安区人民政府"
LONGGANG = "深圳市龙岗区人民政府"
PINGSHAN = "深圳市坪山新区管理委员会"


def _issued(sentence: str, author: str) -> set[tuple[str, str]]:
    s = context(sentence, author)
    return {(a, b) for a, t, b in triples(policy_verbs, s) if t == "ISSUED"}


def test_a_verb_of_pushing_peeled_off_the_title_leaves_the_drafting_verb_its_document():
    # 2014年南山区政府工作报告 (shortened): 加快 was peeled off the title, the edge was lost with it
    issued = _issued("出台加快现代服务业发展若干措施，促进现代服务业重点领域全面发展。", NANSHAN)
    assert [b for _, b in issued] == ["现代服务业发展若干措施"]


def test_revising_and_perfecting_a_rule_issues_it():
    # 003_gzbg-szft-2018 (shortened)
    issued = _issued("打出一套投融资改革组合拳，修订完善政府投资项目全过程管理办法。", FUTIAN)
    assert [b for _, b in issued] == ["政府投资项目全过程管理办法"]


def test_a_first_of_its_kind_descriptor_stands_between_verb_and_title():
    # 2014年坪山新区管委会工作报告 (unbracketed) and 003_gzbg-szft-2018 (bracketed), shortened
    assert [b for _, b in _issued("出台全国首个社工人才扶持办法，万人拥有社工数4人。", PINGSHAN)] == ["社工人才扶持办法"]
    assert [b for _, b in _issued("强化规划引领，出台全国首部《现代产业体系中长期发展规划》。", FUTIAN)] == ["现代产业体系中长期发展规划"]


def test_a_document_that_carries_out_another_is_issued_by_the_author():
    # 深圳市宝安区…政府工作报告_2018 (shortened): 出台 + 落实 + the title of the implementing document
    issued = _issued("出台落实生产经营单位主体责任实施办法，全面细化落实安全生产主体责任。", BAOAN)
    assert [b for _, b in issued] == ["生产经营单位主体责任实施办法"]


def test_a_cited_document_after_a_carrying_out_verb_is_not_issued():
    # 龙岗区2018年政府工作报告: the 条例 in 《》 is carried out by the 实施细则, not issued by the district
    assert _issued("出台落实《深圳经济特区股份合作公司条例》实施细则，进一步完善公司法人治理结构。", LONGGANG) == set()
    assert peeled_before("出台落实", "《深圳经济特区股份合作公司条例》", bracketed=True) == []


def test_pushing_another_body_to_draft_stays_no_issue():
    # written for the test: 推动出台 (a people's congress passes it) keeps its reading after the peeled 加快
    s = context("推动出台加快海洋经济高质量发展条例。", LONGGANG)
    assert [m.surface for m in s.of("Policy")] == ["海洋经济高质量发展条例"]
    assert triples(policy_verbs, s) == set()
