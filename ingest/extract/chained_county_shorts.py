"""A county or district by its short name right after its province or city (issue 13, session 13):
区委区政府…到广西田林、广东汕尾城区开展对接帮扶, 助力广西南宁隆安、马山、上林县, 西藏察隅顺利脱贫摘帽.

Reports name a county far from home by its short name (without 县/区 and an autonomous county's peoples) with
the place above it in front, as 「省市县」 chains are written: the province or city found just before makes the
short name safe where, alone, it could be anything. The short name must not be a common word or a stop word
(`listed_county_shorts.county_short`, `places.is_rare_word`) and must end there: punctuation, 和/与/及/等, or a
verb or adverb of two or more characters after it (田林|六隆镇 opens a longer name and is left alone).
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import word_set
from .listed_county_shorts import county_short
from .mentions import Mention
from .places import PlaceInfo, gazetteer, is_rare_word
from .words import cut_words, tagger

_AFTER = "、，,。；;：:）)和与及等"
# what may follow the short name when a word does: a verb or an adverb of two or more characters (田林|开展,
# 察隅|顺利); a noun after it would continue a longer name (田林|六隆镇)
_AFTER_TAGS = frozenset({"v", "vd", "vi", "vn", "d", "ad", "p", "c"})


@lru_cache(maxsize=1)
def _units_under() -> dict[str, tuple[tuple[str, PlaceInfo], ...]]:
    """Gazetteer name of a province or city -> the (short name, unit) of the county-level units under it."""
    g = gazetteer()
    stop = word_set("place_short_stop.txt")
    out: dict[str, list[tuple[str, PlaceInfo]]] = {}
    for variants in g.variants.values():
        for v in variants:
            if v.kind != "district" or v.foreign:
                continue
            short = county_short(v.name)
            if not short or short in stop or short in g.places or not is_rare_word(short):
                continue
            out.setdefault(v.parent, []).append((short, v))
            parent = g.places.get(v.parent)
            if parent is not None and parent.parent:
                out.setdefault(parent.parent, []).append((short, v))
    return {k: tuple(sorted(vs, key=lambda x: -len(x[0]))) for k, vs in out.items()}


def _ends_here(text: str, e: int) -> bool:
    nxt = text[e:e + 1]
    if not nxt or nxt in _AFTER or not ("\u4e00" <= nxt <= "\u9fff"):
        return True
    words = cut_words(text[e:e + 4])
    return bool(words) and len(words[0]) >= 2 and tagger()[1].get(words[0]) in _AFTER_TAGS


def find_chained_county_shorts(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of the short-named counties written right after their province or city in `text`."""
    units = _units_under()
    taken = {m.start - base for m in found if m.label == "Place"}
    out: list[Mention] = []
    for m in found:
        parent = m.props.get("gazetteer") if m.label == "Place" else None
        if not parent or parent not in units:
            continue
        s = m.end - base
        if s in taken:
            continue
        for short, info in units[parent]:
            e = s + len(short)
            if text.startswith(short, s) and _ends_here(text, e):
                out.append(Mention("Place", base + s, base + e, short, info.canonical, {short},
                                   {"kind": info.kind, "foreign": False, "gazetteer": info.name}))
                taken.add(s)
                break
    return out
