"""Session 7 policy, event and relation rules (issue 13): agreements, 关于 titles, bracketed-only document
words, kind-listed events, titles' issuers, congresses no government holds.

Sentences are from corpus reports outside the window gold (file named per test) or written for the test
in the reports' style (said so); none is taken from tests/gold/windows.
"""
from govgraph.ingest.extract.about_titles import about_titles
from govgraph.ingest.extract.agreement_names import agreement_names
from govgraph.ingest.extract.bracketed_titles import bracketed_document
from govgraph.ingest.extract.prefix_variants import prefix_key
from govgraph.ingest.extract.rules.events import event_roles
from govgraph.ingest.extract.rules.policies import policy_verbs
from govgraph.ingest.extract.rules.title_issuers import title_issuers
from tests.unit.test_extract_relation_rules import context, triples
from tests.unit.test_extract_titles_and_events import _names


def test_agreements_are_named_by_their_noun_run_and_kinds_name_none():
    # 国务院政府工作报告_2015年, 2019年, 2014年, 018_gzbg-guowuyuan-2023
    names = lambda s: [n for _, _, n, _ in agreement_names(s)]
    assert names("推进中美、中欧投资协定谈判。") == ["中欧投资协定"]
    assert names("抓住区域全面经济伙伴关系协定实施机遇。") == ["区域全面经济伙伴关系协定"]
    assert names("推动服务贸易协定、政府采购协定、信息技术协定等谈判。") == ["服务贸易协定", "信息技术协定"]
    assert names("新签和升级6个自贸协定。与瑞士、冰岛签署自由贸易协定。继续商谈投资贸易协定。") == []


def test_about_titles_keep_their_issuer_and_end_at_the_document_word():
    # 2022年龙华区二届人大二次会议政府工作报告, 广东省政府工作报告_2023年, 2019年光明区工作报告
    titles = lambda s: [n for _, _, n, _ in about_titles(s)]
    assert titles("落实住房和城乡建设部关于在实施城市更新行动中防止大拆大建问题的通知要求，") == [
        "住房和城乡建设部关于在实施城市更新行动中防止大拆大建问题的通知"]
    assert titles("认真贯彻省委关于深入学习贯彻党的二十大精神的决定，") == ["省委关于深入学习贯彻党的二十大精神的决定"]
    assert titles("“关于加快城市消防站建设的建议”") == []      # a deputy's proposal


def test_bracketed_only_document_words_laws_and_target_years():
    assert bracketed_document("区政府工作规则", 2018)
    assert bracketed_document("深化粤港澳合作推进大湾区建设框架协议", 2018)
    assert bracketed_document("预算法", 2016)
    assert bracketed_document("中国制造2025", 2016)
    assert not bracketed_document("龙岗年鉴2017", 2018)   # a year already past: a yearbook
    assert not bracketed_document("咏春", 2018) and not bracketed_document("科学", 2018)


def test_events_listed_after_a_kind_are_kinds_but_series_inside_a_name_is_not():
    # 016_gzbg-shenzhen-2003; 国务院政府工作报告_2016年
    assert _names("认真策划组织好在我市举办的各种产品展销会和采购大会，组织企业参加大型专业展销会、贸易洽谈会。",
                  "Event") == []
    assert _names("出席二十国集团领导人峰会、东亚合作领导人系列会议、亚欧首脑会议。", "Event", "国务院") == [
        "二十国集团领导人峰会", "东亚合作领导人系列会议", "亚欧首脑会议"]
    # 2022年南山区政府工作报告 (2021年's plans), 盐田区2020年政府工作报告
    assert _names("举办岁末欢乐季等活动，一季度举办文艺精品演出季。", "Event") == ["岁末欢乐季", "文艺精品演出季"]


def test_the_body_heading_a_title_issues_it_whatever_the_verb():
    # 龙岗区2018年政府工作报告 (shortened)
    s = context("贯彻落实《深圳市人民政府关于优化空间资源配置促进产业转型升级的意见》。", "深圳市龙岗区人民政府")
    assert ("深圳市人民政府", "ISSUED", "深圳市人民政府关于优化空间资源配置促进产业转型升级的意见") in triples(title_issuers, s)
    # written for the test: a year before the issuer, the drafting verb's issuer is the title's
    s = context("制定《2022年度禹王台区人民政府领导干部学法计划》。", "中共禹王台区委员会")
    assert {r for r in triples(policy_verbs, s) if r[1] == "ISSUED"} == {
        ("禹王台区人民政府", "ISSUED", "2022年度禹王台区人民政府领导干部学法计划")}


def test_a_government_holds_no_party_congress():
    # 盐田区2017年政府工作报告
    s = context("以优异成绩迎接党的十九大和省第十二次党代会胜利召开。", "深圳市盐田区人民政府")
    assert [m.name for m in s.of("Event")] == ["省第十二次党代会"] and s.actor is not None
    assert triples(event_roles, s) == set()
    # a fair the report's government holds is still its own (written for the test)
    s = context("成功举办第十届海博会。", "深圳市盐田区人民政府")
    assert triples(event_roles, s) == {(s.actor.name, "ORGANIZED", "海博会")}


def test_the_partys_national_congress_is_not_cut_to_a_work_meeting():
    # 2023年政府工作报告（在深圳市罗湖区第八届人民代表大会第三次会议上）
    assert _names("举世瞩目的中国共产党第二十次全国代表大会胜利召开，召开全市科技创新大会。", "Event",
                  "深圳市罗湖区人民政府") == ["全市科技创新大会"]


def test_a_level_character_opening_a_common_word_is_no_prefix():
    prefixes = [("区", "龙华区"), ("市", "深圳市")]
    assert prefix_key("区域全面经济伙伴关系协定", prefixes) is None
    assert prefix_key("市场准入负面清单", prefixes) is None
    assert prefix_key("区人民医院新院区", prefixes) == ("龙华区", "人民医院新院区")
