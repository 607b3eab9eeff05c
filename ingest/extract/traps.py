"""Category nouns are not names: 卓越学校, 重点实验室, 五星级酒店, 诺贝尔奖科学家实验室.

A head noun (学校, 实验室, 酒店, 研究中心) names one body only when its modifier says which one: a
place (深圳歌剧院), a brand or a word a dictionary does not hold (美高梅酒店), a person. A modifier made
only of designation, quality, level or sector words (卓越, 重点, 五星级, 工程技术, 中小学教育) names a
class of bodies: the government report is describing a kind, and no node may be made of it.

Two tests, for two strengths of head:
- `is_category` (for heads that almost always end a name: 大学, 集团, 银行, 研究中心): the modifier is
  a category when its last word is a designation (重点, 示范, 五星级, 一级), its last word is a class
  of persons with no person's name before it (诺贝尔奖科学家, 院士), or every word is a category word
  (lexicon/name_generic_words.txt and name_category_words.txt);
- `has_proper_word` (for weak heads, which a report uses for kinds as often as for names: 酒店,
  图书馆, 体育场): the modifier must hold a place, a national prefix (国家, 中国), a word jieba tags as
  a name or does not know, or a rare word.
jieba runs only on the short modifier, cached (the cost is measured in bench/).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .category_compounds import is_category_compound
from .lexicon import word_set
from .words import cut_words, tagger

# jieba tags of names: places, persons, organisations, other proper nouns, abbreviations, place words
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "j", "s"})
# tags of a word that owns a body set up for a class of persons (深圳青年学院, 张三院士工作站)
_OWNER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz"})
_ORDINAL = re.compile(r"^第[一二三四五六七八九十百零0-9]+$")
# 一所, 两家, 若干, 各, 每: quantities and distributives that open a class, never a name
_QUANTITY = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十百千两几多若干各每首个]+)[所家个座批类项大支只处]?$")
# 国家级, 省级, 五星级, 三级, 一级, 三甲: a level or grade
_LEVEL = re.compile(r"^(?:(?:国家|省部|省市|市区|省|市|区|县|乡镇|乡|镇|街道|社区|村|地市|世界|国际)级|[一二三四五六七八九十两0-9]+星?级"
                    r"|[0-9一二三四五六七八九十百千万亿]*[百千万亿]级"
                    r"|[高超]?星级|[一二三四五六七八九十]甲|[0-9]A级?)$")
# the nation's and the capital's own venues (国家大剧院, 中国美术馆, 首都国际会展中心)
_NATIONAL = frozenset({"国家", "中国", "中华", "首都", "中央"})
# landform characters that end a place's name inside a modifier (安托山博物馆, 渔民村博物馆)
_PLACE_MORPHEMES = frozenset("山湾村岭湖河岛角洲峰坑岗埔")
_FUNCTION_CHARS = frozenset("的和与及等在之是为对将")
# jieba counts at or below which a word is rare enough to be a proper part of a name (前海 19, 蛇口 ..)
_RARE = 200


@lru_cache(maxsize=1)
def category_words() -> frozenset[str]:
    return frozenset(word_set("name_generic_words.txt") | word_set("name_category_words.txt"))


@lru_cache(maxsize=1)
def _sector_words() -> frozenset[str]:
    return frozenset(word_set("name_category_words.txt"))


@lru_cache(maxsize=1)
def _designations() -> frozenset[str]:
    return frozenset(word_set("name_designations.txt"))


@lru_cache(maxsize=1)
def _person_classes() -> frozenset[str]:
    return frozenset(word_set("name_person_classes.txt"))


def _is_designation(w: str) -> bool:
    return w in _designations() or bool(_LEVEL.match(w))


def _words(modifier: str) -> list[str]:
    words = [w for w in cut_words(modifier) if w.strip("“”\"·-－—")]
    while words and _QUANTITY.match(words[0]):
        words = words[1:]
    return words


@lru_cache(maxsize=65536)
def is_category(modifier: str, head: str = "") -> bool:
    """Whether `head` after `modifier` names a class of bodies rather than one (see the module)."""
    jieba, tags = tagger()
    if head and tags.get(modifier + head) == "nt" and modifier not in _sector_words():
        return False     # 世界银行, 中国银行: a name jieba's dictionary holds whole (上市公司 is no name)
    words = _words(modifier)
    if not words:
        return True
    if (words[0] == "中国" and not any(_is_designation(w) for w in words)) or any(_ORDINAL.match(w) for w in words):
        return False     # 中国海洋大学, 市第九高级中学: the nation's own, or a numbered one
    last = words[-1]
    owners = [w for w in words[:-1] if _owns(w)]
    if _is_designation(last):
        # 深圳市重点实验室 is a class; 华强特色学院 is one college
        return not any(not _is_place(w) for w in owners)
    if last in _person_classes() and not owners:
        return True      # 诺贝尔奖科学家实验室, 院士工作站 (but 张三院士工作站)
    generic = category_words()
    return all(w in generic or _is_designation(w) or w in _person_classes() or is_category_compound(w, head) for w in words)


def _owns(w: str) -> bool:
    """Whether word `w` can make what follows one body's: a place, a person, an organisation, a brand."""
    _, tags = tagger()
    if w in category_words() or w.endswith("奖"):
        return False     # a prize names a class of winners (诺贝尔奖科学家), not an owner
    return tags.get(w) in _OWNER_TAGS or _is_place(w)


def is_known_place(w: str) -> bool:
    """Whether the gazetteer holds `w` whole (深圳, 宝安区, 香港)."""
    from .places import gazetteer
    return w in gazetteer().matcher


def _is_place(w: str) -> bool:
    from .places import gazetteer
    return bool(gazetteer().matcher.find(w))


@lru_cache(maxsize=65536)
def has_proper_word(modifier: str) -> bool:
    """Whether `modifier` holds a word that can make a weak head a name (see the module)."""
    from .places import gazetteer
    if is_category(modifier):
        return False
    if any(_ORDINAL.match(w) for w in _words(modifier)):
        return True          # 市第二图书馆
    if "“" in modifier or "”" in modifier:
        return True
    jieba, tags = tagger()
    generic = category_words()
    if gazetteer().matcher.find(modifier):
        return True
    words = _words(modifier)
    singles = 0
    for i, w in enumerate(words):
        if w in _NATIONAL:
            return True
        if len(w) == 1 and w in _PLACE_MORPHEMES and i > 0:
            return True      # 安托|山, 渔民|村, 赤|湾: a place named by its landform
        singles = singles + 1 if len(w) == 1 and w not in _FUNCTION_CHARS and not w.isdigit() else 0
        if singles >= 2:
            return True      # 前|海, 坝|光, 国|深: characters jieba could not join into a word
        if w in generic or _is_designation(w):
            continue
        tag = tags.get(w)
        if tag in _PROPER_TAGS or (tag is None and len(w) > 1):
            return True
        if len(w) > 1 and jieba.dt.FREQ.get(w, 0) <= _RARE:
            return True
    return False
