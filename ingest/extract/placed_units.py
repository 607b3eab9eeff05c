"""A parent organisation written inside its unit's name, with a place marking where the parent ends.

Chinese universities, academies and firms name their branches by the parent's full name, then the place
of the branch, then the unit: 南开大学|深圳|研究院, 北京大学|深圳|医院, 中国科学院|深圳|先进技术研究院,
上海交通大学|深圳|研究院|技术转移中心; a campus is the parent with the place in brackets: 香港中文大学（深圳）,
哈尔滨工业大学（深圳）, 电子科技大学（深圳）. The place is where the parent's name ends, whatever the length
of the parent's own modifier (南开 has two characters, which structure._PARENT_SUFFIX needs three of).
A bracket that holds no place is no campus: 深圳技术大学（筹） is a university being founded.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .places import gazetteer

# the suffixes of a body that has branches: a unit is not named after a centre or an office
# 实验室 from session 12: labs place their units too (深圳湾实验室|坪山|转化中心)
# 研修院 (a training academy: 市人才研修院|大鹏|分院)
_PARENT = r"[\u4e00-\u9fff]{2,16}?(?:大学|学院|科学院|研究院|研修院|集团|公司|银行|医院|实验室)"
# a campus after a middle dot (中山大学·深圳) as well as in brackets
_CAMPUS = re.compile(rf"^({_PARENT})(?:（([\u4e00-\u9fff]{{2,6}})）|·([\u4e00-\u9fff]{{2,3}}))$")
_PLACED = re.compile(rf"^({_PARENT})([\u4e00-\u9fff]{{2,4}}?)([\u4e00-\u9fff]{{0,8}}?)"
                     r"(研究生院|研究院|研究所|医院|分院|校区|院区|分行|分公司|实验室|中心|学院)")


_DIVISION_LEVELS = ("区", "县", "新区")


@lru_cache(maxsize=1)
def _unit_heads() -> tuple[str, ...]:
    return tuple(sorted(word_list("org_unit_heads.txt"), key=len, reverse=True))


def is_named_place(word: str) -> bool:
    """Whether `word` is a place name of the gazetteer as a whole (深圳, 广州, 盐田), or a district's or
    county's short name that is no common word (session 12: 深圳大学|龙岗|创新研究院)."""
    return _is_gazetteer_place(word) or _is_short_division(word)


def _is_gazetteer_place(word: str) -> bool:
    g = gazetteer()
    return any(s == 0 and e == len(word) and payload for s, e, _k, payload in g.matcher.find(word))


@lru_cache(maxsize=4096)
def _is_short_division(word: str) -> bool:
    """龙岗 (龙岗区), 坪山 (坪山区), 大鹏 (大鹏新区): the gazetteer holds the division with its level word and
    the gazetteer's own short forms only for cities. A short name jieba counts as a common word (光明 1219,
    朝阳 767) is left out, by the threshold places.py uses for siblings' short names."""
    from .places import is_rare_word
    if len(word) < 2 or not is_rare_word(word):
        return False
    return any(_is_gazetteer_place(word + level) for level in _DIVISION_LEVELS)


@lru_cache(maxsize=8192)
def placed_parent(name: str) -> str | None:
    """The parent named at the start of `name` before a place (see the module); None if there is none."""
    m = _CAMPUS.match(name)
    if m is not None:
        return m.group(1) if is_named_place(m.group(2) or m.group(3)) else None
    m = _PLACED.match(name)
    if m is None or not is_named_place(m.group(2)):
        return None
    return m.group(1)


@lru_cache(maxsize=8192)
def middle_unit(name: str, parent: str) -> str | None:
    """The unit between `parent` and the rest of `name` when a place opens it and more units follow:
    上海交通大学深圳研究院技术转移中心 with parent 上海交通大学 -> 上海交通大学深圳研究院."""
    if not name.startswith(parent):
        return None
    m = _PLACED.match(name)
    if m is None or m.group(1) != parent or not is_named_place(m.group(2)):
        return None
    mid = m.group(0)
    rest = name[len(mid):]
    return mid if len(rest) >= 4 and rest.endswith(_unit_heads()) else None
