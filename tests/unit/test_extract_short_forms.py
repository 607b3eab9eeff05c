"""Session 13 (x20abbr, issue 13): a body or document named in full and by a short form is one node
(short_forms.py). Sentences from corpus reports outside the test windows (file named per test) unless
marked made-up."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.mentions import Mention
from govgraph.ingest.extract.short_forms import (defined_short_forms, expand_abbreviation, known_abbreviations,
                                                 resolve_short_forms)
from tests.unit.test_extract_rules import run

BEIJING = "北京市人民政府"
NANSHAN = "深圳市南山区人民政府"
CITY = "深圳市人民政府"


def _mentions(text: str, author: str = CITY) -> list[Mention]:
    """One passage's mentions after the report-wide short-form step."""
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2021, author), text)
    ms = find_mentions(text, 0, ctx)
    resolve_short_forms(text, [(0, len(text), ms)])
    return ms


def _names(nodes, label):
    return {n for lab, n in nodes if lab == label}


def test_a_defined_short_title_is_the_document_for_the_rest_of_the_report():
    # 019_gzbg-beijing-2026.txt: the definition, then two later paragraphs that cite the short title
    text = ("市政府编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》），全文提交大会审查。\n"
            "在《纲要草案》编制过程中，注意把握以下几点。\n"
            "《纲要草案》具体部署了13项任务举措。")
    nodes, _, _ = run(text, BEIJING, 2026)
    full = "北京市国民经济和社会发展第十五个五年规划纲要（草案）"
    assert "纲要草案" not in _names(nodes, "Policy")
    policy = next(n for (lab, name), n in nodes.items() if lab == "Policy" and name.startswith("北京市国民经济"))
    assert "纲要草案" in policy.aliases and full in (policy.name, *policy.aliases)
    # every later paragraph is evidence of the one node, each with its own offsets
    assert {e.passage for e in policy.evidence} >= {"r1#p0", "r1#p1", "r1#p2"}
    for e in policy.evidence:
        assert text[e.start:e.end] == e.text


def test_a_quoted_short_name_of_a_zone_resolves_after_its_definition():
    # made-up after the reports' wording (深圳前海深港现代服务业合作区 is the zone's full name)
    text = "推动深圳前海深港现代服务业合作区（以下简称“前海合作区”）扩区，前海合作区实际使用外资增长10%。"
    nodes, _, _ = run(text, CITY)
    zone = nodes[("Place", "深圳前海深港现代服务业合作区")]
    assert "前海合作区" in zone.aliases
    assert not any(n == "前海合作区" for _, n in nodes)


def test_a_defined_common_word_counts_only_in_its_marks():
    # made-up after the reports' wording: 意见 is a common word; unmarked it names no document
    text = "印发《关于促进科技创新的若干意见》（以下简称《意见》），听取企业的意见，落实《意见》要求。"
    nodes, _, _ = run(text, CITY)
    policy = next(n for (lab, name), n in nodes.items() if lab == "Policy" and "科技创新" in name)
    spans = {text[e.start:e.end] for e in policy.evidence}
    assert "意见" in policy.aliases and spans
    found = [m for m in _mentions(text) if m.name == policy.name]
    assert all(text[m.start - 1] == "《" for m in found if m.surface == "意见")
    assert len([m for m in found if m.surface == "意见"]) == 2   # not 企业的|意见


def test_a_definition_names_nothing_when_no_entity_precedes_it():
    # 龙岗区2018年政府工作报告_2018.txt: 两癌 abbreviates two diseases, no entity
    text = "在全区实施宫颈癌及乳腺癌（简称“两癌”）防治项目。"
    assert defined_short_forms(text, []) == []
    # the full name must end right at the bracket (closing marks between allowed)
    m = Mention("Policy", 1, 10, "关于促进发展的意见", "关于促进发展的意见")
    forms = defined_short_forms("《关于促进发展的意见》（以下简称《意见》）", [m])
    assert [(f.short, f.name) for f in forms] == [("意见", "关于促进发展的意见")]


