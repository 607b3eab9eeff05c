"""Word lists live as data files under ingest/lexicon, read through one loader (ingest/wordlists.py)."""
from __future__ import annotations

import re
from pathlib import Path

from govgraph.ingest import wordlists
from govgraph.ingest.crosslingual import _STOP as LOOKUP_STOP
from govgraph.ingest.question import analyze_question
from govgraph.ingest.structure import meta
from govgraph.ingest.tokenize import STOPWORDS, tokenize
from govgraph.ingest.vocabulary import ENTITY_LABELS, TIME_LABELS, PlaceKind

ROOT = Path(wordlists.__file__).resolve().parent.parent


def test_one_constant_names_the_lexicon_folder():
    code = [p for folder in ("ingest", "graph", "api") for p in (ROOT / folder).rglob("*.py")]
    naming = [p for p in code if re.search(r"""["']lexicon["']""", p.read_text(encoding="utf-8"))]
    assert naming == [ROOT / "ingest" / "wordlists.py"]


def test_question_nouns_map_to_entity_labels():
    for name in ("question_nouns_zh.tsv", "question_nouns_en.tsv"):
        groups = wordlists.grouped(name)
        # time records (Indicator, Plan) are asked for through the years a question names (graph/time/ask.py)
        assert set(groups) == set(ENTITY_LABELS) - set(TIME_LABELS)
        assert all(groups.values())
    # grouped() keeps the file's order: the first nouns of the Chinese file are the Agency ones.
    assert list(wordlists.grouped("question_nouns_zh.tsv"))[0] == "Agency"
    assert wordlists.grouped("question_nouns_zh.tsv")["Agency"][:2] == ("政府部门", "职能部门")
    assert analyze_question("哪些部门开展了外语标识核查？").label == "Agency"
    assert analyze_question("Which companies did the office visit?").label == "Organization"


def test_one_stop_word_list_with_two_scopes():
    rows = wordlists.table("stop_words.tsv")
    assert {scope for _, scope in rows} == {"search", "lookup"}
    words = [w for w, _ in rows]
    assert len(words) == len(set(words))
    assert {"的", "the", "which"} <= STOPWORDS and "whose" not in STOPWORDS
    english_search = {w for w in STOPWORDS if w.isascii()}
    assert english_search < LOOKUP_STOP  # the tokenizer's English words are a part of the lookup list
    tokens = tokenize("the office of 区外办")
    assert "office" in tokens and "the" not in tokens and "of" not in tokens


def test_provinces_come_from_the_gazetteer():
    gazetteer = {name: short for name, kind, _, short in wordlists.table("cn_places.tsv") if kind == PlaceKind.PROVINCE}
    # Every province-level row is a 省 or an 自治区 (the municipalities are cities in the gazetteer).
    assert len(meta._PROVINCES) + len(meta._AUTONOMOUS) == len(gazetteer) == 28
    assert all(gazetteer[short + "省"] == short for short in meta._PROVINCES)
    assert all(gazetteer[name] == short for short, name in meta._AUTONOMOUS.items())
    assert meta._PROVINCES[:3] == ("河北", "山西", "辽宁") and meta._AUTONOMOUS["广西"] == "广西壮族自治区"
