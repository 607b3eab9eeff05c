"""English questions get Chinese search words (phrase list + CC-CEDICT read in reverse)."""
from govgraph.ingest.crosslingual import chinese_terms
from govgraph.ingest.question import analyze_question
from govgraph.ingest.tokenize import tokenize


def test_government_phrases_come_from_the_phrase_list():
    terms = chinese_terms("sister cities of Shenzhen")
    assert "友好城市" in terms and "深圳" in terms
    assert "法治政府" in chinese_terms("building law-based government")


def test_dictionary_gives_common_words_and_place_names():
    terms = chinese_terms("Italian region Futian hospital")
    assert "意大利" in terms and "福田" in terms and "医院" in terms


def test_stopwords_and_unknown_words_give_nothing():
    assert chinese_terms("which of the") == []
    assert chinese_terms("xqzvw") == []
    assert chinese_terms("") == []


def test_terms_are_words_the_passage_tokenizer_produces():
    """BM25 only matches whole tokens: every term must survive tokenisation of itself."""
    for t in chinese_terms("Which regulation was issued to make sure migrant workers are paid on time?"):
        assert tokenize(t), t


def test_english_questions_carry_terms_and_chinese_ones_do_not():
    en = analyze_question("Which hospital in Nanshan was approved?")
    assert en.lang == "en" and "医院" in en.terms and "南山" in en.terms
    assert analyze_question("南山区哪家医院获批？").terms == []


def test_gazetteer_gives_places_no_word_dictionary_has():
    terms = chinese_terms("Guangming's next steps")
    assert "光明" in terms and "下一步" in terms
    assert "首尔" in chinese_terms("the Seoul Friendship Festival")
    assert "光明" not in chinese_terms("a guangming light")  # only a capitalised word names a place


def test_british_spelling_and_acronyms():
    assert "中心" in chinese_terms("an international centre")
    assert "联合国教科文组织" in chinese_terms("named by UNESCO")


def test_how_many_is_a_question_phrase_not_a_search_word():
    assert not {"许多", "几个"} & set(analyze_question("How many cases did Guangming accept?").terms)


def _groups(text):
    from govgraph.ingest.crosslingual import term_groups
    return {g.english: g for g in term_groups(text, None)}


def test_a_gloss_only_one_character_has_gives_that_character():
    assert _groups("carbon capture")["carbon"].terms == ("碳",)
    # a word with senses of two or more characters gets no single character besides them
    assert all(len(t) > 1 for t in _groups("water supply")["water supply"].terms)


def test_nouns_made_from_verbs_find_the_verb_senses():
    assert "利用" in _groups("carbon utilization")["utilization"].terms


def test_numbers_in_words_and_scales_become_the_reports_amounts():
    from govgraph.ingest.crosslingual import TermSource
    g = _groups("thirty measures, after passing 400 billion yuan, 3.8 trillion of bonds")
    assert g["thirty measures"].source == TermSource.NUMBER and g["thirty measures"].terms[2:] == ("30", "三十")
    # the currency is written on the unit, and jieba keeps 亿元 whole (突破四千亿元大关 -> 四千 / 亿元)
    assert g["400 billion yuan"].terms == ("4000亿元", "四千亿元", "4000亿", "四千亿")
    assert _groups("83.49 billion US dollars")["83.49 billion US dollars"].terms == ("834.9亿美元", "834.9亿")
    assert g["3.8 trillion"].terms == ("3.8万亿",)
    assert "billion" not in g and "yuan" not in g and "thirty measures" in g
    assert "2020" not in g  # plain digits stay in the text for BM25


def test_a_count_of_years_is_written_on_the_year():
    # "years" alone reads as 年度; counted, the reports write 年 on the number (35年来, 再延长30年, 过去五年)
    assert _groups("the strongest typhoon in 35 years")["35 years"].terms[:2] == ("35年", "三十五年")
    assert _groups("for another thirty years")["thirty years"].terms[:2] == ("30年", "三十年")
    assert "years" not in _groups("for another thirty years")
    # measures of a policy are counted on 条 (民营经济30条); the noun stays a phrase of its own
    g = _groups("thirty measures supporting the private sector")
    assert g["thirty measures"].terms == ("30条", "三十条", "30", "三十") and "措施" in g["measures"].terms
    assert "five-year plan" in _groups("the 14th five-year plan")
    assert _groups("bonds planned for this year")["this year"].terms == ("今年",)


def test_a_lower_case_word_is_no_place_reading_and_no_gloss_ends_in_a_preposition():
    assert "裕安" not in getattr(_groups("400 yuan").get("yuan"), "terms", ())
    assert "裕安" in _groups("Yuan")["Yuan"].terms  # capitalised, it may be the place
    g = _groups("By how much did telecom fraud cases fall in Bao'an?")
    assert "fall in" not in g and "下降" in g["fall"].terms
    assert "according to" in _groups("according to the report")


def test_hyphenated_glosses_are_found_and_hyphenated_phrases_keep_their_numbers():
    assert "高层建筑" in _groups("moving manufacturing into high-rise buildings")["high rise buildings"].terms
    assert "跨境" in chinese_terms("cross-border trade")
    g = _groups("Shenzhen metropolitan area three-year action plan")
    assert "three" not in g  # the phrase list's "three-year" is read before numbers
    assert "两" in _groups("two large shopping hubs")["two"].terms


def test_british_endings_find_the_american_glosses():
    # CC-CEDICT glosses in American spelling; the gold's English (and government English) is British
    assert "公里" in _groups("kilometres of riverfront")["kilometres"].terms
    assert "城镇化" in _groups("urbanisation")["urbanisation"].terms
    assert "社区" in _groups("neighbourhood")["neighbourhood"].terms
    assert "取消" in _groups("cancelled")["cancelled"].terms
    # a word whose own spelling has glosses keeps them beside the American ones
    assert "功夫" in _groups("labour")["labour"].terms
    # only the doubled l after an e is British: filled is not filed
    assert "归档" not in _groups("filled")["filled"].terms
