"""Policy title boundaries, events by shape, and the relations drawn from them (issue 13).

Sentences come from corpus reports that are not gold windows (file named per test) or are written for
the test in the reports' style (said so); none is taken from tests/gold/windows.
"""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions
from govgraph.ingest.extract.prefix_variants import merge_prefixed_variants
from govgraph.ingest.extract.rules.events import event_roles
from govgraph.ingest.extract.rules.places import located_in
from tests.unit.test_extract_relation_rules import context, triples

LONGHUA = "深圳市龙华区人民政府"


def _mentions(sentence: str, author: str | None):
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2022, author), sentence)
    return ctx, find_mentions(sentence, 0, ctx)


def _names(sentence: str, label: str, author: str | None = "深圳市人民政府") -> list[str]:
    return [m.name for m in _mentions(sentence, author)[1] if m.label == label]


def test_a_title_starts_after_the_clauses_conjunction_and_verbs():
    # written for the test; 国务院政府工作报告_2019年 (制定并有序实施…)
    assert _names("制定并公布重大行政决策事项目录。", "Policy") == ["重大行政决策事项目录"]
    assert _names("制定并有序实施三大攻坚战三年行动方案。", "Policy") == ["三大攻坚战三年行动方案"]
    assert _names("在全市率先出台全国首个城市生态系统核算技术规范。", "Policy") == ["城市生态系统核算技术规范"]


def test_an_implemented_description_of_measures_is_no_title():
    # 广东省政府工作报告_2022年, 2022年光明区政府工作报告, 国务院政府工作报告_2019年
    sentence = ("严格落实“内防反弹”各项措施，落实好“白名单+电子哨兵+场所码”等防控措施，"
                "落实常态化疫情防控措施，落实对特殊贫困人口的保障措施，坚决执行区人大及其常委会决议决定。")
    assert _names(sentence, "Policy") == []
    # …while a count or a law's name titles what is carried out
    assert _names("落实好新修订的个人所得税法，落实“稳外贸十二条”。", "Policy") == ["个人所得税法", "“稳外贸十二条”"]


def test_a_name_of_kind_words_only_or_a_method_is_no_title():
    # 2023年龙华区政府工作报告 (专项工作方案), 国务院政府工作报告_2019年 (发展规划纲要), 广东省 2022 (工作方法)
    assert _names("制定专项工作方案，编制实施发展规划纲要，坚持“大学习、深调研、真落实”工作方法。", "Policy") == []
    assert _names("出台全域旅游发展规划。", "Policy") == ["全域旅游发展规划"]


def test_quoted_numbered_plans_and_abbreviated_treaties_are_titles_by_shape():
    # written for the test in the style of 法治政府 reports and the State Council's reports
    assert _names("将法治教育纳入区“八五”普法规划。", "Policy") == ["区八五普法规划"]
    assert _names("大力实施高质量发展“十大计划”。", "Policy") == ["十大计划"]
    ctx, ms = _mentions("积极推动加入全面与进步跨太平洋伙伴关系协定（CPTPP）等高标准经贸协议。", "国务院")
    [treaty] = [m for m in ms if m.label == "Policy"]
    assert treaty.name == "全面与进步跨太平洋伙伴关系协定" and "CPTPP" in treaty.aliases


def test_a_document_with_and_without_its_place_prefix_takes_one_name():
    # written for the test: three spellings of one district document in 龙华区's report
    ctx, ms = _mentions("出台深圳市龙华区土地整备利益统筹实施办法，落实龙华区土地整备利益统筹实施办法。", LONGHUA)
    _, ms2 = _mentions("修订区土地整备利益统筹实施办法。", LONGHUA)
    merge_prefixed_variants(ms + ms2, ctx, ("Organization", "Policy"))
    names = {m.name for m in ms + ms2 if m.label == "Policy"}
    assert names == {"深圳市龙华区土地整备利益统筹实施办法"}


def test_an_event_name_starts_after_the_clauses_last_verb():
    # written for the test (a district showing at a fair); 深圳市政府工作报告_2024年 style (办好…大会)
    s = context("坪山展区首次亮相文博会，获评优秀展区。", "深圳市坪山区人民政府")
    assert [m.name for m in s.of("Event")] == ["文博会"]
    assert triples(event_roles, s) == {(s.author.name, "PARTICIPATED_IN", "文博会")}
    assert _names("高质量办好全球招商大会、“20＋8”产业集群系列招商会等活动。", "Event") == [
        "全球招商大会", "“20＋8”产业集群系列招商会"]


