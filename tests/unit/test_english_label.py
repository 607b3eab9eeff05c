"""The label of an English "which …" question whose noun no cue list knows, read from a real embedded
store's entity names (graph/search/english_label.py), and the analyzer's asked noun phrase."""
import pytest

from govgraph.graph.search import SearchService
from govgraph.graph.search.english_label import EnglishLabeler
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.crosslingual import headed_words, term_groups
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize_query

# Sentences in the reports' style naming centres, hubs, shopping districts and universities.
REPORT = """深圳市政府工作报告

一、过去一年工作回顾
全面点亮国家超算深圳中心二期，深圳国际创新中心、深港协同创新中心投入运营。深圳大学、南方科技大学新增一批学科。
建成前海综合交通枢纽、西丽高铁枢纽，打造华强北商圈、后海超级商圈，建成南山科技大厦。
二、今年工作安排
加快建设大湾区综合性国家科学中心先行启动区，推进深圳技术大学建设。
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    path = folder / "深圳市政府工作报告_2025年.txt"
    path.write_text(REPORT, encoding="utf-8")
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.put_batch(build_batch(path))
    s.flush()
    return s


def test_the_asked_noun_phrase_ends_where_the_predicate_starts():
    assert analyze_question("Which nuclear power plant entered commercial operation in Fujian?").asked_nouns == [
        "nuclear power plant", "power plant", "plant"]
    assert analyze_question("Which two large shopping hubs will Guangming develop?").asked_nouns == [
        "shopping hubs", "hubs"]
    assert analyze_question("Which comet, the brightest in 35 years, passed over Futian?").asked_nouns == ["comet"]
    # a noun the cue list knows gives its label and no asked noun; "what" asks for no thing
    known = analyze_question("Which university in Guangming was approved?")
    assert known.label == "Organization" and known.asked_nouns == []
    assert analyze_question("What did Futian's output reach?").asked_nouns == []


def test_a_noun_takes_the_label_of_the_names_its_senses_end(store):
    labeler = EnglishLabeler(store)
    centre = labeler.label(["supercomputing centre", "centre"])
    assert centre is not None and centre.label == "Organization" and "中心" in centre.kind
    hubs = labeler.label(["shopping hubs", "hubs"])
    assert hubs is not None and hubs.label == "Place" and "枢纽" in hubs.kind
    # the graph holds no name ending in 台风, and names of actions (…启动区 Measure) never vote
    assert labeler.label(["typhoon"]) is None
    assert labeler.label(["start-up zone"]) is None
    # no sense of "building" ends a name, but 大厦 is glossed "large building"
    building = labeler.label(["building"])
    assert building is not None and building.label == "Place" and "大厦" in building.kind


def test_ask_gives_the_graph_label_and_keeps_a_known_one(store):
    service = SearchService(store, None, tokenize_query, analyze_question)
    got = service.ask("Which national supercomputing centre will have its second phase fully switched on?")
    assert got.label == "Organization"
    assert service.ask("Which comet passed over Shenzhen?").label is None
    # typhoon is a question noun since session 13 (a named disaster is an event)
    assert service.ask("Which typhoon struck Shenzhen?").label == "Event"
    assert service.ask("Which hotels opened in Shenzhen?").label == "Place"


def test_words_glossed_as_a_kind_of_a_noun():
    assert {"博览会", "交易会"} <= set(headed_words("fair")) and "多层大厦" in headed_words("buildings")
    assert headed_words("qwertyuiop") == []


def test_adjectives_offer_the_senses_of_their_nouns():
    senses = {g.english: g.terms for g in term_groups("national commercial economic", None)}
    assert "国家" in senses["national"] and "商业" in senses["commercial"] and "经济" in senses["economic"]
