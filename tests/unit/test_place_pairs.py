"""Hyphenated places read as Chinese writes them, one abbreviation each (ingest/place_pairs.py), and
kept only when the searched reports write them (graph/search/crosslingual.py)."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search.crosslingual import TermChooser
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.crosslingual import TermSource, term_groups
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.place_pairs import abbreviations
from govgraph.ingest.tokenize import tokenize_query

SHENZHEN = CORPUS / "014_gzbg-shenzhen-2025.txt"


def _abbreviated(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(g.english, g.terms) for g in term_groups(text) if g.source == TermSource.ABBREVIATION]


def test_provinces_take_their_standard_abbreviation_other_places_their_first_character():
    assert abbreviations(["广东省", "广东"]) == ["粤"]
    assert abbreviations(["上海市", "上海"]) == ["沪", "申"]
    assert abbreviations(["深圳市", "深圳"]) == ["深"]
    assert abbreviations(["东莞市", "东莞"]) == ["莞"]


def test_places_joined_by_hyphens_become_one_abbreviated_phrase():
    assert _abbreviated("Which building is to be converted into a Shenzhen-Hong Kong CEPA tower?") == [
        ("Shenzhen-Hong Kong", ("深港",))]
    assert _abbreviated("Guangdong-Hong Kong-Macao cooperation") == [("Guangdong-Hong Kong-Macao", ("粤港澳",))]
    assert ("Chengdu-Chongqing", ("蓉渝", "成渝")) in _abbreviated("the Chengdu-Chongqing economic circle")
    assert _abbreviated("Sino-US trade") == [("Sino-US", ("中美",))]
    # each place stays a phrase of its own: a report may write them in full
    places = [g.english for g in term_groups("Shenzhen-Hong Kong cooperation") if g.source == TermSource.PLACE]
    assert "Shenzhen" in places


def test_words_that_are_not_places_make_no_pair():
    assert _abbreviated("a well-known long-term plan") == []
    assert _abbreviated("Shenzhen - based firms") == []


@pytest.fixture(scope="module")
def chooser(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.put_batch(build_batch(SHENZHEN))
    s.flush()
    return TermChooser(s, tokenize_query)


def test_the_reports_keep_the_combinations_they_write(chooser):
    chosen = {g.english: g.terms for g in chooser.choose_groups(term_groups("Shenzhen-Hong Kong cooperation"))}
    assert chosen["Shenzhen-Hong Kong"] == ("深港",)
    # a combination no report writes is no search word, and its phrase is left out
    chosen = {g.english for g in chooser.choose_groups(term_groups("Shenzhen-Ulanqab cooperation"))}
    assert "Shenzhen-Ulanqab" not in chosen and "cooperation" in chosen