def test_bilateral_meetings_listed_before_one_head_are_one_event_each():
    # written for the test in the style of foreign-affairs reviews
    ctx, ms = _mentions("圆满保障中美（美国）、中欧（欧盟）峰会在京举行。", "北京市人民政府外事办公室")
    events = {m.name: m for m in ms if m.label == "Event"}
    assert set(events) == {"中美峰会", "中欧峰会"}
    assert "中欧（欧盟）峰会" in events["中欧峰会"].aliases
    # topics before a head are no pairs: one forum, not two
    assert _names("举办技术、人才合作论坛。", "Event") == ["人才合作论坛"]


def test_serving_a_meeting_is_neither_holding_nor_joining_it():
    s = context("圆满保障中美（美国）、中欧（欧盟）峰会在京举行。", "北京市人民政府外事办公室")
    assert triples(event_roles, s) == set()


def test_an_anniversary_is_no_week_and_its_commemoration_is_an_event():
    # written for the test; 019_gzbg-beijing-2026 has the commemoration
    assert _names("举办建交“逢十”周年系列庆祝活动。", "Event") == []
    assert _names("圆满完成中国人民抗日战争暨世界反法西斯战争胜利80周年纪念活动服务保障。", "Event") == [
        "中国人民抗日战争暨世界反法西斯战争胜利80周年纪念活动"]


def test_events_listed_clause_by_clause_after_a_held_one_are_events():
    # written for the test in the style of foreign-affairs reviews
    names = _names("举办了青岛与德企产业链合作交流会，纪念中韩建交30周年音乐会，庆祝中日邦交正常化50周年青少年绘画展。",
                   "Event", "青岛市人民政府外事办公室")
    assert "纪念中韩建交30周年音乐会" in names and "庆祝中日邦交正常化50周年青少年绘画展" in names


def test_places_apart_in_a_sentence_are_located_by_the_gazetteer_but_not_the_reports_own():
    # written for the test: a Guangdong district's report naming a county and its province apart
    s = context("与五常市深入开展对口合作，支持黑龙江省粮食产业发展。", "深圳市龙华区人民政府")
    assert ("五常市", "LOCATED_IN", "黑龙江省") in triples(located_in, s)
    s = context("深圳市全力支持龙华区建设数字经济先行区。", "深圳市龙华区人民政府")
    assert not any(t == "LOCATED_IN" for _, t, _ in triples(located_in, s))


def test_a_count_equal_to_the_items_names_each_with_the_class_head():
    # written for the test (the issue's example shape: 金凤、嘉陵江、明月湖3个重庆实验室)
    names = _names("建设金凤、嘉陵江、明月湖3个重庆实验室。", "Organization", "重庆市人民政府")
    assert {"金凤实验室", "嘉陵江实验室", "明月湖实验室"} <= set(names)


def test_without_a_known_author_the_body_that_opened_the_text_issues_its_documents():
    # written for the test: a 法治政府 report whose title names no author
    from govgraph.ingest.batch import Passage
    from govgraph.ingest.extract import extract_entities
    text = "2022年，区政府坚持依法行政。研究制定《铜梁区促进商务服务业高质量发展若干措施》。"
    info = ReportInfo("r1", "重庆市铜梁区2022年法治政府建设工作报告", "f.txt", "x", 2022, None)
    res = extract_entities(text, [Passage("p1", "r1", 0, text, 0, len(text))], info)
    names = {n.id: n.name for n in res.nodes}
    issued = {(names[e.source], names[e.target]) for e in res.edges if e.type == "ISSUED"}
    # the document takes its full title's prefix (重庆市铜梁区…), the written one stays an alias
    assert issued == {("铜梁区人民政府", "重庆市铜梁区促进商务服务业高质量发展若干措施")}


def test_the_verb_before_a_long_list_of_events_governs_every_item():
    # 027_gzbg-fujian-2026.txt (the list runs past 30 characters after 成功举办)
    s = context("成功举办第三届全国博士后创新创业大赛、第二届全国职工数字化应用技术技能大赛、世界互联网大会数字丝路发展论坛、"
                "金鸡百花电影节等活动。", "福建省人民政府")
    organized = {t for _, r, t in triples(event_roles, s) if r == "ORGANIZED"}
    assert "金鸡百花电影节" in organized and len(organized) == len(s.of("Event"))


def test_a_body_that_takes_part_in_drafting_does_not_issue():
    # written for the test: the district contributes to a city document
    from govgraph.ingest.extract.rules.policies import policy_verbs
    s = context("参与制定《深圳市城市更新办法》，出台《深圳市龙华区城市更新实施办法》。", LONGHUA)
    issued = {t for _, r, t in triples(policy_verbs, s) if r == "ISSUED"}
    assert issued == {"深圳市龙华区城市更新实施办法"}
