"""A title conferred on a whole city, province or region is no place below it: 深圳物流枢纽, 大湾区国际消费枢纽,
深圳国家人工智能创新应用先导区, 美丽中国省域先行区.

Reports name what a city is to become with a designation head (枢纽, 先导区, 先行区, 引领区) after the
city's, province's or region's own name and words of function only (国际消费, 国家人工智能创新应用, 物流). That
names a role of the whole place (the window gold leaves such titles optional or lists them as traps), not a
place of its own; the place itself stays a mention. A place below the city (大鹏湾国家级海洋牧场示范区, 前海…合作
示范区) or another proper word in the rest (前海粤港澳大湾区合作示范区) keeps the name, and so does every other head
(广州人工智能与数字经济试验区 is a zone with borders). Dev windows: 4 false places out (w28, w36, w65), no right
one lost.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import word_set
from .mentions import Mention
from .places import gazetteer
from .words import cut_words, tagger

# not 示范区: the report gold names 深圳先行示范区 a place (017), and a 示范区 of a region spanning provinces
# is a zone with borders (长三角生态绿色一体化发展示范区, w20)
_HEADS = ("物流枢纽", "枢纽", "先导区", "先行区", "引领区")
_WIDE_KINDS = frozenset({"country", "province", "city", "region"})
# regions.tsv also holds zones written by a short name (前海, 横琴): they are below the city
_ZONE_ENDS = ("合作区", "新区", "园区", "科技园")
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})
_SPOT_TAGS = frozenset({"f", "s"})


@lru_cache(maxsize=1)
def place_heads() -> frozenset[str]:
    return word_set("place_heads.txt") | word_set("place_heads_short.txt")


def _wide_place_prefix(name: str) -> int:
    """The length of the province-, prefecture- or region-level place `name` opens with (0 if none).
    A county-level city (平湖市 under 嘉兴市) is no wide place: 平湖枢纽 is a station."""
    g = gazetteer()
    for k in range(min(len(name), 7), 1, -1):
        key = g.matcher.get(name[:k])
        info = g.places.get(key) if key else None
        if info is None or info.foreign or info.kind not in _WIDE_KINDS or info.name.endswith(_ZONE_ENDS):
            continue
        parent = g.places.get(info.parent) if info.parent else None
        if info.kind == "city" and parent is not None and parent.kind != "province":
            continue
        return k
    return 0


def is_wide_designation(name: str) -> bool:
    """Whether `name` is a designation head after a wide place and function words only."""
    head = next((h for h in _HEADS if name.endswith(h)), None)
    if head is None:
        return False
    k = _wide_place_prefix(name)
    if not k:
        return False
    _, tags = tagger()
    rest = [w for w in cut_words(name[k:len(name) - len(head)]) if w not in word_set("national_prefixes.txt")]
    # a part of the place (东部, 西北部) or a facility (机场) in the rest points at one spot: 深圳东部综合交通枢纽
    return all(tags.get(w) not in _PROPER_TAGS and tags.get(w) is not None and tags.get(w) not in _SPOT_TAGS
               and w not in place_heads() for w in rest)


def drop_wide_designations(ms: list[Mention]) -> list[Mention]:
    """`ms` without the shaped places that are titles of a whole city, province or region."""
    return [m for m in ms if not (m.label == "Place" and m.props.get("shape") and is_wide_designation(m.name))]
