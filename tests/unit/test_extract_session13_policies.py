"""Session 13 (issue 13): ISSUED edges in document statements, found by a recall audit over the corpus
(tools/policy_audit.py), not from window misses.

Sentences are from corpus reports outside the test windows' reports and outside every window of
tests/gold/windows (file named per test; a shortened sentence says so) or written for the test in the reports'
style (said so).
"""
from govgraph.ingest.extract.rules.cited_issuers import cited_issuers
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


STATE_COUNCIL = "国务院"
LUOHU = "深圳市罗湖区人民政府"
LONGHUA = "深圳市龙华区人民政府"
SHENZHEN = "深圳市人民政府"
GUANGDONG = "广东省人民政府"


def _policies(sentence: str, author: str) -> list[str]:
    return [m.name for m in context(sentence, author).of("Policy")]


def test_a_title_listing_its_topics_with_dun_is_one_title_and_issued():
    # 国务院政府工作报告_2025年 (shortened)
    sentence = "制定提升消费能力、增加优质供给、改善消费环境专项措施，释放多样化、差异化消费潜力。"
    assert _policies(sentence, STATE_COUNCIL) == ["提升消费能力、增加优质供给、改善消费环境专项措施"]
    assert _issued(sentence, STATE_COUNCIL) == {("国务院", "提升消费能力、增加优质供给、改善消费环境专项措施")}
    # 2023年…罗湖区…政府工作报告 (shortened): the title, not its last topic
    assert _policies("编制大望、梧桐山片区交通优化方案规划，加快立交建设。", LUOHU) == ["大望、梧桐山片区交通优化方案规划"]


def test_a_list_of_documents_or_of_kinds_is_no_title_with_topics():
    # 深圳市宝安区…政府工作报告_2021 (shortened): 等 makes a class of plans
    assert not any("、" in n for n in _policies("编制教育、医疗、住房、交通等专项规划。", BAOAN))
    # 2024年龙华区二届人大四次会议政府工作报告 (shortened): degrees describe the measures; the older rules' reading
    # of the last item is left as it was
    assert _policies("制定实施覆盖面更广的稳增长政策、针对性更强的稳外资措施，投入各类专项产业扶持资金。", LONGHUA) \
        == ["针对性更强的稳外资措施"]
    # written for the test: two documents, each with its own document word, stay two
    assert _policies("制定人才住房管理办法、创新型产业用房管理办法。", BAOAN) == ["人才住房管理办法", "创新型产业用房管理办法"]


def test_deng_inside_a_word_lists_nothing():
    # 深圳市政府工作报告_2023年 (shortened), 广东省政府工作报告_2022年 (shortened)
    assert _policies("出台高等教育学科建设指导意见，促进全市高校学分互认。", SHENZHEN) == ["高等教育学科建设指导意见"]
    assert _policies("实施扩大中等收入群体行动计划。", GUANGDONG) == ["扩大中等收入群体行动计划"]
    # 等 as a word still makes a class (written for the test)
    assert _policies("出台稳外贸等指导意见。", SHENZHEN) == []


def test_the_body_written_before_a_cited_title_issued_it():
    # 福田区政府工作报告（2020） (shortened): 落实 carries it out, 国务院 issued it
    s = context("坚持依法行政，落实国务院《重大行政决策程序暂行条例》，履行决策法定程序。", FUTIAN)
    assert triples(cited_issuers, s) == {("国务院", "ISSUED", "重大行政决策程序暂行条例")}
    # 004_gzbg-szft-2019 (shortened): two bodies joined without a mark issue it together
    s = context("根据区委区政府《关于实施“福田英才荟”计划的若干措施》的人才认定标准认定人才。", FUTIAN)
    assert {a for a, _, _ in triples(cited_issuers, s)} == {"中共福田区委员会", "福田区人民政府"}
    # 盐田区2010年政府工作报告 (shortened): joined by 、
    s = context("认真贯彻落实市委、市政府《关于进一步加强和改进我市新时期信访工作的意见》。", "深圳市盐田区人民政府")
    assert {a for a, _, _ in triples(cited_issuers, s)} == {"中共深圳市委员会", "深圳市人民政府"}


def test_a_body_a_word_away_from_the_title_cites_nothing():
    # written for the test: 国务院 is the subject of another verb; the title stands after 印发的
    s = context("落实国务院印发的《优化营商环境条例》。", FUTIAN)
    assert [m.name for m in s.of("Policy")] == ["优化营商环境条例"] and triples(cited_issuers, s) == set()


def test_a_plan_whose_drafting_is_done_is_issued_by_the_author():
    # 光明区2019年工作报告 (shortened): the drafting comes after the title, 完成 after it
    issued = _issued("光明科学城空间规划纲要编制完成，启动区土地整备如火如荼。", "深圳市光明区人民政府")
    assert [b for _, b in issued] == ["光明科学城空间规划纲要"]
    # 盐田区2020年政府工作报告 (shortened)
    issued = _issued("沙头角深港国际旅游消费合作区发展规划编制初步完成。", "深圳市盐田区人民政府")
    assert [b for _, b in issued] == ["沙头角深港国际旅游消费合作区发展规划"]


def test_joining_another_bodys_plan_revision_issues_nothing():
    # 2018年政府工作报告（在深圳市罗湖区…） (shortened): the city's plan, revised by the city
    s = context("主动对接全市城市总体规划修编，实行规划联动。", LUOHU)
    assert s.of("Policy") and {t for _, t, _ in triples(policy_verbs, s)} == set()


def test_bodies_joined_before_the_drafting_verb_issue_together():
    # 广东省政府工作报告_2023年 (shortened): 省委、省政府 both issue it
    s = context("省委、省政府出台《关于推动产业有序转移促进区域协调发展的若干措施》，引导珠三角产业有序转移。", GUANGDONG)
    assert {a for a, t, _ in triples(policy_verbs, s) if t == "ISSUED"} == {"中共广东省委员会", "广东省人民政府"}


def test_jinyibu_opens_a_title_and_bing_ends_one():
    # 深圳市政府工作报告_2024年 (shortened)
    assert _issued("出台进一步支持港澳青年就业创业政策措施，新孵化港澳创业项目243个。", SHENZHEN) == {
        ("深圳市人民政府", "进一步支持港澳青年就业创业政策措施")}
    # 2019年政府工作报告（在深圳市罗湖区…） (shortened): 并 closes the title like a comma
    assert _issued("全面修订产业转型升级资金管理办法并安排专项资金6.52亿元。", LUOHU) == {
        ("罗湖区人民政府", "产业转型升级资金管理办法")}


def test_a_document_number_stands_between_the_drafting_verb_and_the_title():
    # 龙岗区2016年政府工作报告 (shortened): the body numbering it issues it
    s = context("出台区政府“1号文”《创新驱动发展行动计划（2015-2020年）》，构建多层次创新政策体系。", LONGGANG)
    assert ("龙岗区人民政府", "ISSUED") in {(a, t) for a, t, _ in triples(policy_verbs, s)}
    assert "出台" in peeled_before("出台区政府“1号文”", "《创新驱动发展行动计划》", bracketed=True)
