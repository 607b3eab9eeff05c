"""Organisations named by the company they keep or by a short form (issue 13, session 5).

- A list holds one kind of thing: when a known organisation is one of its items and the class after 等 is
  firms or projects (企业, 项目, 集团, 品牌, 总部, 机构), the other items that look like names are organisations too (埃克森美孚、巴斯夫、中海壳牌等重大外资项目: 巴斯夫 is a company;
  碳云、京东总部等项目: 京东 is). A gazetteer place among them is left to the places.
- One name before 等 and a class of companies (支持天虹等传统零售企业创新): enumerations.py reads lists of
  two or more; one item is a name on the same terms (it must look like a name, not a trade).
- A hospital by its place or university and its number (中山七院, 湘雅二院): the short form of
  X大学附属第N医院.
- A unit written after its parent (市中医院光明院区, 深圳大学丽湖校区, and from session 8 a firm's regional
  unit: 敦豪公司华南区营运中心, after a parent ending in 公司/集团): the parent, then nothing or a
  place, region or proper word, then a unit head; PART_OF the parent comes from rules/structure.nested_units.
- A national body with its seat in brackets (中国（深圳）知识产权仲裁中心): 中国, a known place in brackets,
  then a run without clause openers ending in an organisation head or 中心.
- A national centre (国家超算深圳中心, 国家第三代半导体技术创新中心, 国家癌症中心|南方分中心): 国家 opening
  a name after a verb, a function word or punctuation, a modifier that is no category (国家医学中心,
  国家技术创新中心 name kinds) and no level (国家级), then 中心 or 分中心. After a name (金砖国家, 综合性|国家
  科学中心) 国家 opens none.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .enumerations import _name_part
from .mentions import Mention
from .name_shapes import clause_lead
from .organizations import known_organizations
from .name_shapes import _org_head_words
from .traps import has_proper_word, is_category, is_known_place
from .words import cut_words, tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

_ITEM = r"[^，。；：、\s“”《》（）()]{2,10}"
# a list ending in 等: its items, then whatever class follows (项目, 企业, 品牌…)
_LIST = re.compile(rf"(?P<items>(?:{_ITEM}、)+{_ITEM})等(?=[^，。；：、]{{0,8}}?(?:企业|项目|公司|集团|品牌|厂商|总部|机构|平台))")
# one item before 等 and a class of companies, the item not itself the end of a list
_BARE_LIST = re.compile(rf"(?:{_ITEM}、)+{_ITEM}")
_ONE = re.compile(r"等(?P<mod>[^，。；：、\s等]{0,6}?)(?:企业|公司|集团|厂商)(?!家|主|化)")
_ITEM_START = re.compile(r"[，。；：、\s“”《》（）()]")
_CLAUSE = re.compile(r"[^，。；：\n]+")
_NUMBERED_HOSPITAL = re.compile(r"(?P<who>[\u4e00-\u9fff]{2})(?P<n>[一二三四五六七八九十])院(?![区士长校系线落子内外])")
# tags of the words that can name a hospital's owner: places, persons, abbreviations, other proper nouns
_OWNER_TAGS = frozenset({"ns", "nr", "nz", "j", "nt"})
# tags of one word that is a firm's name on its own (天虹 nz, 美孚 nz); not j or ns (危化品, 中海 are no firms by tag)
_BRAND_TAGS = frozenset({"nz", "nr", "nt"})
_NUMERAL_CHARS = frozenset("一二三四五六七八九十百千两0123456789")


def _short_name(item: str) -> str | None:
    """The name an item ends with: a name by its shape (enumerations._name_part), or one word jieba tags
    as a proper noun of any kind (天虹 nz) after the clause's verbs (支持|天虹)."""
    name = _name_part(item)
    if name is not None:
        return name
    _, tags = tagger()
    rest = item[clause_lead(item):]
    words = cut_words(rest)
    if len(words) == 1 and len(rest) >= 2 and tags.get(rest) in _BRAND_TAGS:
        return rest
    return None


def _siblings(text: str, base: int, items: list[tuple[int, str]], known_starts: set[int], need: int,
              last_open: bool) -> list[Mention]:
    """The items of one list beside those a known organisation opens, when at least `need` are opened;
    `last_open`: the last item runs on into the clause (no 等 closes it), so its end is unknown."""
    # the item a known organisation opens (京东 in 京东总部; the first item may carry a verb)
    anchored = [k for k, (p, part) in enumerate(items)
                if any(p <= s < p + len(part) and (s == p or k == 0) for s in known_starts)]
    if len(anchored) < need:
        return []
    out = []
    for k, (p, part) in enumerate(items):
        if k in anchored or (last_open and k == len(items) - 1):
            continue
        name = _short_name(part)
        if name is None or (k > 0 and name != part) or is_known_place(name):
            continue
        s = p + len(part) - len(name)
        out.append(Mention("Organization", base + s, base + s + len(name), name, name, set(), {"listed": "siblings"}))
    return out


