"""Extraction rules on short passages written the way reports write them."""
from govgraph.ingest.batch import GraphBatch, Passage, ReportInfo, node_id
from govgraph.ingest.extract import extract_entities


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
    # 龙华区 is also Haikou's: Shenzhen's is named with its city, as 深圳市南山区 is
    assert ("Agency", "深圳市龙华区司法局") in a and ("Agency", "光明区司法局") in b
    assert node_id("Agency", "深圳市龙华区司法局") != node_id("Agency", "光明区司法局")


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


def run_genre(text: str, author: str, genre: str, year: int = 2023, role: str = "achievement"):
    info = ReportInfo("r1", "t", "f.txt", "x", year, author, genre=genre)
    passages = []
    pos = 0
    for i, line in enumerate(text.split("\n")):
        passages.append(Passage(f"r1#p{i}", "r1", i, line, pos, pos + len(line), f"s{i}", role, year))
        pos += len(line) + 1
    res = extract_entities(text, passages, info)
    GraphBatch(info, passages, res.nodes, res.edges, text).validate()
    by_id = {n.id: n for n in res.nodes}
    edges = {(by_id[e.source].name, e.type, by_id[e.target].name): e for e in res.edges}
    return {(n.label, n.name): n for n in res.nodes}, edges


def test_body_then_name_then_post_is_a_person_heading_that_body():
    names, edges, _ = run("科技部王志刚部长表示，论坛已具有国际影响力。", "深圳市南山区人民政府")
    assert ("Person", "王志刚") in names
    assert ("王志刚", "HEADS", "科学技术部") in edges


def test_post_then_name_after_a_government():
    names, edges, _ = run("深圳市宝安区人民政府区长王立德在区人民代表大会上作政府工作报告。", "深圳市宝安区人民政府")
    assert ("Person", "王立德") in names
    heads = [k[2] for k in edges if k[:2] == ("王立德", "HEADS")]
    assert heads and heads[0].endswith("宝安区人民政府")


def test_a_post_after_a_name_does_not_start_another_name():
    names, edges, _ = run("经验做法在全市推广，并受到李克强总理关注。", "深圳市罗湖区人民政府")
    persons = {n for label, n in names if label == "Person"}
    assert persons == {"李克强"}
    assert ("李克强", "HEADS", "国务院") in edges


def test_deputies_do_not_head_their_body():
    _, edges, _ = run("北京市副市长 张三出席活动。", "北京市人民政府")
    assert not any(k[1] == "HEADS" for k in edges)


def test_work_report_topic_clauses_are_measures_that_implement_the_policies_they_carry_out():
    names, edges = run_genre("扎实推进重大合作平台建设，推动出台横琴粤澳深度合作区发展促进条例，"
                             "实施“横琴金融30条”、“前海金融30条”，将266项省级行政职权调整由几大平台实施。",
                             "广东省人民政府", "gzbg")
    measures = {n for label, n in names if label == "Measure"}
    assert "重大合作平台建设" in measures
    assert not any("金融" in m for m in measures)  # implementing documents is no measure of its own
    assert ("重大合作平台建设", "IMPLEMENTS", "“横琴金融30条”") in edges
    assert ("重大合作平台建设", "IMPLEMENTS", "“前海金融30条”") in edges
    # pushing a regulation through the people's congress is not issuing it
    assert ("Policy", "横琴粤澳深度合作区发展促进条例") in names
    assert not any(k[1] == "ISSUED" for k in edges)


def test_topic_clauses_are_no_measures_outside_work_reports():
    names, _ = run_genre("强化政治学习和思想理论武装，推动自主学习与集中学习等多元学习相结合。",
                         "东城区人民政府外事办公室", "fzzf")
    assert not [n for label, n in names if label == "Measure"]


