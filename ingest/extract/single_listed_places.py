"""One place named before 等 and a class of places (issue 13, session 10).

A district report often names one example of a kind of place: 加快后海等重点片区开发建设, 推动黎光等物流园建设,
推动半天云等有价值古村落保护, 推进大鹏所城等文物保护. enumerations.py reads lists of two or more items (A、B等片区);
a single item gives no list to vouch for it, so it must look like a proper name on its own:
- the class noun after 等 (and up to six characters of description: 有价值, 重点) is a class of places
  (`enumeration_classes.tsv`, label Place, and `single_place_classes.txt`);
- the item is the text before 等 after the clause's opening verbs, adverbs and prepositions
  (name_shapes.clause_lead), two to four characters, no 、 before it in the clause (that is a list);
- it holds a name's word (a place, person or body word or abbreviation to jieba, a word jieba does not know,
  two single characters it could not join: 后|海), no verb and no place word of common speech (长城|开发,
  地下|管网), is not one common word (棚户区, 儿童乐园) and no category (traps.is_category).
The item is the place itself (后海 is the 片区, 黎光 the 物流园's name), so it is not completed with the class.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .enumerations import _classes
from .lexicon import word_set
from .mentions import Mention
from .name_shapes import clause_lead
from .traps import is_category, is_known_place
from .words import cut_words, tagger

_BEFORE = 10
_MIN, _MAX = 2, 4
_NAME_TAGS = ("ns", "nr", "nt", "j")


@lru_cache(maxsize=1)
def _rx() -> re.Pattern:
    classes = {c for c, label in _classes().items() if label == "Place"} | word_set("single_place_classes.txt")
    heads = "|".join(map(re.escape, sorted(classes, key=len, reverse=True)))
    # a count may follow 等 (IBC等2家珠宝主题园区, 万科云设计公社等2-3个园区): the other examples go unnamed
    return re.compile(rf"等(?:[0-9两一二三四五六七八九十]+(?:[-—~至][0-9两一二三四五六七八九十]+)?[个家所座处大批])?"
                      rf"(?:[^，。；：、\s“”《》（）0-9]{{0,6}}?)(?:{heads})")


def _proper_item(item: str) -> bool:
    """A name on its own: no category, no verb or place word of common speech (长城|开发, 地下|管网), not one
    common word (棚户区, 儿童乐园), and a name's word: a place, person or body word, an abbreviation, a word
    jieba does not know, or two single characters it could not join (后|海)."""
    _, tags = tagger()
    longest = _MAX + 1 if is_known_place(item[:2]) else _MAX   # 平湖|海吉星: a place opens a five-character name
    if not _MIN <= len(item) <= longest or is_category(item):
        return False
    words = cut_words(item)
    wtags = [tags.get(w) for w in words]
    if any(t and (t.startswith("v") or t == "s") for t in wtags):
        return False
    if len(words) == 1:
        return wtags[0] in _NAME_TAGS or wtags[0] is None
    return (any(t in _NAME_TAGS + ("nz",) or t is None for t in wtags)
            or any(len(a) == 1 == len(b) for a, b in zip(words, words[1:])))


def find_single_listed_places(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of the one name before 等 and a class of places in passage `text` (at `base`)."""
    out: list[Mention] = []
    if "等" not in text:
        return out
    taken = [(m.start - base, m.end - base) for m in found if m.label != "Measure"]
    for m in _rx().finditer(text):
        at = m.start()
        lo = at
        while lo > max(0, at - _BEFORE) and text[lo - 1] not in "，。；：、\n“”《》（）()":
            lo -= 1
        if lo > 0 and text[lo - 1] == "、":
            continue   # a list: enumerations.py's
        region = text[lo:at]
        item = region[clause_lead(region):]
        if not _proper_item(item):
            continue
        s = at - len(item)
        if any(a < at and s < b for a, b in taken):
            continue   # another finder named it already (or something longer holds it)
        out.append(Mention("Place", base + s, base + at, item, item, set(), {"listed": "single"}))
    return out
