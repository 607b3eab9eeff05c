"""A title given to a place is no place's name (issue 13, session 10).

District reports name what they make of a place with a level or designation word after it:
梅沙世界级都市型滨海旅游度假区, 盐田特色金融集聚区, 罗湖全域世界级商圈, 较场尾特色文化街区. The place is what stands
before the word (梅沙, 盐田, 较场尾); the rest is a title the plan confers (a world-class resort, a featured
finance cluster), which the window gold leaves optional or lists as a trap. A shaped place holding such a
word after two or more characters is cut to the place before it when that part names a place by itself
(traps.has_proper_word, and no category word: 华强北科技时尚文化特色街区 names a theme); a title with no clean
place of two to four characters before it (世界级临空经济带, 水贝黄金珠宝特色街区) is no place.
Known places (the gazetteer) and names quoted whole are left as they are.
"""
from __future__ import annotations

import re

from .mentions import Mention
from .traps import category_words, has_proper_word
from .words import cut_words

_TITLE_WORD = re.compile(r"世界级|(?<!中国)特色")   # 中国特色社会主义 is one phrase
_MIN_PLACE, _MAX_PLACE = 2, 4


def cut_place_titles(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """`ms` with each shaped place mention holding a title word cut to the place before it (or dropped)."""
    out = []
    for m in ms:
        t = _TITLE_WORD.search(m.surface) if m.label == "Place" and not m.props.get("gazetteer") else None
        if t is None or "“" in m.surface or "”" in m.surface:
            out.append(m)
            continue
        place = m.surface[:t.start()].rstrip("·—-")
        if not _MIN_PLACE <= len(place) <= _MAX_PLACE or not has_proper_word(place) or any(w in category_words() for w in cut_words(place)):
            continue   # 世界级临空经济带, 华强北科技时尚文化特色街区: a kind of place, or a place's theme
        m.end = m.start + len(place)
        m.aliases.discard(place)
        m.surface = m.name = place
        m.props["title"] = True
        out.append(m)
    return out
