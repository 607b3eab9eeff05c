"""A kind of body is no organisation: 行业协会, 产业基金, 企业集团, 商家联盟 after common words only.

find_organizations builds a name leftwards from a suffix up to the boundary words. Before the suffixes a
report uses for kinds as often as for names (协会, 联盟, 基金, 公司, 集团, 实验室…: `org_kind_suffixes.txt`)
the run it gets is often a kind written with common words (消费金融公司, 大企业集团, 纾困基金, 购物节商家
联盟), or a clause that opens with the sentence's own words before one (好|行业协会, 现有|行业协会,
发展|产业技术创新联盟, 行业构建|产业技术创新联盟). Of the 23 false organisations on the 41 dev windows,
14 were of these kinds; traps.is_category lets them through because it asks every word to be on its lists
(行业 and 金融 are, 消费, 现有 and 商家 are not).

The test here: the word right before the suffix is a category word (the lists of traps.py: 行业, 产业,
企业, 金融…) and no word of the modifier says which body. What says which body is the evidence
name_shapes.name_modifier asks of a shaped name: a place (the gazetteer's or one of the report's own:
光明区科学技术协会), a word jieba tags as a name or holds the whole modifier as one (中集 nt), a word jieba
does not know or a rare noun (jieba count <= 10), two single characters jieba could not join (红|岭),
Latin letters, a quoted part, an ordinal, a level character opening it (区/市: the report's own body), a
national or international word (中国, 国际). A modifier that is one word stays a name (安定医院, 平安银行,
as before). Over the 155 corpus reports this drops the kinds listed in docs/extraction-orgs.md.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .association_names import names_one_association
from .category_compounds import is_category_compound
from .lexicon import word_set
from .traps import _NATIONAL, _ORDINAL, _PLACE_MORPHEMES, category_words
from .words import cut_words, tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

# jieba tags of proper names: places, persons, organisations, other proper nouns, abbreviations, place words
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "j", "s", "zg"})
# tags of single characters that, two in a row, spell a name jieba could not join (as in name_shapes)
_NAME_SINGLE_TAGS = frozenset({"n", "ng", "nr", "ns", "nz", "s", "zg", "j"})
# jieba counts at or below which a noun is a name's morpheme, not a common word (name_shapes' rare noun)
_RARE = 10
# jieba counts from which a noun is a common word (行业 8127, 商家 376, 丝路 ?)
_COMMON = 100
_LEVELS = frozenset("区市省县镇乡")
_WORLD = frozenset({"国际", "世界", "全国", "全球", "亚洲", "亚太"})
# single characters that open a clause or a count, not a name (新|设, 具|身, 首|只)
_CLAUSE_SINGLE_TAGS = frozenset({"v", "vd", "d", "r", "rr", "rz", "m", "q", "p", "c", "u", "uj"})
_FIRSTS = frozenset({"首家", "首个", "首批", "首只", "首支", "首所"})
_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def kind_suffixes() -> frozenset[str]:
    return frozenset(word_set("org_kind_suffixes.txt"))


def _says_which(words: list[str], places: frozenset[str]) -> bool:
    """Whether one of the modifier's words names the body's owner or is a name's morpheme (see the module)."""
    jieba, tags = tagger()
    if _abbreviation_opens(words):
        return True
    generic = category_words()
    for k, w in enumerate(words):
        tag = tags.get(w)
        if w in _NATIONAL or w in _WORLD or _ORDINAL.match(w) or any(p in w for p in places):
            return True
        if w in generic:
            continue
        if tag in _PROPER_TAGS or (len(w) > 1 and (tag is None or (tag == "n" and jieba.dt.FREQ.get(w, 0) <= _RARE))):
            return True
        prev = words[k - 1] if k else ""
        if len(w) == 1 and len(prev) == 1 and (w in _PLACE_MORPHEMES or (
                tag in _NAME_SINGLE_TAGS and tags.get(prev) in _NAME_SINGLE_TAGS)):
            return True   # 红|岭, 前|海: characters jieba could not join
    return False


