"""An organisation named after two fields joined by 与 (ingest/extract/joined_fields.py). Sentences from
corpus reports outside the gold windows (file named per sentence)."""
from tests.unit.test_extract_relation_rules import context

SHENZHEN = "深圳市人民政府"


def _orgs(sentence: str, author: str = SHENZHEN) -> set[str]:
    return {m.name for m in context(sentence, author).mentions if m.label == "Organization"}


def test_two_fields_joined_by_yu_make_one_name():
    # 深圳市政府工作报告_2020年.txt, 龙岗区2020年政府工作报告_2020.txt
    assert "人工智能与数字经济省实验室" in _orgs("新组建人工智能与数字经济省实验室，推动重大科技基础设施建设。")
    assert "深圳市人工智能与机器人研究院" in _orgs("组建深圳市人工智能与机器人研究院。")


def test_yu_after_a_verb_a_place_or_a_body_joins_a_partner():
    # clauses of 盐田区2015年政府工作报告_2015.txt, 004_gzbg-szft-2019.txt and a made-up 推进与
    orgs = _orgs("深化区人民医院与中南大学合作，推进与香港大学合作，福田区与北京外国语大学签约。")
    assert {"中南大学", "香港大学", "北京外国语大学"} <= orgs
    assert not any("与" in o for o in orgs), orgs


def test_partners_after_actors_and_verbs_ending_in_yu_stay_whole():
    # clauses from the corpus' district reports: an actor or 参与 before 与, a university or group after it
    orgs = _orgs("推动企业与国防科技大学合作，出资参与南航集团，项目试点与万科集团合作，团队与市二医院合作。",
                 "深圳市福田区人民政府")
    assert {"国防科技大学", "南航集团", "万科集团"} <= orgs
    assert not any("与" in o for o in orgs), orgs
