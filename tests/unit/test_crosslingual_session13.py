"""Session 13 English readings (issue 15): verb stems doubled before -ed and -ied verbs, irregular plurals, and
the register and glossary rows for terms of government reports that CC-CEDICT renders by no word the reports
write (consumption -> 摄入 结核 用量, never 消费)."""
from govgraph.ingest.crosslingual import TermSource, term_groups


def _offered(text: str, english: str) -> tuple[str, ...]:
    return next(g for g in term_groups(text, None) if g.english == english).terms


def test_doubled_consonants_and_ied_reach_the_verb():
    assert "下降" in _offered("PM2.5 dropped", "dropped")  # drop; "dropp" is no word
    assert "提交" in _offered("proposals submitted", "submitted")
    assert any(t in _offered("technologies applied", "applied") for t in ("应用", "申请"))


def test_not_before_ing_where_the_word_has_senses_of_its_own():
    shopping = _offered("shopping hubs", "shopping")
    assert "购物" in shopping and "老字号" not in shopping  # shop -> 老字号 would follow


def test_irregular_plurals_reach_the_singular():
    assert "儿童" in _offered("hospitals for children", "children")
    assert "妇女" in _offered("services for women", "women")


def test_register_rows_come_first_and_keep_the_dictionary_senses():
    consumption = _offered("consumption vouchers", "consumption")
    assert consumption[0] == "消费" and "用量" in consumption
    assert _offered("Which city hosted the fair?", "hosted")[0] == "举办"
    assert _offered("cultivate enterprises", "cultivate")[0] == "培育"


def test_glossary_rows_are_curated_phrases():
    (g,) = [g for g in term_groups("intellectual property protection", None) if g.english == "intellectual property"]
    assert g.source == TermSource.PHRASE and g.terms == ("知识产权",)
    assert _offered("new charging piles", "charging piles") == ("充电桩",)
