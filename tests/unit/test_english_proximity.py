"""English phrases read in Chinese and found together in a passage (graph/search/english_proximity.py),
and the dictionary readings that feed it (ingest/crosslingual.py)."""
from govgraph.graph.search.english_proximity import (phrase_weights, phrases_together, proximity_groups,
                                                     together_counts, together_shares)
from govgraph.ingest.crosslingual import TermGroup, TermSource, term_groups


def _senses(text: str, english: str) -> tuple[str, ...]:
    return next(g.terms for g in term_groups(text, None) if g.english == english)


def test_phrases_standing_together_count_and_apart_do_not():
    sets = [("社区",), ("长者饭堂", "长者食堂")]
    assert phrases_together(sets, "建成1家区级及4家社区长者食堂，建成老人助餐服务网络。") == 2
    apart = "健全完善社区养老体系。" + "开展养老服务创优行动，加快编制都市养老服务体系建设白皮书。" + "长者食堂"
    assert phrases_together(sets, apart) == 1
    assert phrases_together(sets, "与本题无关的一句话。") == 0
    # any sense of a phrase counts, in either order
    assert phrases_together([("获批", "批复"), ("成立", "设立")], "深圳理工大学获批成立") == 2
    assert phrases_together([("成立",), ("获批",)], "深圳理工大学获批成立") == 2


def test_the_window_bounds_what_counts_as_together():
    sets = [("甲乙",), ("丙丁",)]
    text = "甲乙" + "，" * 10 + "丙丁"
    assert phrases_together(sets, text, window=14) == 2
    assert phrases_together(sets, text, window=13) == 1


def test_proximity_keeps_every_offered_dictionary_sense_and_the_chosen_others():
    offered = [TermGroup("accept", TermSource.DICTIONARY, ("接受", "受理", "答应")),
               TermGroup("Gushu", TermSource.ROMANIZED, ()),
               TermGroup("nowhere", TermSource.ROMANIZED, ())]
    chosen = [TermGroup("accept", TermSource.DICTIONARY, ("受理",)),
              TermGroup("Gushu", TermSource.ROMANIZED, ("固戍",))]
    got = proximity_groups(offered, chosen)
    assert [g.terms for g in got] == [("接受", "受理", "答应"), ("固戍",)]


def test_a_gloss_with_an_aside_holding_commas_is_read_whole():
    # 床位 /bed (in hospital, hotel, train etc)/: its gloss is "bed"
    assert "床位" in _senses("beds", "beds")


def test_phrases_are_found_in_a_focus_without_of_and_the():
    # the question analyzer drops "of" and "the": "rule of law" arrives as "rule law"
    groups = term_groups("build rule law government", None)
    assert ("rule law", TermSource.PHRASE, ("法治",)) in [(g.english, g.source, g.terms) for g in groups]


def test_every_form_of_a_word_offers_its_senses():
    assert {"朋友", "三朋四友"} <= set(_senses("international friends", "friends"))
    assert "服务" in _senses("public services", "services")
    assert {"举行", "举办"} & set(_senses("festival held online", "held"))  # held -> hold
    assert "正式" in _senses("officially settled", "officially")  # officially -> official


def test_a_gloss_opening_with_a_function_word_does_not_take_the_next_phrase():
    groups = [g.english for g in term_groups("signs in public places", None)]
    assert "in public" not in groups and "public" in groups  # not 当众 (in public), but 公共


def test_an_ordinal_in_digits_reads_as_a_chinese_session_number():
    groups = term_groups("business agreed at the 8th Import Expo", None)
    eighth = next(g for g in groups if g.english == "8th")
    assert eighth.source == TermSource.NUMBER and eighth.terms[:2] == ("第八届", "第八")
    assert "th" not in [g.english for g in groups]
    assert next(g for g in term_groups("the 12th session", None) if g.english == "12th").terms[0] == "第十二届"


def test_a_project_phase_reads_as_its_chinese_phase_in_every_english_form():
    for text, english in (("Gushu sewage treatment plant phase II", "phase II"),
                          ("its second phase fully switched on", "second phase"),
                          ("the 2nd phase of the metro line", "2nd phase"),
                          ("phase 3 of the project", "phase 3")):
        groups = term_groups(text, None)
        phase = next(g for g in groups if g.english == english)
        n = "三" if "3" in english else "二"
        assert phase.source == TermSource.NUMBER and phase.terms == (f"{n}期", f"第{n}期"), (text, phase)
        # neither a session number (2nd -> 第二届) nor "phase" alone (阶段) is read besides
        assert all("届" not in t for g in groups for t in g.terms), groups
        assert "phase" not in [g.english.lower() for g in groups]


def test_rare_phrases_together_outweigh_common_ones():
    sets = [("超算",), ("不断",), ("开放",)]
    common = "改革不断深化，开放水平不断提升。"
    rare = "全面点亮超算中心二期，开放共享。"
    # unweighted, both passages hold two phrases together
    assert together_counts(sets, [common, rare]) == [2, 2]
    weights = [5.0, 1.0, 1.0]  # 超算 rare, 不断 and 开放 in every other passage
    shares = together_shares(sets, [common, rare], weights)
    assert shares == [2 / 7, 6 / 7]
    # one phrase alone is not "together"
    assert together_shares(sets, ["超算"], weights) == [0.0]


def test_phrase_weights_are_the_idf_of_the_commonest_sense():
    postings = {"超算": [1], "不断": list(range(50)), "持续": list(range(80)), "开放": list(range(40))}
    weights = phrase_weights([("超算",), ("不断", "持续"), ("开放",), ("无此词",)], lambda t: [t],
                             lambda words: {w: postings[w] for w in words if w in postings}, 100)
    import math
    assert weights == [math.log(101 / 2), math.log(101 / 81), math.log(101 / 41), math.log(101)]
    assert phrase_weights([("超算",)], lambda t: [t], lambda words: None, 100) is None


def test_counts_over_many_passages_match_one_by_one():
    sets = [("社区", "群体"), ("长者饭堂", "长者食堂"), ("不在任何一段",)]
    texts = ["建成4家社区长者食堂。", "社区养老。长者饭堂", "无关"]
    assert together_counts(sets, texts) == [phrases_together(sets, t) for t in texts] == [2, 2, 0]
