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