def _abbreviation_opens(words: list[str]) -> bool:
    """Whether the modifier opens with a company's abbreviation: single characters jieba could not join, none
    a verb, adverb, pronoun or count (中|兵, 广|新, 深|大; not 新|设, 具|身, 首|只), or a direction word
    (南方工业技术研究院)."""
    _, tags = tagger()
    if len(words[0]) == 2 and tags.get(words[0]) == "f":
        return True
    run = 0
    for w in words:
        if len(w) != 1 or not "\u4e00" <= w <= "\u9fff" or tags.get(w) in _CLAUSE_SINGLE_TAGS:
            break
        run += 1
    return run >= 2


@lru_cache(maxsize=65536)
def _kind_of(modifier: str, places: frozenset[str]) -> bool:
    _, tags = tagger()
    if _LATIN.search(modifier) or "“" in modifier or "”" in modifier or tags.get(modifier) in _PROPER_TAGS:
        return False   # 中集: jieba holds the whole modifier as a name
    words = [w for w in cut_words(modifier) if w.strip("“”\"·-－—（）()")]
    if words[-1] in _FIRSTS:
        return True    # 国内首家|银行: the first of a kind
    if len(words) == 1 and is_category_compound(words[0]):
        return True    # 技术创新|联盟: one word jieba joined from two category words (category_compounds.py)
    if len(words) < 2 or words[0] in _LEVELS:
        return False
    return _common_noun(words[-1]) and not _says_which(words, places)


def _common_noun(w: str) -> bool:
    """A category word of traps.py, a compound ending in one (技术|创新), or a noun jieba counts often
    (行业 8127, 商家 376: at least _COMMON)."""
    jieba, tags = tagger()
    generic = category_words()
    return (w in generic or w[-2:] in generic
            or (tags.get(w) in ("n", "vn") and len(w) > 1 and jieba.dt.FREQ.get(w, 0) >= _COMMON))


@lru_cache(maxsize=1)
def quality_words() -> frozenset[str]:
    return frozenset(word_set("name_quality_words.txt"))


@lru_cache(maxsize=65536)
def _described_by_quality(modifier: str) -> bool:
    """Whether a quality or rank word opens the modifier and nothing after it says which body: 高水平|理工科
    大学, 世界一流|大学 (the issue's trap: a category noun with a generic modifier). Any organisation suffix."""
    words = [w for w in cut_words(modifier) if w.strip("“”\"·-－—（）()")]
    k = 0
    while k < len(words) and (words[k] in quality_words() or words[k] in _WORLD):
        k += 1
    return 0 < k and any(w in quality_words() for w in words[:k]) and not (
        words[k:] and _says_which(words[k:], frozenset()))


def names_a_kind_of_body(modifier: str, suffix: str, ctx: ReportContext | None) -> bool:
    """Whether `modifier` + `suffix` (a suffix-built organisation) is a kind of body, not one (see the module)."""
    _, tags = tagger()
    if tags.get(modifier + suffix) in _PROPER_TAGS:
        return False   # 招商银行, 世界银行: jieba holds the whole name
    if _described_by_quality(modifier):
        return True
    if suffix not in kind_suffixes() or names_one_association(modifier, suffix):
        return False
    from .places import gazetteer
    if gazetteer().matcher.find(modifier):
        return False
    places = frozenset(p for p in (ctx.place_names if ctx else ()) if len(p) >= 2 and p in modifier)
    return _kind_of(modifier, places)


# a campus written after a middle dot: 中山大学·深圳 (the city's name, then the clause goes on)
_DOT_CAMPUS = re.compile(r"·([\u4e00-\u9fff]{2,3})(?=[、，。；）\s]|$)")


def campus_after_dot(text: str, end: int) -> re.Match | None:
    """A known place after a middle dot right after a university's name, as its campus (中山大学·深圳)."""
    from .traps import is_known_place
    m = _DOT_CAMPUS.match(text, end)
    return m if m and text.endswith(("大学", "学院"), 0, end) and is_known_place(m.group(1)) else None


# 之一 (one of a class) and 暨 (and; not 暨南大学) end the name before them: 十大基础研究机构之一|中国科学院
_JOINER = re.compile(r"之一|暨(?!南)")


def after_joiner(text: str, start: int, head: int) -> int:
    """Where a name built leftwards from `head` starts once a joiner inside text[start:head] is cut off."""
    last = None
    for last in _JOINER.finditer(text, start, head):
        pass
    return last.end() if last else start
