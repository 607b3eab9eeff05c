"""与哪些…合作: the partner asked for is the object of 与 in a clause of cooperation (issue 15)."""
from govgraph.graph.search.ask import AnswerRanker, _Candidate
from govgraph.graph.search.results import Hit
from govgraph.ingest.batch import Evidence, Node
from govgraph.ingest.question import analyze_question

TEXT = "坪山区人民政府推动产学研合作，与香港大学、香港生产力促进局开展科技合作，建成国际人才服务中心。"


def _cand(name: str) -> _Candidate:
    a = TEXT.index(name)
    c = _Candidate(Node(id=name, label="Organization", name=name))
    c.add_evidence(0, Evidence(report="r", file="r.txt", passage="p", start=a, end=a + len(name), text=name))
    return c


def test_questions_that_ask_for_a_partner():
    assert analyze_question("坪山区与哪些港澳机构开展了合作？").partner
    assert analyze_question("东城区与日本哪个城市开展了结好30周年儿童画互展？").partner
    assert analyze_question("With which cities did Futian sign agreements?").partner
    assert analyze_question("Which French town did Futian establish friendly relations with?").partner
    assert not analyze_question("哪些部门开展了公共场所外语标识核查纠错工作？").partner
    assert not analyze_question("Which office worked with the police?").partner


def test_the_object_of_yu_before_a_verb_of_cooperation_is_the_partner():
    hit_of = {"p": Hit("p", "r", "r.txt", "", "", "", 2024, TEXT, 0, len(TEXT), 1.0)}
    assert AnswerRanker._partner_of(_cand("香港大学"), hit_of)
    assert AnswerRanker._partner_of(_cand("香港生产力促进局"), hit_of)
    # the subject of the sentence and a body in the next clause are no partners
    assert not AnswerRanker._partner_of(_cand("坪山区人民政府"), hit_of)
    assert not AnswerRanker._partner_of(_cand("国际人才服务中心"), hit_of)
