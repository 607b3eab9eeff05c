"""Counties and districts of the report's own province by their short names, as items of a 、-list (issue 13,
session 13): 推动连南、连山、乳源等民族地区高质量发展 (连南瑶族自治县, 连山壮族瑶族自治县, 乳源瑶族自治县),
支持东源、龙川、紫金等县发展.

The gazetteer gives short forms to provinces and cities only, and `places._home_short_names` reads the short
names of the report's own city's districts; a provincial report lists its counties the same way, by the name
without 县/区 and the ethnic groups of an autonomous county. Across the country a bare two-character name may be
anything (资源县, 公安县, 新建区, 平安区 are counties and common words), so a short name counts only where
 - the county lies in the report's own province (national and foreign reports have none),
 - it is no common word (jieba's count no higher than a district's own short name: `places.is_rare_word`)
   and no stop word (`place_short_stop.txt`),
 - it stands as a 、-list item (bounded by 、, 和/与/及, 等 or the clause's edge, not cut out of a word), and
 - a second item of the same list is such a short name too (one list, one kind).
A place found under the same name in the same span is left to the finder that found it (the overlap rules keep
the longer one).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

import ahocorasick_rs

from .lexicon import word_set
from .mentions import Mention
from .places import PlaceInfo, gazetteer, is_rare_word
from .words import straddles_words

if TYPE_CHECKING:
    from .resolve import ReportContext

# the suffix of a county-level name and the ethnic groups an autonomous county names before 自治县
_SUFFIX = re.compile(r"(?:自治县|自治旗|县|区|旗)$")
_ETHNIC = re.compile("(?:" + "|".join(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 "
    "土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 "
    "独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各".split()) + ")族?$")
_ITEM_LEFT = "、，,：:；;（(和与及"
_ITEM_RIGHT = "、，,。；;）)和与及等"
_CLAUSE = re.compile(r"[^，。；：！？\n]+")


def county_short(name: str) -> str | None:
    """连南瑶族自治县 -> 连南, 海丰县 -> 海丰, 潮阳区 -> 潮阳; None when fewer than two characters remain."""
    short = _SUFFIX.sub("", name)
    if name.endswith(("自治县", "自治旗")):
        while (stripped := _ETHNIC.sub("", short)) != short and len(stripped) >= 2:
            short = stripped
        if _ETHNIC.sub("", short) == "":
            return None  # 鄂温克族自治旗: what is left names the people, not the banner
    return short if len(short) >= 2 and short != name else None


@lru_cache(maxsize=None)
def _province_units(province: str) -> tuple[tuple[PlaceInfo, str], ...]:
    """The county-level units of `province` whose short names are neither stop words nor common words, and
    name one unit of the province only."""
    g = gazetteer()
    stop = word_set("place_short_stop.txt")
    by_short: dict[str, list[PlaceInfo]] = {}
    for variants in g.variants.values():
        for v in variants:
            if v.kind != "district" or v.foreign:
                continue
            parent = g.places.get(v.parent)
            if v.parent != province and (parent is None or parent.parent != province):
                continue
            short = county_short(v.name)
            if short and short not in stop and short not in g.places and is_rare_word(short):
                by_short.setdefault(short, []).append(v)
    return tuple((vs[0], s) for s, vs in by_short.items() if len(vs) == 1)


@lru_cache(maxsize=None)
def _finder(province: str) -> Callable[[str], list[tuple[int, int, int]]]:
    units = _province_units(province)
    if not units:
        return lambda text: []
    auto = ahocorasick_rs.AhoCorasick([s for _, s in units])
    return lambda text: auto.find_matches_as_indexes(text, overlapping=True)


def _is_item(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] stands as an item of a 、-list: a list mark beside it, an item edge on each side."""
    before, after = text[s - 1:s] if s else "", text[e:e + 1]
    if "、" not in (before, after):
        return False
    if after and after not in _ITEM_RIGHT:
        return False
    return before in _ITEM_LEFT or not straddles_words(text, s, e)


def find_listed_county_shorts(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    """Place mentions of the report's province's counties named by their short forms in 、-lists of `text`."""
    province = ctx.province
    if province is None or province.foreign or "、" not in text:
        return []
    units = _province_units(province.name)
    hits = [(s, e, units[i]) for i, s, e in _finder(province.name)(text) if _is_item(text, s, e)]
    if len(hits) < 2:
        return []
    out: list[Mention] = []
    for c in _CLAUSE.finditer(text):
        inside = [h for h in hits if c.start() <= h[0] and h[1] <= c.end()]
        if len(inside) < 2:
            continue
        for s, e, (info, short) in inside:
            out.append(Mention("Place", base + s, base + e, short, info.canonical, {short},
                               {"kind": info.kind, "foreign": False, "gazetteer": info.name}))
    return out