def test_lines_named_with_their_progress_and_listed_programmes():
    names, edges = run_genre("农业强省建设取得新进展，新创建国家优势特色产业集群2个。\n"
                             "“港车北上”、“澳车北上”、人才签注等落地实施。\n"
                             "推进33个县域商业示范县建设，新增全国休闲农业重点县2个。",
                             "广东省人民政府", "gzbg")
    measures = {n for label, n in names if label == "Measure"}
    assert {"农业强省建设", "港车北上", "澳车北上", "县域商业示范县建设"} <= measures
    assert ("Place", "范县") not in names  # 示范县 is a word, not the county
    assert ("广东省人民政府", "CARRIED_OUT", "农业强省建设") in edges


def test_documents_listed_before_their_verb_and_issuers_named_before_it():
    names, edges = run_genre("横琴放宽市场准入特别措施、鼓励类产业目录等顺利落地。\n"
                             "国务院出台《河套深港科技创新合作区深圳园区发展规划》。\n"
                             "国家出台支持南沙放宽市场准入与加强监管体制改革意见。",
                             "广东省人民政府", "gzbg")
    policies = {n for label, n in names if label == "Policy"}
    assert {"横琴放宽市场准入特别措施", "鼓励类产业目录", "河套深港科技创新合作区深圳园区发展规划"} <= policies
    assert ("国务院", "ISSUED", "河套深港科技创新合作区深圳园区发展规划") in edges
    assert not any(k[0] == "广东省人民政府" and k[1] == "ISSUED" for k in edges)


def test_a_count_of_sister_cities_names_no_partner():
    _, edges = run_genre("国际友城和外国驻穗总领馆分别增至208对和68家，广东对外交往“朋友圈”越来越大。",
                         "广东省人民政府", "gzbg")
    assert not any(k[1] == "PARTNER_OF" for k in edges)


def test_pressing_harder_on_a_task_and_doing_a_task_well_are_measures():
    names, edges, _ = run("加大对重点公共场所外语标识执法检查和督促整改力度。严格做好涉外疫情防控工作。",
                          "东城区人民政府外事办公室", 2022, "plan")
    measures = {n for label, n in names if label == "Measure"}
    assert "重点公共场所外语标识执法检查和督促整改" in measures
    assert "涉外疫情防控" in measures


def test_a_paragraph_under_the_same_item_stays_part_of_its_line():
    text = "（三）推进深层次改革和高水平开放，发展活力持续激发。零基预算改革纵深推进。\n深入推进长三角一体化发展，推出35个重点平台。"
    info = ReportInfo("r1", "t", "f.txt", "x", 2025, "安徽省人民政府", genre="gzbg")
    first, second = text.split("\n")
    sec = "一、回顾 > （三）推进深层次改革和高水平开放"
    passages = [Passage("r1#p0", "r1", 0, first, 0, len(first), sec, "achievement", 2025),
                Passage("r1#p1", "r1", 1, second, len(first) + 1, len(text), sec, "achievement", 2025)]
    res = extract_entities(text, passages, info)
    by_id = {n.id: n for n in res.nodes}
    edges = {(by_id[e.source].name, e.type, by_id[e.target].name) for e in res.edges}
    line = next(n.name for n in res.nodes if n.label == "Measure" and n.name.startswith("深层次改革"))
    assert ("长三角一体化发展", "PART_OF", line) in edges
    assert ("零基预算改革", "PART_OF", line) in edges


def test_an_event_verb_is_no_part_of_the_event_name():
    names, _, _ = run("构建行业风向标产业展会矩阵，办好高交会、国际数字能源展。", "深圳市人民政府")
    assert ("Event", "高交会") in names
    assert not any(label == "Event" and n.startswith("办好") for label, n in names)


def test_orchestras_and_troupes_are_organizations():
    names, _, _ = run("莲花山草地音乐节邀请德国柏林爱乐乐团参演，中央民族乐团带来专场演出。", "深圳市福田区人民政府")
    assert ("Organization", "德国柏林爱乐乐团") in names and ("Organization", "中央民族乐团") in names
