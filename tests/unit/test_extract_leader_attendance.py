"""Session 13 (x21rel, issue 13): relations audited over the corpus. A leader's attendance is not the
author's (亲自出席; a leader named a clause back still the subject: rules/leader_subjects.py); a partner joins
only the events of its own clause; a body after 在 is the venue, not the organiser; 联手X is a partnership;
创办 an event holds it. Sentences from corpus reports outside the gold windows' test split (file named per test)."""
from govgraph.ingest.extract.rules.cooperation import cooperation
from govgraph.ingest.extract.rules.events import event_roles
from tests.unit.extract_mentions import BAOAN, FUTIAN, LONGGANG, LUOHU, PINGSHAN, YANTIAN
from tests.unit.test_extract_relation_rules import context, triples

STATE = "国务院"


def _typed(rule, s, type_: str) -> set[tuple[str, str]]:
    return {(a, b) for a, t, b in triples(rule, s) if t == type_}


def test_an_honorific_before_the_verb_is_a_leaders_attendance():
    # 盐田区2021年政府工作报告_2021.txt
    s = context("习近平总书记亲自出席深圳经济特区建立40周年庆祝大会并发表重要讲话，让我们无比感恩、无比自豪、信心满怀。",
                YANTIAN, 2020)
    assert s.of("Event")   # the event is read: the rule, not the reading, keeps the edge out
    assert _typed(event_roles, s, "PARTICIPATED_IN") == set()


def test_a_leader_named_a_clause_back_is_still_the_subject():
    # 005_gzbg-szluohu-2021.txt
    s = context("最令人振奋的是，习近平总书记两次亲临深圳视察，出席深圳经济特区建立40周年庆祝大会并发表重要讲话。", LUOHU, 2020)
    assert s.of("Event") and _typed(event_roles, s, "PARTICIPATED_IN") == set()
    # 国务院政府工作报告_2018年.txt
    s = context("习近平主席等国家领导人出访多国，出席联合国系列峰会、气候变化大会、世界经济论坛、东亚合作领导人系列会议等重大活动，"
                "全方位外交布局深入展开。", STATE, 2017)
    assert len(s.of("Event")) >= 3 and _typed(event_roles, s, "PARTICIPATED_IN") == set()


def test_the_authors_own_attendance_is_kept():
    # 龙岗区2022年政府工作报告_2022.txt: the author joins, no leader in the sentence
    s = context("参加深圳全球招商大会，全年签约洽谈项目31个，涉及总投资超765亿元。", LONGGANG, 2018)
    assert ("龙岗区人民政府", "深圳全球招商大会") in _typed(event_roles, s, "PARTICIPATED_IN")


def test_a_partner_of_another_clause_joins_no_event():
    # 深圳市宝安区人民政府区长姚任在深圳市宝安区第六届人民代表大会第一次会议上作政府工作报告_2016.txt
    s = context("深化与深圳交响乐团合作，办好全国“群艺杯”摄影展、周末音乐会、宝图星期讲座等品牌活动。", BAOAN, 2015)
    assert ("宝安区人民政府", "深圳交响乐团") in _typed(cooperation, s, "COOPERATED_WITH")
    assert not any(a == "深圳交响乐团" for a, _ in _typed(event_roles, s, "PARTICIPATED_IN"))


def test_a_partner_of_the_events_clause_still_joins_it():
    # 2017年政府工作报告（在深圳市罗湖区第七届人民代表大会第二次会议上）_2017.txt
    s = context("与市科创委、市投资推广署联合举办大梧桐新兴产业带推介会，签署数字感知等7大产业项目合作协议。", LUOHU, 2016)
    joined = {a for a, _ in _typed(event_roles, s, "PARTICIPATED_IN")}
    assert {"深圳市科技创新委员会", "深圳市投资推广署"} <= joined


def test_a_body_after_zai_is_the_venue_not_the_organiser():
    # 龙岗区2015年政府工作报告_2015.txt
    s = context("探索政企合作，在斯坦福大学举办“创新创业环境推介会”，建立“硅谷—龙岗创新创业直通车”。", LONGGANG, 2014)
    organized = _typed(event_roles, s, "ORGANIZED")
    assert ("龙岗区人民政府", "创新创业环境推介会") in organized
    assert not any(a == "斯坦福大学" for a, _ in organized)


def test_lianshou_makes_a_partner():
    # 2017年坪山区政府工作报告_2017.txt
    s = context("联手深圳大学，共同打造国家生化工程研究中心、生物医学转化研究院和深大希伯来学院。", PINGSHAN, 2016)
    assert ("坪山区人民政府", "深圳大学") in _typed(cooperation, s, "COOPERATED_WITH")


def test_founding_an_event_is_holding_it():
    # 2021年政府工作报告（在福田区第七届人民代表大会第七次会议上）_2021.txt
    s = context("筹建香蜜湖金融生态联盟，创办香蜜湖全球金融高端论坛，建设国家文化与金融合作示范区。", FUTIAN, 2020)
    assert ("福田区人民政府", "香蜜湖全球金融高端论坛") in _typed(event_roles, s, "ORGANIZED")
