"""English search words chosen by the searched reports (graph/search/crosslingual.py) over a real
embedded store of two reports (BM25 only: no model needed), and pinyin readings of names."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search.crosslingual import TermChooser
from govgraph.graph.store.base import GraphStore
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.crosslingual import TermSource, term_groups
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.question import analyze_question
from govgraph.ingest.romanization import character_classes, splits
from govgraph.ingest.tokenize import tokenize_query

SEED = CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt"
GUANGMING = CORPUS / "001_fzzf-szgm-2021.txt"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    for f in (SEED, GUANGMING):
        s.put_batch(build_batch(f))
    s.flush()
    return s


@pytest.fixture(scope="module")
def chooser(store):
    return TermChooser(store, tokenize_query)


def test_pinyin_splits_and_characters():
    assert splits("Gushu") == [["gu", "shu"]]
    assert splits("Wuwangdun")[0] == ["wu", "wang", "dun"]
    assert splits("museum") == [] and splits("5G") == []
    (gu, shu), = character_classes("Gushu")
    assert "固" in gu and "戍" in shu


def test_term_passages_lists_only_tokens_the_index_holds(store):
    got = store.term_passages(["受理", "行政复议", "不存在的词语"])
    assert set(got) == {"受理", "行政复议"}
    assert len(got["受理"]) >= 1 and all(0 <= r < store.stats()["passages"] for r in got["受理"])


def test_a_sense_is_chosen_by_the_words_it_occurs_with(chooser):
    # "accept" is 接受 in general use; with 行政复议 and 案件 the reports write 受理 (cases accepted)
    groups = analyze_question("How many administrative reconsideration cases did Guangming accept?").term_groups
    accept = next(g for g in groups if g.english == "accept")
    assert accept.source == TermSource.DICTIONARY and accept.terms[0] == "接受" and "受理" in accept.terms
    chosen = chooser.choose(groups)
    assert "受理" in chosen and "行政复议" in chosen and "光明" in chosen
    # senses the reports never use are gone
    assert not {"答应", "接下来", "服气"} & set(chosen)


def test_a_romanised_name_is_found_in_the_reports_text(chooser):
    groups = term_groups("Shijia Museum", None)
    assert groups[0].source == TermSource.ROMANIZED and groups[0].terms == ()
    assert "史家" in chooser.choose(groups)


def test_a_store_that_cannot_count_leaves_the_dictionary_order(store):
    # the interface's default (Neo4j keeps it): the caller then keeps the commonest senses
    assert GraphStore.term_passages(store, ["受理"]) is None

    class NoCounts:
        def term_passages(self, tokens):
            return None

    assert TermChooser(NoCounts(), tokenize_query).choose(term_groups("accept", None)) is None
