"""Session 8 English readings (issue 15): the glossary of government English, capitals searched as
written, CC-CEDICT abbreviations, and search words the index holds only inside longer words, over a
real embedded store of two reports (BM25 only: no model needed)."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search.crosslingual import TermChooser, _whole_words
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.crosslingual import TermGroup, TermSource, _dictionary, term_groups
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.tokenize import tokenize_query


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    for name in ("000_seed-dongcheng-waiban-fzzf-2021.txt", "001_fzzf-szgm-2021.txt"):
        s.put_batch(build_batch(CORPUS / name))
    s.flush()
    return s


def _group(text: str, english: str) -> TermGroup:
    return next(g for g in term_groups(text, None) if g.english == english)


def test_glossary_terms_are_curated_phrases():
    g = _group("What was Futian's gross regional product?", "gross regional product")
    assert g.source == TermSource.PHRASE and g.terms[0] == "地区生产总值"
    g = _group("suggestions of people's congress deputies", "people's congress deputies")
    assert g.source == TermSource.PHRASE and "人大代表" in g.terms
    # a single common word is left to the dictionary (the reports choose among its senses)
    assert _group("Which provincial plan?", "provincial").source == TermSource.DICTIONARY


def test_capitals_are_searched_as_written_not_read_as_pinyin():
    g = _group("a Shenzhen-Hong Kong CEPA tower", "CEPA")
    assert g.source == TermSource.ACRONYM and g.terms == ("CEPA",)
    # a capitalised word that is no acronym is still read as pinyin
    assert _group("the Gushu plant", "Gushu").source == TermSource.ROMANIZED


def test_a_gloss_whose_aside_says_abbreviation_is_a_sense():
    # 人大 /(Chinese) National People's Congress (abbr. for 全国人民代表大会)/
    assert "人大" in _dictionary(capitalised=False)["national people's congress"]


def test_whole_words_leave_out_the_query_parts_of_a_long_word():
    assert _whole_words(tokenize_query("行政复议")) == ["行政复议"]
    assert _whole_words(["光明", "cepa", "科学城", "科学"]) == ["光明", "科学城"]


def test_vocabulary_is_the_lexical_index(store):
    vocab = store.lexical_vocabulary()
    assert "行政复议" in vocab and "复议" not in vocab
    assert set(store.term_passages(["行政复议", "复议"])) == {"行政复议"}


def test_a_curated_word_held_only_inside_longer_words_is_searched_as_them(store):
    chooser = TermChooser(store, tokenize_query)
    reconsideration = TermGroup("reconsideration", TermSource.PHRASE, ("复议",))
    guangming = TermGroup("Guangming", TermSource.PLACE, ("光明区", "光明"))
    chosen = chooser.choose_groups([reconsideration, guangming])
    assert chosen[0].terms == ("行政复议",)
    # a number is not looked for inside longer words (三十 would become 第三十)
    thirty = TermGroup("thirty", TermSource.NUMBER, ("30", "三十"))
    assert "第三十" not in chooser.choose_groups([thirty, guangming])[0].terms
