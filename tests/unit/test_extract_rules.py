"""Extraction rules on short passages written the way reports write them."""
from ingest.batch import GraphBatch, Passage, ReportInfo, node_id
from ingest.extract import extract_entities


def run(text: str, author: str, year: int = 2021, role: str = "achievement"):
    info = ReportInfo("r1", "t", "f.txt", "x", year, author)
    passages = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        passages.append(Passage(f"r1#p{i}", "r1", i, line, pos, pos + len(line), "", role, year))
        pos += len(line) + 1
    res = extract_entities(text, passages, info)
    GraphBatch(info, passages, res.nodes, res.edges, text).validate()
    by_id = {n.id: n for n in res.nodes}
    edges = {(by_id[e.source].name, e.type, by_id[e.target].name): e for e in res.edges}
    return {(n.label, n.name): n for n in res.nodes}, edges, res


def test_child_friendly_city_is_a_programme_not_a_sister_city():
    names, edges, _ = run("加快建设生育友好型社会、儿童友好城市，启动实施新一轮儿童友好城市建设行动。", "深圳市人民政府")
    assert not any(k[1] == "PARTNER_OF" for k in edges)
    assert not any(label == "Place" and "友好" in n for label, n in names)


def test_new_sister_cities_partner_with_the_report_city():
    names, edges, _ = run("新增旧金山、维也纳等5个国际友城，国际友城总数达95个。", "深圳市人民政府")
    assert ("深圳市", "PARTNER_OF", "旧金山") in edges or ("旧金山", "PARTNER_OF", "深圳市") in edges
    assert ("深圳市", "PARTNER_OF", "维也纳") in edges or ("维也纳", "PARTNER_OF", "深圳市") in edges
    assert names[("Place", "维也纳")].name_en == "Vienna"
    assert ("Place", "友城") not in names


def test_sister_city_since_a_stated_year():
    _, edges, _ = run("2015年与加拿大奥克维尔市正式缔结友好城区。", "深圳市龙岗区人民政府", 2018)
    e = [v for k, v in edges.items() if k[1] == "PARTNER_OF"]
    assert e and e[0].props.get("since") == 2015
    assert ("奥克维尔", "LOCATED_IN", "加拿大") in edges


def test_journals_and_exhibitions_in_brackets_are_not_policies():
    names, _, _ = run("在《科学》《自然》发表论文，举办《连系·香港》主题展览，印发《深圳市光明区重大行政决策程序规定》。",
                      "深圳市光明区人民政府")
    policies = {n for label, n in names if label == "Policy"}
    assert policies == {"深圳市光明区重大行政决策程序规定"}


def test_same_title_with_and_without_prefix_or_years_is_one_policy():
    names, _, _ = run("认真落实《法治政府建设实施纲要（2021－2025年）》。\n对照《法治政府建设实施纲要》要求。", "东城区人民政府")
    policies = [n for (label, _), n in names.items() if label == "Policy"]
    assert len(policies) == 1
    assert "法治政府建设实施纲要" in policies[0].aliases


def test_same_abbreviation_in_two_districts_stays_two_agencies():
    a, _, _ = run("会同区司法局开展普法宣传工作。", "深圳市龙华区人民政府")
    b, _, _ = run("会同区司法局开展普法宣传工作。", "深圳市光明区人民政府")
    assert ("Agency", "龙华区司法局") in a and ("Agency", "光明区司法局") in b
    assert node_id("Agency", "龙华区司法局") != node_id("Agency", "光明区司法局")


def test_named_body_is_the_actor_and_partner():
    names, edges, res = run("会同区文旅局组织开展文化惠民工作。", "东城区人民政府外事办公室")
    assert res.author_id == node_id("Agency", "东城区人民政府外事办公室")
    assert ("Agency", "东城区文化和旅游局") in names
    assert any(k[1] == "COOPERATED_WITH" and "东城区文化和旅游局" in (k[0], k[2]) for k in edges)
    carried = [k[2] for k in edges if k[0] == "东城区人民政府外事办公室" and k[1] == "CARRIED_OUT"]
    assert carried and carried[0].startswith("文化惠民")


def test_plan_passages_make_planned_measures():
    names, _, _ = run("一是组织开展公共场所外语标识核查纠错工作。", "东城区人民政府外事办公室", 2022, "plan")
    m = [n for (label, _), n in names.items() if label == "Measure"]
    assert m and all(n.props["status"] == "planned" and n.props["year"] == 2022 for n in m)


def test_wangfujing_and_party_discipline_are_no_bodies_or_people():
    names, _, _ = run("推进“故宫—王府井—隆福寺”文化金三角建设，确保全面从严治党主体责任，加强公共场所管理。",
                      "东城区人民政府外事办公室")
    # the author is the only body: nothing in the text itself reads as one
    assert [n for label, n in names if label in ("Agency", "Person")] == ["东城区人民政府外事办公室"]
