"""Answers the evidence text names where the graph holds no entity (graph/search/text_answers.py)."""
from govgraph.graph.search.results import Hit
from govgraph.graph.search.text_answers import is_text_answer, text_spans


def _hit(text: str, start: int = 100) -> Hit:
    return Hit(passage="r#p1", report="r", file="r.txt", title="t", section="", role="", year=2019,
               text=text, start=start, end=start + len(text), score=1.0)


def _names(spans):
    return [s.name for s in spans]


def test_items_of_a_list_closed_by_deng_and_the_kind_noun():
    h = _hit("推进博物馆建设。新引进冯巩、濮存昕等文化名人，举办音乐节。")
    spans = text_spans("Person", "福田新引进了哪些文化名人？", ["名人"], False, [h])
    assert _names(spans) == ["冯巩", "濮存昕"]
    ev = spans[1].evidence()
    # offsets are the report's: the passage starts at 100
    assert (ev.start, ev.end, ev.passage) == (100 + h.text.index("濮存昕"), 100 + h.text.index("濮存昕") + 3, "r#p1")
    assert is_text_answer(spans[0].id) and spans[0].id != spans[1].id


def test_the_verb_before_the_first_item_is_no_part_of_it_and_later_items_stay_whole():
    h = _hit("办好广交会、高交会、加博会等重大展会。")
    assert _names(text_spans("Event", "举办了哪些展会", ["展会"], False, [h])) == ["广交会", "高交会", "加博会"]


def test_no_list_without_the_kind_noun_after_deng():
    h = _hit("引进冯巩、濮存昕等文化名人。")
    assert text_spans("Person", "哪些运动员", ["运动员"], False, [h]) == []
    assert text_spans("Person", "哪些人", [], False, [h]) == []


def test_a_persons_name_right_after_the_kind_noun():
    h = _hit("福田籍运动员王欣瑜获得澳网、温网青少年女子双打冠军。")
    assert _names(text_spans("Person", "哪位福田籍运动员获得了冠军？", ["运动员"], False, [h])) == ["王欣瑜"]
    # not for other labels: an organisation question never reads a person's name
    assert text_spans("Organization", "哪个运动员", ["运动员"], False, [h]) == []


def test_a_noun_phrase_query_written_whole_in_a_passage():
    h = _hit("大力抓改革。制定实施进一步深化国资国企改革方案，促进国有企业聚焦主责主业。")
    spans = text_spans("Policy", "进一步深化国资国企改革方案", ["方案"], True, [h])
    assert _names(spans) == ["进一步深化国资国企改革方案"]
    assert spans[0].evidence().start == 100 + h.text.index("进一步")
    # the same words as a question, or a phrase the passage does not hold whole, name nothing
    assert text_spans("Policy", "进一步深化国资国企改革方案", ["方案"], False, [h]) == []
    assert text_spans("Policy", "国资国企深化改革方案", ["方案"], True, [h]) == []


def test_items_of_a_list_each_ending_in_the_noun():
    h = _hit("召开区委全面依法治区委员会第三次会议、区委全面依法治区委员会工作会议等，专题研究。")
    assert _names(text_spans("Event", "召开了哪些会议", [], False, [h], heads=["会议"])) == [
        "区委全面依法治区委员会第三次会议", "区委全面依法治区委员会工作会议"]
    # a list that goes on into a longer word (…会议精神) or a bare noun names nothing
    assert text_spans("Event", "召开了哪些会议", [], False, [_hit("学习第一次会议、第二次会议精神。")], heads=["会议"]) == []
    assert _names(text_spans("Policy", "哪项规划", [], False, [_hit("编制规划、国土空间规划。")], heads=["规划"])) == ["国土空间规划"]


def test_a_list_closed_by_a_count_and_its_items_without_their_side():
    h = _hit("打造东部凤凰城、西部红花山两大超级商圈。")
    assert _names(text_spans("Place", "哪两大商圈", ["商圈"], False, [h])) == ["凤凰城", "红花山"]


def test_a_quoted_name_right_after_the_kind_noun():
    h = _hit("成功抵御了35年来最强台风“山竹”侵袭。")
    spans = text_spans("Event", "哪个台风", ["台风"], False, [h])
    assert _names(spans) == ["山竹"] and spans[0].evidence().start == 100 + h.text.index("山竹")
    assert text_spans("Event", "哪个台风", ["暴雨"], False, [h]) == []
