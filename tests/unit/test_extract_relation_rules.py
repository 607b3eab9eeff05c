"""Each relation rule alone, on sentences taken from the corpus reports (file named per test)."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import author_mention, build_context, find_mentions
from govgraph.ingest.extract.mentions import Mention
from govgraph.ingest.extract.rules import RULES, relate
from govgraph.ingest.extract.rules.cooperation import cooperation
from govgraph.ingest.extract.rules.events import event_roles, held_at
from govgraph.ingest.extract.rules.heads import heads
from govgraph.ingest.extract.rules.places import located_in
from govgraph.ingest.extract.rules.policies import policy_verbs
from govgraph.ingest.extract.foreign_ties import foreign_ties as sister_cities
from govgraph.ingest.extract.rules.structure import committee_offices, measures
from govgraph.ingest.extract.rules.visits import visits
from govgraph.ingest.extract.sentence import Sentence, SentenceContext

DONGCHENG_WAIBAN = "北京市东城区人民政府外事办公室"


def context(sentence: str, author: str, year: int = 2021, line=None) -> SentenceContext:
    info = ReportInfo("r1", "t", "f.txt", "x", year, author)
    ctx = build_context(info, sentence)
    ms = find_mentions(sentence, 0, ctx)
    home = ctx.home
    home_m = None
    if home is not None:
        home_m = Mention("Place", 0, 0, "", home.canonical, set(), {"kind": home.kind, "gazetteer": home.name})
    return SentenceContext(sentence, Sentence(0, len(sentence), ms), ctx, author_mention(ctx), home_m, year, line, line)


def triples(rule, s: SentenceContext) -> set[tuple[str, str, str]]:
    return {(r.source.name, r.type, r.target.name) for r in rule(s) if r is not None}


def test_cooperation_with_a_body_after_huitong():
    # 000_seed-dongcheng-waiban-fzzf-2021.txt
    s = context("会同区文旅局代表北京市拍摄视频节目参加2021年线上举办的首尔友谊节，首尔市政府对此给予高度评价。",
                DONGCHENG_WAIBAN)
    assert triples(cooperation, s) == {(s.author.name, "COOPERATED_WITH", "东城区文化和旅游局")}


def test_yu_without_a_joint_verb_is_no_cooperation():
    s = context("与日本东京都开展目黑区结好30周年儿童画互展。", DONGCHENG_WAIBAN)
    assert triples(cooperation, s) == set()


def test_someone_elses_event_is_organised_by_them_and_joined_by_the_actor():
    # 000_seed: 组织参与北京冬奥组委主办的…邀请展
    s = context("组织参与北京冬奥组委主办的“祝福冬奥·圆梦冰雪”迎冬奥倒计时100天国际青少年绘画邀请展，"
                "我区选送的164幅中外作品取得优异成绩。", DONGCHENG_WAIBAN)
    got = triples(event_roles, s)
    organised = [t for t in got if t[1] == "ORGANIZED"]
    assert organised and organised[0][0] == "北京冬奥组委"
    assert any(t[0] == s.author.name and t[1] == "PARTICIPATED_IN" for t in got)


def test_events_held_at_the_places_after_zai():
    # 000_seed: 在王府半岛酒店、北京国际饭店等重点酒店举办了七场行业外语能力培训
    s = context("9-10月在王府半岛酒店、北京国际饭店等重点酒店举办了七场行业外语能力培训，为北京冬奥会提供良好的国际语言环境支持。",
                DONGCHENG_WAIBAN)
    got = triples(held_at, s)
    assert {t[2] for t in got} == {"王府半岛酒店", "北京国际饭店"}
    assert all(t[1] == "HELD_AT" and "培训" in t[0] for t in got)


def test_committee_office_is_part_of_its_committee():
    # 000_seed
    s = context("加速构建“大外事”格局，发挥区委外事工作委员会办公室职能，召开2021年区委外事工作委员会会议。", DONGCHENG_WAIBAN)
    got = triples(committee_offices, s)
    assert len(got) == 1
    (office, t, committee), = got
    assert t == "PART_OF" and office.endswith("委员会办公室") and committee == office[:-3]


def test_the_actor_carries_out_the_measures_and_they_are_part_of_the_line():
    # 001_fzzf-szgm-2021.txt
    s0 = context("一是加强统筹协调。", "深圳市光明区人民政府")
    line = next(m for m in s0.mentions if m.props.get("line"))
    s = context("积极稳妥推进事业单位改革试点工作，改革后共减少事业单位45家，精简率47.9%。", "深圳市光明区人民政府", line=line)
    got = triples(measures, s)
    assert any(t[1] == "CARRIED_OUT" and t[0] == s.author.name for t in got)
    assert any(t[1] == "PART_OF" and t[2] == line.name for t in got)


def test_a_document_printed_here_is_issued_by_the_author():
    # 001_fzzf-szgm-2021.txt
    s = context("印发《深圳市光明区规范性文件管理规定》，将区直各部门、各街道规范性文件纳入统一管理。", "深圳市光明区人民政府")
    assert triples(policy_verbs, s) == {("光明区人民政府", "ISSUED", "深圳市光明区规范性文件管理规定")}


def test_a_document_carried_out_is_implemented_by_the_measure_not_issued():
    # 000_seed
    s = context("认真落实《法治政府建设实施纲要（2021－2025年）》工作要求，深入推进我办法治政府建设和依法行政工作开展。",
                DONGCHENG_WAIBAN)
    got = triples(policy_verbs, s)
    assert not any(t[1] == "ISSUED" for t in got)


def test_visited_companies_in_a_list():
    # 000_seed
    s = context("举办两场专题培训会，实地调研走访正大集团、毕马威会计师事务所、日立集团等23家区内重点涉外企业。", DONGCHENG_WAIBAN)
    got = triples(visits, s)
    assert {t[2] for t in got} == {"正大集团", "毕马威会计师事务所", "日立集团"}
    assert {t[0] for t in got} == {s.author.name}


def test_a_mayor_heads_the_government_of_the_place_before_the_post():
    s = context("北京市市长殷勇出席活动并致辞。", DONGCHENG_WAIBAN)
    assert ("殷勇", "HEADS", "北京市人民政府") in triples(heads, s)


def test_a_deputy_heads_nothing():
    s = context("副区长张三出席活动。", "深圳市光明区人民政府")
    assert triples(heads, s) == set()


def test_written_place_chain_is_located_in():
    # 001_fzzf-szgm-2021.txt writes 深圳市光明区 throughout
    s = context("深圳市光明区2021年法治政府建设年度报告。", "深圳市光明区人民政府")
    assert ("光明区", "LOCATED_IN", "深圳市") in triples(located_in, s)


def test_the_reports_own_province_apart_in_the_sentence_contains_nothing_it_states():
    # after 广东省政府工作报告_2022 (window w28): 广东 opens the sentence, 湛江 and 茂名 are places it works in
    # (广东自贸试验区 there is one Place, a named zone, so 广东 is written alone here)
    s = context("广东高标准建设自贸试验区，推动在湛江、茂名创建自贸试验区粤西片区。", "广东省人民政府")
    assert not {t for t in triples(located_in, s) if t[2] == "广东省"}
    # written as a chain, the same parent is stated
    s = context("广东省湛江市加快建设临港产业。", "广东省人民政府")
    assert ("湛江市", "LOCATED_IN", "广东省") in triples(located_in, s)
    # in another province's report the same sentence states where 湛江 lies
    s = context("支持广东在湛江、茂名创建自贸试验区片区。", "广西壮族自治区人民政府")
    assert ("湛江市", "LOCATED_IN", "广东省") in triples(located_in, s)


def test_sister_city_partner_of_home_with_since():
    s = context("2015年与加拿大奥克维尔市正式缔结友好城区。", "深圳市龙岗区人民政府", 2018)
    got = [r for r in sister_cities(s) if r is not None]
    assert [(r.source.name, r.target.name) for r in got] == [("龙岗区", "奥克维尔")]
    assert got[0].props == {"since": 2015, "kind": "友好城市"}


def test_child_friendly_city_is_no_sister_city():
    # 014_gzbg-shenzhen-2025.txt
    s = context("加快建设生育友好型社会、儿童友好城市，启动实施新一轮儿童友好城市建设行动。", "深圳市人民政府")
    assert triples(sister_cities, s) == set()


def test_relate_runs_every_rule_in_order():
    s = context("会同区文旅局代表北京市拍摄视频节目参加2021年线上举办的首尔友谊节。", DONGCHENG_WAIBAN)
    got = relate(s)
    types = [r.type for r in got]
    assert types.index("COOPERATED_WITH") < types.index("PARTICIPATED_IN")
    assert len(RULES) == len(set(RULES)) >= 10


def test_a_unit_named_after_its_parent_is_part_of_it():
    from govgraph.ingest.extract.rules.structure import nested_units
    s = context("支持南方科技大学半导体学院建设高水平研究型大学。", "深圳市龙华区人民政府")
    assert ("南方科技大学半导体学院", "PART_OF", "南方科技大学") in triples(nested_units, s)


def test_a_short_company_name_from_the_lexicon_is_no_unit():
    from govgraph.ingest.extract.rules.structure import nested_units
    s = context("推动中石油、中石化、中海油等业务落户。", "深圳市盐田区人民政府")
    assert triples(nested_units, s) == set()
