"""Question labels read in session 13 (issue 15): a count of measures names a policy, a typhoon is an event."""
from govgraph.ingest.question import analyze_question


def test_a_count_of_measures_names_a_policy():
    i = analyze_question("Guangdong's thirty measures supporting the private sector")
    assert i.label == "Policy" and i.label_from == "head" and "30条" in i.kind
    assert analyze_question("Shenzhen 20 measures").label == "Policy"
    assert analyze_question("民营经济30条").label == "Policy"
    assert analyze_question("稳外贸“二十四条”").label == "Policy"
    # measures without a count are no document; a count alone is no name
    assert analyze_question("measures supporting private firms").label is None
    assert analyze_question("30条").label is None


def test_a_participle_phrase_after_the_head_is_taken_off():
    assert analyze_question("Futian plans supporting housing").label == "Policy"
    assert analyze_question("Shenzhen Bay Park").label == "Place"


def test_a_typhoon_is_an_event_and_its_chinese_noun_the_kind():
    i = analyze_question("Which typhoon, the strongest in 35 years, struck Futian?")
    assert i.label == "Event" and i.kind == ["台风"]
    i = analyze_question("哪个台风袭击了福田？")
    assert i.label == "Event" and i.kind == ["台风"]
    # a flood control measure is a measure
    assert analyze_question("What flood control measures were taken?").label == "Measure"
