"""Organisations on unseen writing, session 9 (issue 13): kinds of bodies, units after their parent, brand-and-trade
companies (ingest/extract/org_modifiers.py, unit_names.py, brand_firms.py). Sentences from corpus-extra reports."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.brand_firms import find_brand_firms
from govgraph.ingest.extract.organizations import find_organizations
from govgraph.ingest.extract.rules.structure import nested_units
from govgraph.ingest.extract.unit_names import unit_length

from tests.unit.test_extract_relation_rules import context, triples


def orgs(text: str) -> list[str]:
    return [m.surface for m in find_organizations(text, 0, None)]


def names(text: str, label: str = "Organization", author: str = "深圳市龙岗区人民政府") -> list[str]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2021, author), text)
    return [m.surface for m in find_mentions(text, 0, ctx) if m.label == label]


def test_a_kind_of_body_written_with_common_words_is_no_organisation():
    assert orgs("发挥好行业协会商会行业自律作用。") == []            # 好|行业协会: the clause's adverb, then a kind
    assert orgs("做实做精模具、智能制造等现有行业协会。") == []
    assert orgs("在全国开展消费金融公司试点。") == []
    assert orgs("发展若干具有国际竞争力的大企业集团。") == []
    assert orgs("推进高水平大学、高水平理工科大学和重点学科建设。") == []   # the trap


def test_a_body_whose_modifier_says_which_stays_an_organisation():
    assert orgs("光明区科学技术协会成立。") == ["光明区科学技术协会"]     # a place
    assert "中集集团" in orgs("中集集团、迈瑞公司落户。")              # jieba holds 中集 as a name
    assert orgs("与中国击剑协会达成战略合作。") == ["中国击剑协会"]
    assert orgs("推动中兵智能创新研究院落地。") == ["中兵智能创新研究院"]
    assert "招商银行" in orgs("推动招商银行设立分行。")
    assert orgs("支持平安银行发展。") == ["平安银行"]                    # one word before the suffix: a name
    assert "中国科学院" in orgs("市十大基础研究机构之一中国科学院深圳先进电子材料国际创新研究院落户")
    assert "暨南大学" in orgs("推动暨南大学、华南理工大学合作。")            # 暨 ends a name, but not 暨南
    assert orgs("联合中山大学·深圳、深圳理工大学开展。") == ["中山大学·深圳", "深圳理工大学"]


def test_a_unit_after_its_parent_is_kept_whole_with_part_of():
    assert unit_length("数字医疗信息化中心。") == 9
    assert unit_length("建设研发中心") == 0          # the clause goes on after the parent
    assert unit_length("总部及研发基地") == 0
    text = "落地建设东软集团数字医疗信息化中心。"
    assert "东软集团数字医疗信息化中心" in names(text)
    s = context("推动北京航空航天大学先进信息技术产业基地建设。", "深圳市龙岗区人民政府")
    assert ("北京航空航天大学先进信息技术产业基地", "PART_OF", "北京航空航天大学") in triples(nested_units, s)


def test_a_company_by_brand_and_trade():
    found = lambda t: [m.surface for m in find_brand_firms(t, 0, None, [])]
    assert found("加快建设华润微电子12英寸线。") == ["华润微电子"]
    assert found("支持康泰生物等重点企业增资扩产。") == ["康泰生物"]
    assert found("加快后海、华为科技城等重点片区开发。") == []        # 科技城: a place, not the firm
    assert found("深化科技成果产业化。") == []                         # jieba tags 深化 as a name
    assert found("对钠离子电池、全固态电池等技术攻关。") == []
    assert "大族激光智能制造基地" in names("加快建设象山激光产业园、大族激光智能制造基地。", author="深圳市宝安区人民政府")
