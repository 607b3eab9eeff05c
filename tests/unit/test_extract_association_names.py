"""An association named by its trade is one body; by scope or rank alone it is a kind
(ingest/extract/association_names.py). Sentences from 2018年南山区政府工作报告_2018.txt (dev window w60's report)
and a made-up sentence of generic uses."""
from govgraph.ingest.extract.association_names import names_one_association
from tests.unit.test_extract_relation_rules import context

NANSHAN = "深圳市南山区人民政府"


def _orgs(sentence: str) -> set[str]:
    return {m.name for m in context(sentence, NANSHAN).mentions if m.label == "Organization"}


def test_associations_named_by_their_trade():
    assert names_one_association("金融行业", "协会")
    assert names_one_association("上市企业", "协会")
    assert names_one_association("检验检测行业", "协会")
    orgs = _orgs("成立区上市企业协会、中小企业发展促进会，举办首届G20企业家峰会。")
    assert "中小企业发展促进会" in orgs and any(o.endswith("上市企业协会") for o in orgs), orgs


def test_associations_named_by_scope_or_a_clause_are_kinds():
    for modifier in ("发展行业", "优先发展行业", "重点行业", "产业行业", "好行业", "全面清理规范行业"):
        assert not names_one_association(modifier, "协会"), modifier
    assert not names_one_association("金融", "基金")   # not an association's head: org_modifiers decides
    assert not _orgs("全面清理规范行业协会收费，办好行业协会，发挥重点行业协会作用。")