def _items(text: str, start: int, items: str) -> list[tuple[int, str]]:
    out, pos = [], start
    for part in items.split("、"):
        out.append((pos, part))
        pos += len(part) + 1
    return out


def _listed_siblings(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    known_starts = {s for s, _e, _k, _v in known_organizations().find(text)}
    if not known_starts:
        return out
    for c in _CLAUSE.finditer(text):
        if "、" not in c.group(0):
            continue
        closed = list(_LIST.finditer(text, c.start(), c.end()))
        for m in closed:
            out += _siblings(text, base, _items(text, m.start("items"), m.group("items")), known_starts, 1, False)
        if closed:
            continue
        # a list 等 does not close (组织长安汽车、赛力斯、京东方参展): two known firms vouch for the rest
        for m in _BARE_LIST.finditer(text, c.start(), c.end()):
            out += _siblings(text, base, _items(text, m.start(), m.group(0)), known_starts, 2, True)
    return out


def _single_items(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    for m in _ONE.finditer(text):
        lo = m.start()
        while lo > max(0, m.start() - 10) and not _ITEM_START.match(text[lo - 1]):
            lo -= 1
        if text[lo - 1:lo] == "、":
            continue  # the last item of a list: enumerations.py reads the whole list
        item = text[lo:m.start()]
        name = _short_name(item) if len(item) >= 2 else None
        if name is None or is_known_place(name) or len(name) > 6:
            continue
        s = m.start() - len(name)
        out.append(Mention("Organization", base + s, base + s + len(name), name, name, set(), {"listed": "one"}))
    return out


def _numbered_hospitals(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    if "院" not in text:
        return out
    _, tags = tagger()
    for m in _NUMBERED_HOSPITAL.finditer(text):
        if tags.get(m.group("who")) not in _OWNER_TAGS or _NUMERAL_CHARS & set(m.group("who")):
            continue  # 全市一院, “三校一院” are no hospital's name
        s, e = m.start(), m.end()
        out.append(Mention("Organization", base + s, base + e, m.group(0), m.group(0), set(), {"shape": "院"}))
    return out


# a campus named by a division's short name (光明 of 光明区, 福田 of 福田区)
_DIVISIONS = ("区", "县", "市", "镇")
# the parts of the country a branch serves (国家癌症中心南方分中心, 国家药械审评检查西南分中心)
_REGION_WORDS = frozenset({"南方", "北方", "华南", "华北", "华东", "华中", "西南", "西北", "东北", "东南", "大湾区"})
# a firm's regional unit (敦豪公司华南区营运中心, 某集团亚太区总部): the region may carry 区
_UNIT = re.compile(r"(?P<mid>[\u4e00-\u9fff]{0,6}?)(?P<head>院区|校区|分院|分校|分中心|分公司|营运中心|运营中心|结算中心|区域总部)")
_FIRM_PARENT = re.compile(r"(?:公司|集团)$")
_FIRM_UNIT_HEADS = frozenset({"营运中心", "运营中心", "结算中心", "区域总部"})


def _units_after_parents(text: str, base: int, orgs: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for o in orgs:
        m = _UNIT.match(text, o.end - base)
        if m is None:
            continue
        mid = m.group("mid")
        if m.group("head") in _FIRM_UNIT_HEADS:
            if not _FIRM_PARENT.search(o.surface):
                continue   # a regional unit of a firm written whole (…公司华南区营运中心), not 深圳市|运营中心
            mid = mid.removesuffix("区") if mid.removesuffix("区") in _REGION_WORDS else mid
        if mid and not (is_known_place(mid) or (len(mid) >= 2 and any(is_known_place(mid + d) for d in _DIVISIONS))
                        or mid in _REGION_WORDS
                        or has_proper_word(mid)):
            continue  # 医院|新建院区 is no unit's name
        s = o.start - base
        out.append(Mention("Organization", o.start, base + m.end(), text[s:m.end()], text[s:m.end()], set(),
                           {"shape": m.group("head"), "unit": True, "parent_name": o.name}))
    return out


_NATIONAL_CENTRE = re.compile(r"国家(?P<mid>[\u4e00-\u9fff0-9A-Za-z]{2,12}?)(?:分中心|中心)(?![\u4e00-\u9fff]{0,2}城市)")
# tags of the word before 国家 when 国家 opens a name: verbs, adverbs, prepositions, conjunctions, particles
_OPENING_TAGS = frozenset({"v", "vn", "vd", "vi", "d", "ad", "p", "c", "u", "uj", "ul", "uz", "m"})
# a level (国家级, 3A级) or a conjunction (国家实验室和…中心: two bodies) is never inside one name
_NOT_IN_NAME = re.compile(r"[级和及与的个]")
_PUNCT = re.compile(r"[，。；：、！？\s“”《》（）()]")


def _opens_name(text: str, s: int) -> bool:
    """Whether a name may start at `s`: after punctuation, a clause opener or a verb-like word."""
    lo = s
    while lo > max(0, s - 6) and not _PUNCT.match(text[lo - 1]):
        lo -= 1
    pre = text[lo:s]
    if not pre:
        return True
    _, tags = tagger()
    last = cut_words(pre)[-1]
    return tags.get(last, "x") in _OPENING_TAGS or clause_lead(last) == len(last)


def _national_centres(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    if "国家" not in text:
        return out
    for m in _NATIONAL_CENTRE.finditer(text):
        mid = m.group("mid")
        if _NOT_IN_NAME.search(mid) or _PUNCT.search(mid) or not _opens_name(text, m.start()):
            continue
        if is_category(mid, "中心") or clause_lead(mid):
            continue  # 国家医学中心, 国家技术创新中心: kinds of centre
        out.append(Mention("Organization", base + m.start(), base + m.end(), m.group(0), m.group(0), set(),
                           {"shape": "national"}))
    return out


# found from the bracket, the opener read back from it: over the 26 corpus reports this costs 0.0007 of
# jieba.lcut's CPU time on the same texts (gazetteer loaded)
_SEATED = re.compile(r"（(?P<seat>[\u4e00-\u9fff]{2,4})）(?P<rest>[\u4e00-\u9fff]{1,12})")
_OPENER = re.compile(r"[\u4e00-\u9fff]{2,8}$")
_LEVEL_SUFFIXES = ("", "市", "省", "区", "县")


def _readings(short: str) -> list:
    """The gazetteer places a short name can stand for (深圳 -> 深圳市, 南山 -> 南山区 of 深圳 or of 鹤岗)."""
    from .places import gazetteer
    g = gazetteer()
    out = []
    for suffix in _LEVEL_SUFFIXES:
        name = short + suffix
        out += [v for v in (g.variants.get(name) or [g.places.get(name)]) if v is not None]
    return out


def _seat_lies_in(seat: str, opener: str) -> bool:
    """Whether the bracketed seat is a place inside the opener (深圳（盐田）, 广东深圳（南山）), not a region
    around it (上海（长三角）国际科技创新中心 names the city's role, a place)."""
    from .places import gazetteer
    g = gazetteer()
    inside = {v.name for v in _readings(opener)}
    for info in _readings(seat):
        hops = 0
        while info is not None and info.parent and hops < 4:
            if info.parent in inside:
                return True
            info, hops = g.places.get(info.parent), hops + 1
    return False


def _place_opener(opener: str, seat: str) -> int | None:
    """Where the opener's run of places starts (中国, 深圳, 广东深圳), or None: the last place must hold the
    seat, earlier ones may chain before it."""
    if opener.endswith("中国"):
        return len(opener) - 2 if is_known_place(seat) else None
    for k in range(max(0, len(opener) - 4), len(opener) - 1):
        last = opener[k:]
        if is_known_place(last) and _seat_lies_in(seat, last):
            start = k
            for j in range(max(0, k - 3), k - 1):  # 广东|深圳
                if is_known_place(opener[j:k]):
                    start = j
                    break
            return start
    return None


def _seated_national(text: str, base: int) -> list[Mention]:
    """A body written with its seat in brackets (中国（深圳）知识产权仲裁中心, 广东深圳（南山）商业秘密保护基地):
    the bracket names where the body sits, so 基地 after it names the body, not a site."""
    out: list[Mention] = []
    if "）" not in text:
        return out
    heads = _org_head_words()
    for m in _SEATED.finditer(text):
        before = _OPENER.search(text, max(0, m.start() - 8), m.start())
        lead = None if before is None else _place_opener(before.group(0), m.group("seat"))
        if lead is None:
            continue
        rest = m.group("rest")
        ends = [k for k in range(len(rest), 1, -1) if rest[:k].endswith(heads) or rest[:k].endswith(("中心", "基地"))]
        if not ends or clause_lead(rest[:ends[0]]):
            continue
        s, e = before.start() + lead, m.start("rest") + ends[0]
        out.append(Mention("Organization", base + s, base + e, text[s:e], text[s:e], set(), {"shape": "seated"}))
    return out


def find_org_forms(text: str, base: int, ctx: ReportContext, orgs: list[Mention] = ()) -> list[Mention]:
    """Organisation mentions of one passage from the company a list keeps, single listed names, numbered
    hospitals, units after their parents (`orgs`: the organisations found by suffix) and seated national bodies."""
    national = _national_centres(text, base)
    return (_listed_siblings(text, base) + _single_items(text, base) + _numbered_hospitals(text, base) + national
            + _units_after_parents(text, base, [*orgs, *national]) + _seated_national(text, base))
