"""Organisations by the company a list keeps, national centres, units after their parents, numbered
hospitals, seated national bodies; weak suffixes; LOCATED_IN and PARTICIPATED_IN precision (issue 13,
session 5). Sentences from corpus reports outside the gold windows (file named per test)."""
from govgraph.ingest.extract.rules.events import event_roles
from govgraph.ingest.extract.rules.places import located_in
from govgraph.ingest.extract.rules.structure import nested_units
from tests.unit.test_extract_relation_rules import context, triples

GUANGDONG = "广东省人民政府"
LONGGANG = "深圳市龙岗区人民政府"


def _orgs(sentence: str, author: str) -> set[str]:
    return {m.name for m in context(sentence, author).mentions if m.label == "Organization"}


def test_a_known_firm_in_a_list_of_projects_makes_its_siblings_firms():
    # 广东省政府工作报告_2021年.txt: 巴斯夫 is known, so 埃克森美孚 and 中海壳牌三期 are firms' projects
    orgs = _orgs("加快建设湛江巴斯夫、深圳华星光电11代线、揭阳中委广东石化等项目，积极推进惠州埃克森美孚、中海壳牌三期、"
                 "茂名烷烃资源综合利用等项目。", GUANGDONG)
    assert "巴斯夫" in orgs or "湛江巴斯夫" in orgs
    # a list without a known firm (…、茂名烷烃资源综合利用等项目) names no firm
    assert not any("烷烃" in o for o in orgs)


def test_a_list_of_trades_before_qiye_is_no_firm():
    # made-up contrast to the rule above: sectors, not names, before 等企业
    assert not _orgs("支持新能源、新材料等企业发展，培育危化品等企业转型。", LONGGANG) & {"新能源", "新材料"}


def test_a_national_centre_is_a_name_and_its_branch_a_unit_of_it():
    # 深圳市政府工作报告_2022年.txt
    s = context("香港大学深圳医院入选国家公立医院高质量发展试点医院，国家癌症中心南方分中心落户，"
                "中山大学附属七院二期等项目开工。", "深圳市人民政府")
    orgs = {m.name for m in s.mentions if m.label == "Organization"}
    assert {"国家癌症中心南方分中心", "国家癌症中心"} <= orgs
    assert ("国家癌症中心南方分中心", "PART_OF", "国家癌症中心") in triples(nested_units, s)


def test_kinds_and_levels_of_national_centre_are_no_names():
    # phrases of 龙岗区2022年政府工作报告 and the provincial reports: designations, not bodies
    orgs = _orgs("争创国家医学中心和区域医疗中心，积极创建国家级制造业创新中心，建设综合性国家科学中心。", GUANGDONG)
    assert not [o for o in orgs if o.startswith(("国家", "综合性"))], orgs
    assert "国家第三代半导体技术创新中心" in _orgs("加快国家第三代半导体技术创新中心建设。", LONGGANG)


def test_a_hospital_campus_after_its_hospital_is_part_of_it():
    # 盐田区2023年政府工作报告_2023.txt
    s = context("推动市中医院盐田院区项目落地实施。", "深圳市盐田区人民政府")
    orgs = {m.name: m for m in s.mentions if m.label == "Organization"}
    assert "市中医院盐田院区" in orgs and "市中医院" in orgs
    assert ("市中医院盐田院区", "PART_OF", "市中医院") in triples(nested_units, s)


def test_numbered_hospitals_by_their_owner():
    # 004_gzbg-szft-2019.txt: 中大八院 is 中山大学附属第八医院; 区二院 has no owner's name
    orgs = _orgs("完成中大八院、广中医深圳医院后期建设，加快推进区二院、慢病院、妇儿医院建设。", "深圳市福田区人民政府")
    assert "中大八院" in orgs
    assert "区二院" not in orgs


def test_a_seated_national_body_keeps_china_and_its_seat():
    # 2018年南山区政府工作报告_2018.txt
    assert "中国（深圳）知识产权保护中心" in _orgs(
        "建好南山知识产权保护中心，争取中国（深圳）知识产权保护中心等平台落户。", "深圳市南山区人民政府")


def test_a_body_seated_in_a_place_inside_the_opener_ends_in_its_head_or_jidi():
    # 龙岗区2015年政府工作报告_2015.txt: the bracket names a district of the opening city
    assert "深圳（龙岗）金融产业服务基地" in _orgs("星河雅宝“深圳（龙岗）金融产业服务基地”挂牌。", LONGGANG)
    # 020_gzbg-shanghai-2026.txt: a region around the city is no seat (the city's role, a place)
    assert not _orgs("落实上海（长三角）国际科技创新中心建设方案。", "上海市人民政府")


def test_weak_suffixes_need_a_name_before_them():
    # 国务院政府工作报告_2019年.txt
    orgs = _orgs("清理规范银行及中介服务收费。今年国有大型商业银行小微企业贷款要增长30%以上。", "国务院")
    assert not orgs, orgs
    # made up: banks by name keep their suffix
    assert {"平安银行", "华兴银行", "大成基金"} <= _orgs("推动平安银行、华兴银行和大成基金设立金融科技子公司。", "深圳市人民政府")


def test_a_parent_listed_with_its_peers_is_no_container():
    # made up in the shape of 广东省政府工作报告_2022年: 广州、深圳 are peers, the zone is not in 深圳 by this sentence
    s = context("推动广州、深圳深化战略合作，提升深汕特别合作区建设水平。", GUANGDONG)
    assert not [t for t in triples(located_in, s) if t[2] == "深圳市"]
    # a written chain still states it (广东省深圳市)
    s = context("广东省深圳市加快建设。", GUANGDONG)
    assert ("深圳市", "LOCATED_IN", "广东省") in triples(located_in, s)


def test_a_leader_attending_an_event_is_not_the_authors_participation():
    # 2021年政府工作报告（罗湖区第七届人大第八次会议）: 深入学习贯彻习近平总书记出席…庆祝大会…重要讲话精神
    s = context("深入学习贯彻习近平总书记出席深圳经济特区建立40周年庆祝大会并发表重要讲话精神。", "深圳市罗湖区人民政府")
    assert not [t for t in triples(event_roles, s) if t[1] == "PARTICIPATED_IN" and t[0] == s.author.name]


def test_a_document_the_state_level_drafts_is_not_the_actors():
    # made up in the shape of the State Council's reports: 国家层面 is the drafter; a drafting verb right
    # after the actor's clause still issues (制定《…》)
    from govgraph.ingest.extract.rules.policies import _verb_kind
    assert _verb_kind("国家层面重在制定") == "other"
    assert _verb_kind("，研究制定") == "issue"
