"""Session 12 English readings (issue 15): nouns made from verbs irregularly (growth -> grow 增长), two-word
glosses also read as compounds of their words' senses (key enterprises -> 重点企业, kept only where the reports
write it), and the senses government Chinese writes for common words (new -> 新增, fully -> 全面), chosen by a
real embedded store of one report (BM25 only: no model needed)."""
from tests.paths import CORPUS

import pytest

from govgraph.graph.search.crosslingual import TermChooser
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.crosslingual import TermGroup, TermSource, term_groups
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.tokenize import tokenize_query


@pytest.fixture(scope="module")
def chooser(tmp_path_factory):
    s = EmbeddedStore(tmp_path_factory.mktemp("store"))
    s.put_batch(build_batch(CORPUS / "007_gzbg-szba-2022.txt"))
    s.flush()
    return TermChooser(s, tokenize_query)


def _group(text: str, english: str) -> TermGroup:
    return next(g for g in term_groups(text, None) if g.english == english)


def test_a_noun_offers_the_senses_of_its_verb():
    growth = _group("GDP growth in Bao'an", "growth")
    assert "增长" in growth.terms  # CC-CEDICT glosses 增长 "to grow", never "growth"
    assert "发展" in growth.terms  # the noun's own senses stay, first
    assert growth.terms.index("发展") < growth.terms.index("增长")
    assert "销售" in _group("online sales", "sales").terms


def test_a_two_word_gloss_also_offers_compounds_of_its_words():
    g = _group("How many key enterprises?", "key enterprises")
    assert g.source == TermSource.DICTIONARY
    assert g.terms[0] == "龙头企业"  # the gloss's own sense first
    assert "重点企业" in g.terms and "重点企业" in g.written and "龙头企业" not in g.written
    # the old reading, two senses for stores that cannot choose, offers no compound
    assert all(not g.written for g in term_groups("How many key enterprises?"))


def test_compounds_are_kept_only_where_the_reports_write_them(chooser):
    offered = [_group("key enterprises in Bao'an", "key enterprises"), _group("key enterprises in Bao'an", "Bao'an")]
    chosen = {g.english: g.terms for g in chooser.choose_groups(offered)}
    # the report writes 重点企业 (213家重点企业纳入空间保障范围) beside Bao'an more often than 龙头企业, never 关键企业
    assert chosen["key enterprises"][0] == "重点企业"
    assert "关键企业" not in chosen["key enterprises"]
    junk = TermGroup("key enterprises", TermSource.DICTIONARY, ("重点企业", "钥匙企业"), written=("钥匙企业",))
    assert chooser._as_written(junk).terms == ("重点企业",)


def test_government_senses_come_first_and_are_still_chosen(chooser):
    new = _group("Bao'an new sewage treatment capacity", "new")
    assert new.source == TermSource.DICTIONARY and new.terms[:2] == ("新增", "新建")
    fully = _group("fully switched on", "fully")
    assert fully.terms[0] == "全面" and "充分" in fully.terms  # the dictionary's senses follow
    # "new" is a stop word elsewhere: without the register it gave no group at all
    assert _group("make sure wages are paid", "make sure").terms[0] == "确保"
    offered = term_groups("new sewage treatment capacity", None)
    chosen = {g.english: g.terms for g in chooser.choose_groups(offered)}
    assert chosen["new"][0] == "新增"  # 新增污水处理能力: the report writes it beside the other phrases
