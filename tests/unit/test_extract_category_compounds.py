"""A jieba word made of category words names a kind, as its parts do (ingest/extract/category_compounds.py).
Sentences of corpus reports outside the test windows (2024年光明区 is dev window w70's report, 广东省 2017
w57's; the others are in no window's scope)."""
from govgraph.ingest.extract.category_compounds import is_category_compound
from govgraph.ingest.extract.traps import is_category
from tests.unit.test_extract_relation_rules import context


def _orgs(sentence: str, author: str) -> set[str]:
    return {m.name for m in context(sentence, author).mentions if m.label == "Organization"}


def test_compounds_of_category_words():
    assert is_category_compound("技术创新")     # 技术|创新
    assert is_category_compound("科技产业")     # 科技|产业
    assert not is_category_compound("校企")     # too short to be two words of the lists
    assert not is_category_compound("华为技术")  # 华为 is on no list
    assert not is_category_compound("电子科技", "大学")  # a school is named by its field
    assert is_category("技术创新", "中心") and is_category("科技产业创新", "中心")
    assert not is_category("电子科技", "大学")


def test_kinds_written_with_compounds_are_no_organisations():
    # 2024年光明区政府工作报告_2024.txt (w70's report)
    assert "技术创新联盟" not in _orgs("支持中小企业通过委托开发、组建技术创新联盟等方式，攻克细分领域前沿核心技术。",
                                  "深圳市光明区人民政府")
    # 广东省政府工作报告_2017年.txt (w57's report)
    assert "国家科技产业创新中心" not in _orgs(
        "我们坚持把创新驱动发展作为转型升级的核心战略和总抓手，围绕建设国家科技产业创新中心，扎实推进珠三角国家自主创新示范区和全面创新改革试验试点省建设。",
        "广东省人民政府")
    # 026_gzbg-hunan-2026.txt
    assert "国家技术创新中心" not in _orgs(
        "持续推进“4+4科创工程”，加快培育国家技术创新中心、产业技术工程化中心、制造业创新中心，培育文化科技领域国家级创新平台。",
        "湖南省人民政府")
    # 2022年坪山区政府工作报告_2022.txt, 2022年南山区政府工作报告_2022.txt
    assert "科技产业基金" not in _orgs("新增科技产业基金2支，资金总规模达6亿元，带动27个项目落地。", "深圳市坪山区人民政府")
    assert "学前教育集团" not in _orgs("推进学前教育学区化治理、学前教育集团内涵发展，创建全国学前教育普及普惠区。",
                                  "深圳市南山区人民政府")


def test_a_university_named_by_compound_fields_stays():
    # 009_gzbg-szlhua-2025.txt: the rule's first version dropped it (27 mentions over the corpus)
    orgs = _orgs("深圳中学龙华校区建成开学，电子科技大学（深圳）高等研究院永久场地开工建设，3所学校获评省级劳动教育示范校。",
                 "深圳市龙华区人民政府")
    assert {"电子科技大学（深圳）高等研究院", "电子科技大学（深圳）"} <= orgs, orgs
