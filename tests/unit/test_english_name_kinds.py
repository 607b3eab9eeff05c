"""Session 13 English readings (issue 15): a name and the kind of thing it names joined as Chinese writes them
(Xili Lake -> 西丽湖, Shenzhen Bay -> 深圳湾), kept where the searched reports write the join and the tokenizer
reads it as one word; chosen on a real embedded store of one report (BM25 only: no model needed)."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search.crosslingual import TermChooser
from govgraph.graph.search.english_proximity import proximity_groups
from govgraph.graph.search.english_name_kinds import is_name, joined_names, kind_at
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.crosslingual import TermGroup, TermSource, term_groups
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.tokenize import tokenize_query


@pytest.fixture(scope="module")
def chooser(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.put_batch(build_batch(CORPUS / "006_gzbg-szns-2023.txt"))  # Nanshan 2023: 西丽湖, 深圳湾, 鹏城实验室
    s.flush()
    return TermChooser(s, tokenize_query)


def _named(chooser, text: str) -> dict[str, tuple[str, ...]]:
    return {g.english: g.terms for g in chooser.choose_groups(term_groups(text, None)) if g.source == TermSource.NAMED}


def test_kind_words_one_or_two_groups_and_plurals():
    groups = [TermGroup(e, TermSource.DICTIONARY, ("x",)) for e in ("Qianhai", "Cooperation", "Zone", "Lakes", "plan")]
    assert kind_at(groups, 1) == (2, ("合作区",))  # the two-word kind before the one-word "zone"
    assert kind_at(groups, 2)[0] == 1
    assert kind_at(groups, 3) == (1, ("湖",))  # a plural finds its singular
    assert kind_at(groups, 4) == (0, ())
    assert is_name(groups[0]) and not is_name(TermGroup("lake", TermSource.DICTIONARY, ("湖泊",)))


def test_joins_chain_and_keep_only_what_is_written():
    text = "深圳湾实验室和深圳湾公园"
    groups = [TermGroup("Shenzhen", TermSource.PLACE, ("深圳市", "深圳")),
              TermGroup("Bay", TermSource.DICTIONARY, ("海湾",)),
              TermGroup("Laboratory", TermSource.DICTIONARY, ("实验室",))]
    written = lambda terms: [t for t in terms if t in text]  # noqa: E731
    (joined,) = joined_names(groups, lambda g: g.terms, written)
    assert joined.english == "Shenzhen Bay Laboratory" and joined.terms == ("深圳湾实验室",)
    # no join written: no group (深圳湖 is nowhere)
    lake = [groups[0], TermGroup("Lake", TermSource.DICTIONARY, ("湖泊",))]
    assert joined_names(lake, lambda g: g.terms, written) == []


def test_a_romanised_or_dictionary_name_joins_its_kind_in_the_reports(chooser):
    # CC-CEDICT reads Xili as 喜力 (a beer); the reports' spelling 西丽 comes from the romanisation
    assert _named(chooser, "What is planned around Xili Lake?") == {"Xili Lake": ("西丽湖",)}
    assert _named(chooser, "Shenzhen Bay projects") == {"Shenzhen Bay": ("深圳湾",)}
    # the words stay groups of their own beside the join
    english = {g.english for g in chooser.choose_groups(term_groups("Xili Lake", None))}
    assert {"Xili", "Lake", "Xili Lake"} <= english


def test_a_join_the_tokenizer_cuts_apart_is_only_looked_for_as_written(chooser):
    # the report writes 鹏城实验室, but it is read as 鹏城 + 实验室: BM25 would only get its parts again, so the join
    # is no search word; the phrases-together prior still finds it in the text (english_proximity.proximity_groups)
    assert "鹏城实验室" in chooser._corpus_text()
    offered = term_groups("Pengcheng Laboratory", None)
    chosen = chooser.choose_groups(offered)
    (named,) = [g for g in chosen if g.source == TermSource.NAMED]
    assert named.terms == () and named.written == ("鹏城实验室",)
    together = {g.english: g.terms for g in proximity_groups(offered, chosen)}
    assert together["Pengcheng Laboratory"] == ("鹏城实验室",)


def test_a_kind_word_without_a_name_before_it_joins_nothing(chooser):
    assert _named(chooser, "How many lakes and parks were built?") == {}


@pytest.fixture(scope="module")
def guangming(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.put_batch(build_batch(CORPUS / "011_gzbg-szgm-2025.txt"))  # Guangming 2025 writes 区教育局
    s.flush()
    return TermChooser(s, tokenize_query)


def test_a_body_joins_the_field_before_it(guangming):
    # "bureau" alone reads as 办公室; Chinese names a bureau by its field: 教育局
    assert _named(guangming, "Which education bureau runs the pilot?") == {"education bureau": ("教育局",)}
    # a place kind joins names only: "education lake" is no name
    groups = [TermGroup("education", TermSource.DICTIONARY, ("教育",)), TermGroup("lake", TermSource.DICTIONARY, ("湖泊",))]
    assert joined_names(groups, lambda g: g.terms, lambda terms: list(terms)) == []