def test_well_known_university_abbreviations_in_a_list():
    # 2025年南山区政府工作报告_2025.txt
    text = "加强与清华、北大、深大、南科大等高校的沟通对接，完善“科学家领衔+创业者操盘”模式。"
    nodes, _, _ = run(text, NANSHAN, 2025)
    orgs = _names(nodes, "Organization")
    assert {"清华大学", "北京大学", "南方科技大学"} <= orgs
    assert not orgs & {"清华", "北大", "南科大"}
    assert "深圳大学" not in orgs   # 深大 is left out of the table: as often the 深大城际 line
    assert "南科大" in nodes[("Organization", "南方科技大学")].aliases


def test_an_abbreviation_inside_another_word_or_a_routes_name_is_no_body():
    # 028_gzbg-heilongjiang-2026.txt (offset 2788, before its test window): 北大荒 is a farm group;
    # 007_gzbg-szba-2022.txt: 深大城际 is the Shenzhen-Dayawan intercity line
    nodes, _, _ = run("北大荒集团改革取得新突破，农垦供电、社区、机关事业单位养老保险改革完成。", "黑龙江省人民政府", 2026)
    assert "北京大学" not in _names(nodes, "Organization")
    nodes, _, _ = run("穗莞深城际二期、深大城际开工建设，赣深高铁建成投运。", "深圳市宝安区人民政府", 2022)
    assert "深圳大学" not in _names(nodes, "Organization")


def test_an_abbreviation_before_a_gate_a_neighbourhood_or_an_affiliated_school_is_no_body():
    # 2023年龙华区二届人大三次会议政府工作报告_2023.txt; 2024年龙华区二届人大四次会议政府工作报告_2024.txt;
    # 深圳市宝安区…第六届人民代表大会第五次会议…_2020.txt
    for text, author in (("守一道关、护一座城，为深圳牢牢守好了北大门。", "深圳市龙华区人民政府"),
                         ("清华社区“三牛聚力”共治项目入选全国案例。", "深圳市龙华区人民政府"),
                         ("推进4所高中建设，南科大附中9月开学，新增学位942个。", "深圳市宝安区人民政府")):
        orgs = _names(run(text, author, 2023)[0], "Organization")
        assert not orgs & {"北京大学", "清华大学", "南方科技大学"}, text


def test_an_abbreviated_parent_takes_the_full_name():
    # 011_gzbg-szgm-2025.txt: short_parents reads 南科大 before the report's place; it is 南方科技大学
    text = "南科大光明高等研究院正式入驻，中兵智能创新研究院（深圳）注册成立。"
    _, edges, _ = run(text, "深圳市光明区人民政府", 2025)
    assert ("南科大光明高等研究院", "PART_OF", "南方科技大学") in edges
    # 2017年南山区政府工作报告_2017.txt: a unit read after its abbreviated parent in a list (org_lists)
    text = "打造清华国际技术转移中心、南科大南方协同创新中心等一批科技成果转化平台。"
    _, edges, _ = run(text, NANSHAN, 2017)
    assert not any(t == "南科大" for _, _, t in edges)
    assert expand_abbreviation("中科院") == ("中国科学院", {"中科院"})
    assert expand_abbreviation("深圳大学") == ("深圳大学", set())


def test_a_body_of_the_table_written_with_its_parent_abbreviated():
    # 深圳市宝安区…第五届人民代表大会第九次会议…_2016.txt
    text = "加快中国人民大学创新学院、中科院深圳先进技术研究院特色学院落地。"
    nodes, edges, _ = run(text, "深圳市宝安区人民政府", 2016)
    siat = nodes[("Organization", "中国科学院深圳先进技术研究院")]
    assert "中科院深圳先进技术研究院" in siat.aliases
    assert ("中国科学院深圳先进技术研究院", "PART_OF", "中国科学院") in edges


def test_the_table_is_general():
    # every row names a body in full: the full name is longer than its abbreviation and no row repeats
    table = known_abbreviations()
    assert len(table) >= 40
    for short, (full, label) in table.items():
        assert label in ("Organization", "Agency") and len(full) > len(short) and short != full
