"""Places: Chinese divisions, foreign countries and cities (gazetteers), venues (by suffix)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

import ahocorasick_rs

from .lexicon import Matcher, table, word_list, word_set
from .mentions import Mention
from .spans import expand_left
from .traps import has_proper_word
from .words import straddles_words
from .word_alignment import cut_out_of_words

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext


@dataclass(frozen=True)
class PlaceInfo:
    name: str           # gazetteer name (东城区, 日本, 东京都)
    kind: str           # country, province, city, district
    parent: str         # gazetteer name of the parent, '' for countries and provinces
    foreign: bool
    name_en: str | None = None
    ambiguous: bool = False   # the same name exists under another parent

    @property
    def canonical(self) -> str:
        # Two districts of one name (南山区 of Shenzhen and of Hegang) must never merge.
        return f"{self.parent}{self.name}" if self.ambiguous and self.parent else self.name


# the ethnic groups in the names of autonomous prefectures (延边朝鲜族自治州 -> 延边)
_ETHNIC = ("朝鲜族", "土家族", "布依族", "哈尼族", "景颇族", "傈僳族", "蒙古族", "苗族", "藏族", "羌族", "彝族",
           "侗族", "壮族", "傣族", "白族", "回族", "蒙古", "哈萨克", "柯尔克孜")


def _prefecture_short(name: str) -> str:
    """The short form of a prefecture, league or autonomous prefecture (那曲地区 -> 那曲, 锡林郭勒盟 ->
    锡林郭勒, 甘孜藏族自治州 -> 甘孜), which reports write as often as the full name; the table gives
    short forms for cities only."""
    short = re.sub(r"(?:地区|盟|自治州)$", "", name)
    while short.endswith(_ETHNIC):
        short = short[:-len(next(e for e in _ETHNIC if short.endswith(e)))]
    return short if short != name else ""


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, PlaceInfo] = {}
        surfaces: dict[str, str] = {}
        short_stop = word_set("place_short_stop.txt")
        seen: dict[str, int] = {}
        self.variants: dict[str, list[PlaceInfo]] = {}
        cn_rows = table("cn_places.tsv")
        for name, *_ in cn_rows:
            seen[name] = seen.get(name, 0) + 1
        for name, kind, parent, short in cn_rows:
            if name in short_stop:
                continue
            if kind == "city" and not short:
                short = _prefecture_short(name)
            info = PlaceInfo(name, kind, parent, False, None, seen[name] > 1)
            # For an ambiguous name keep the first entry; resolution prefers the report's own city.
            self.places.setdefault(name, info)
            self.variants.setdefault(name, []).append(info)
            surfaces.setdefault(name, name)
            if short and short not in short_stop and len(short) >= 2:
                surfaces.setdefault(short, name)
        for zh, en, others in table("countries.tsv"):
            info = PlaceInfo(zh, "country", "", True, en)
            self.places[zh] = info
            surfaces[zh] = zh
            for o in filter(None, others.split(",")):
                if o not in short_stop:
                    surfaces.setdefault(o, zh)
        for zh, kind, parent, en, others in table("foreign_places.tsv"):
            amb = zh in self.places
            info = PlaceInfo(zh, kind, parent, True, en or None, amb)
            if amb:
                self.variants.setdefault(zh, []).append(info)
                continue
            self.places[zh] = info
            surfaces[zh] = zh
            for o in filter(None, others.split(",")):
                surfaces.setdefault(o, zh)
            if kind == "city" and not zh.endswith("市"):
                surfaces.setdefault(zh + "市", zh)
        for zh, foreign, en, others in table("regions.tsv"):
            # 粤港澳大湾区, 东南亚: regions that are neither a division nor a country
            if zh in self.places:
                continue
            self.places[zh] = PlaceInfo(zh, "region", "", foreign == "1", en or None)
            surfaces.setdefault(zh, zh)
            for o in filter(None, others.split(",")):
                surfaces.setdefault(o, zh)
        for zh, en, others in table("natural_places.tsv"):
            # 长江, 洞庭湖, 大兴安岭: named geography (a division of the same name keeps its entry)
            if zh in self.places:
                continue
            self.places[zh] = PlaceInfo(zh, "natural", "", False, en or None)
            surfaces.setdefault(zh, zh)
            for o in filter(None, others.split(",")):
                surfaces.setdefault(o, zh)
        for w in word_list("place_blocks.txt"):
            surfaces.setdefault(w, "")   # matched, then resolved to nothing
        self.matcher = Matcher(surfaces.items())

    def districts_of(self, city: str) -> list[PlaceInfo]:
        """The districts whose parent is `city` (深圳市 -> 罗湖区 … 深汕特别合作区)."""
        if not hasattr(self, "_children"):
            self._children: dict[str, list[PlaceInfo]] = {}
            for variants in self.variants.values():
                for v in variants:
                    if v.kind == "district" and not v.foreign:
                        self._children.setdefault(v.parent, []).append(v)
        return self._children.get(city, [])

    def chain(self, name: str) -> list[PlaceInfo]:
        """The place and its parents up to the country or province."""
        out = []
        cur = self.places.get(name)
        while cur is not None and len(out) < 5:
            out.append(cur)
            cur = self.places.get(cur.parent) if cur.parent else None
        return out

    def resolve(self, name: str, near: set[str]) -> PlaceInfo | None:
        """Pick the variant whose parent is among the places in view (the report's city, the sentence)."""
        variants = self.variants.get(name)
        if variants and len(variants) > 1:
            for v in variants:
                if v.parent in near:
                    return v
        return self.places.get(name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


# districts named by location words only (老城区 of 洛阳, 新城区, 城区, 郊区, 市中区): phrases as often as places
_GENERIC_DISTRICT = re.compile(r"^[城郊矿市中东西南北老新]{1,2}区$")


def _generic_district_ok(info: PlaceInfo, text: str, near: set[str]) -> bool:
    """A district named by location words only counts where its city is in view (走出一条老城区创新发展新路
    in a 罗湖 report is an old town, not 洛阳's 老城区)."""
    if info.kind != "district" or not _GENERIC_DISTRICT.match(info.name):
        return True
    return info.parent in near or info.parent in text or (len(info.parent) > 2 and info.parent[:-1] in text)


# 我区/本市 stand for the report's own place (but not 我区政府, which is a body)
_FIRST_PERSON_PLACE = re.compile(r"(?:我|本)(区|市|省)(?!政府|委|人大|政协|[\u4e00-\u9fff]{0,3}(?:局|办))")


def _free_start(text: str, s: int, place_ends: set[int]) -> bool:
    """Whether a word may begin at s: text start, non-Chinese before, a place or a boundary word."""
    if s == 0 or s in place_ends or not ("\u4e00" <= text[s - 1] <= "\u9fff"):
        return True
    words = word_set("boundary_words.txt")
    return any(text[max(0, s - k):s] in words for k in (1, 2, 3))


@lru_cache(maxsize=1)
def _venue_re() -> re.Pattern:
    sufs = sorted(word_set("venue_suffixes.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, sufs)) + ")")


_LEVEL_SUFFIX = re.compile(r"(?:特别合作区|新区|自治县|自治州|区|县|市|省)$")
# jieba counts above which a sibling district's short name is an ordinary word (光明 1219, 朝阳 767,
# 东城 593); below it the short name is the district's (南山 310, 福田 108, 龙岗 19, 大鹏 43)
_SIBLING_COMMON = 500


def is_rare_word(word: str) -> bool:
    """Whether jieba counts `word` no more often than a district's own short name (_SIBLING_COMMON)."""
    from .words import tagger
    return tagger()[0].dt.FREQ.get(word, 0) <= _SIBLING_COMMON


@lru_cache(maxsize=4096)
def _short_name(info: PlaceInfo) -> str | None:
    short = _LEVEL_SUFFIX.sub("", info.name)
    return short if len(short) >= 2 and short != info.name else None


def _short_mentions(text: str, base: int, info: PlaceInfo, short: str, alone: bool = False) -> list[Mention]:
    """Mentions of `info` by its short name; `alone`: only where the name stands by itself, before a
    punctuation mark or a conjunction (盐田-大鹏-深汕, 龙岗和坪山), not opening a longer name
    (房山校区, 昌平南口)."""
    out = []
    i = text.find(short)
    while i != -1:
        e = i + len(short)
        nxt = text[e:e + 1]
        if alone and nxt and ("\u4e00" <= nxt <= "\u9fff" and nxt not in "和与及等") and not _verb_follows(text, e):
            i = text.find(short, e)
            continue
        if not text.startswith(info.name[len(short):], e) and not straddles_words(text, i, e):
            out.append(Mention("Place", base + i, base + e, short, info.canonical, {short},
                               {"kind": info.kind, "foreign": False, "gazetteer": info.name}))
        i = text.find(short, e)
    return out


def _verb_follows(text: str, at: int) -> bool:
    """Whether a verb of two or more characters follows `at` (与坪山|共建, 龙岗|联动): the short name before it
    stands alone as the clause's actor or partner (session 10; a head or noun after it would open a longer
    name: 房山校区)."""
    from .words import cut_words, tagger
    words = cut_words(text[at:at + 4])
    _, tags = tagger()
    return bool(words) and len(words[0]) >= 2 and tags.get(words[0]) in ("v", "vd", "vi")


def _home_short_names(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    """The report's own district, city or province by its short name (坪山 for 坪山区 in 坪山区's report),
    and the other districts and subdistricts of its city where they stand alone (盐田-大鹏-深汕 in 盐田区's
    report, 燕罗 in 宝安区's).

    Only the report's own places and their siblings: their short names are unambiguous there, while
    across the country a bare two-character name (平湖, 南山) may be anything.
    """
    out = []
    if ctx.levels_from_text:
        return out   # a city read from the text is not the report's own place (坪山 in 坪山新区's 2014 report)
    own = [info for info in (ctx.district, ctx.city, ctx.province) if info is not None and not info.foreign]
    for info in own:
        short = _short_name(info)
        if short:
            out += _short_mentions(text, base, info, short)
    city = ctx.city.name if ctx.city is not None else None
    if city is None or ctx.city.foreign:
        return out
    present = _short_unit_finder(city)(text)
    for info, short in _short_named_units(city):
        if short in present and info not in own:  # the substring test first: 55k dataclass comparisons per 90k characters otherwise
            out += _short_mentions(text, base, info, short, alone=True)
    return out


@lru_cache(maxsize=None)
def _short_unit_finder(city: str) -> Callable[[str], set[str]]:
    """Which short names of `city`'s units occur in a text (overlapping occurrences count: `short in text`
    for each), in one automaton scan: testing the ~70 names of Shenzhen one by one was 1.5% of build_batch."""
    shorts = list(dict.fromkeys(short for _, short in _short_named_units(city)))
    if not shorts:
        return lambda text: set()
    auto = ahocorasick_rs.AhoCorasick(shorts)  # the standard match kind: the only one that reports overlaps
    return lambda text: {shorts[i] for i, _, _ in auto.find_matches_as_indexes(text, overlapping=True)}


@lru_cache(maxsize=None)
def _short_named_units(city: str) -> tuple[tuple[PlaceInfo, str], ...]:
    """The districts of `city` and its subdistricts (燕罗街道 of 宝安区, subdistricts.tsv) whose short names
    (龙岗, 燕罗) are no stop word and no common word; a subdistrict's short name that is also a district's
    (南山, 龙岗) is the district's. Built once per city: reports read it in every passage."""
    from .words import tagger
    jieba, _ = tagger()
    stop = word_set("place_short_stop.txt")
    districts = [(d, _short_name(d)) for d in gazetteer().districts_of(city)]
    taken = {short for _, short in districts}
    units = [(PlaceInfo(name, "subdistrict", district, False), name.removesuffix("街道"))
             for name, district, c in table("subdistricts.tsv") if c == city]
    units = [(info, short) for info, short in units if short not in taken]
    return tuple((info, short) for info, short in districts + units
                 if short and short not in stop and jieba.dt.FREQ.get(short, 0) <= _SIBLING_COMMON)


def find_places(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    """Gazetteer places and suffix-built venues in one passage (`base` = its offset in the report)."""
    from .far_places import far_county_short  # far_places reads this module's gazetteer: imported late
    g = gazetteer()
    out: list[Mention] = []
    near = set(ctx.place_names)
    found = g.matcher.find(text)
    ends = {e for _, e, _, _ in found}
    written_before: dict[int, str] = {}   # end offset -> place name: 鹤岗市 right before 南山区 picks Hegang's
    for s, e, key, name in found:
        # A place name glued inside a longer word is not the place: 中山 in 中山大学 is handled by
        # the overlap resolution in favour of the organisation.
        info = g.resolve(name, {written_before[s]} if s in written_before else near)
        if info is not None and s in written_before and info.parent != written_before[s]:
            info = g.resolve(name, near)
        if info is None or not _generic_district_ok(info, text, near) or far_county_short(info, key, text, ctx.province):
            continue
        if len(key) == 2 and key == name and info.kind != "natural" and not _free_start(text, s, ends):
            continue  # 范县 in 示范县, 城区 in 老城区: a one-character stem needs a word boundary before it
        if len(key) == 2 and straddles_words(text, s, e):
            continue  # 衡水 in 均衡|水平: each character belongs to a word with its neighbour
        if len(key) <= 3 and cut_out_of_words(text, s, e, key != name):
            continue  # 费城市 in 消费|城市, 高密 in 高密度 (word_alignment.py)
        if info.kind == "region" and text[e:e + 1] == "部":
            continue  # 中东部地区 is the centre and east of China, not the Middle East
        written_before[e] = info.name
        out.append(Mention("Place", base + s, base + e, key, info.canonical, {key, info.name} - {info.canonical},
                           {"kind": info.kind, "foreign": info.foreign, "gazetteer": info.name},
                           info.name_en))
    for m in _FIRST_PERSON_PLACE.finditer(text):
        info = ctx.level(m.group(1))
        if info is not None:
            out.append(Mention("Place", base + m.start(), base + m.end(), m.group(0), info.canonical, {m.group(0)},
                               {"kind": info.kind, "foreign": False, "gazetteer": info.name}))
    out += _home_short_names(text, base, ctx)
    from .name_shapes import clause_lead  # name_shapes -> foreign_ties -> places: imported late
    stop = word_set("venue_stop.txt")
    for m in _venue_re().finditer(text):
        s = expand_left(text, m.start(), min_len=2, max_len=10)
        if s is None:
            continue
        cut = clause_lead(text[s:m.start()])
        if m.start() - (s + cut) >= 2:
            s += cut  # 启动|深圳自然博物馆, 包含|宝安图书馆
        name = text[s:m.end()]
        if name in stop or text[s:m.start()] in stop or not has_proper_word(text[s:m.start()]):
            continue  # 五星级酒店, 社区图书馆, 港口航运博物馆: a kind of venue, not one (traps.py)
        out.append(Mention("Place", base + s, base + m.end(), name, name, set(), {"kind": "venue"}))
    return out
