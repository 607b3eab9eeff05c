"""Organisations named by the company they keep or by a short form (issue 13, session 5).

- A list holds one kind of thing: when a known organisation is one of its items, the other items that
  look like names are organisations too (埃克森美孚、巴斯夫、中海壳牌等重大外资项目: 巴斯夫 is a company;
  碳云、京东总部等项目: 京东 is). A gazetteer place among them is left to the places.
- One name before 等 and a class of companies (支持天虹等传统零售企业创新): enumerations.py reads lists of
  two or more; one item is a name on the same terms (it must look like a name, not a trade).
- A hospital by its place or university and its number (中山七院, 湘雅二院): the short form of
  X大学附属第N医院.
- A unit written after its parent (市中医院光明院区, 深圳大学丽湖校区): the parent, then nothing or a
  place or proper word, then a unit head; PART_OF the parent comes from rules/structure.nested_units.
- A national body with its seat in brackets (中国（深圳）知识产权仲裁中心): 中国, a known place in brackets,
  then a run without clause openers ending in an organisation head.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .enumerations import _name_part
from .mentions import Mention
from .name_shapes import clause_lead
from .organizations import known_organizations
from .name_shapes import _org_head_words
from .traps import has_proper_word, is_known_place
from .words import tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

_ITEM = r"[^，。；：、\s“”《》（）()]{2,10}"
# a list ending in 等: its items, then whatever class follows (项目, 企业, 品牌…)
_LIST = re.compile(rf"(?P<items>(?:{_ITEM}、)+{_ITEM})等")
# one item before 等 and a class of companies, the item not itself the end of a list
_ONE = re.compile(r"等(?P<mod>[^，。；：、\s等]{0,6}?)(?:企业|公司|集团|厂商)(?!家|主|化)")
_ITEM_START = re.compile(r"[，。；：、\s“”《》（）()]")
_CLAUSE = re.compile(r"[^，。；：\n]+")
_NUMBERED_HOSPITAL = re.compile(r"(?P<who>[\u4e00-\u9fff]{2})(?P<n>[一二三四五六七八九十])院(?![区士长校系线落子内外])")
# tags of the words that can name a hospital's owner: places, persons, abbreviations, other proper nouns
_OWNER_TAGS = frozenset({"ns", "nr", "nz", "j", "nt"})
_NUMERAL_CHARS = frozenset("一二三四五六七八九十百千两0123456789")


def _short_name(item: str) -> str | None:
    """The name an item ends with: a name by its shape (enumerations._name_part), or one word jieba tags
    as a proper noun of any kind (天虹 nz) after the clause's verbs (支持|天虹)."""
    name = _name_part(item)
    if name is not None:
        return name
    jieba, tags = tagger()
    rest = item[clause_lead(item):]
    words = jieba.lcut(rest, HMM=False)
    if len(words) == 1 and len(rest) >= 2 and tags.get(rest) in _OWNER_TAGS:
        return rest
    return None


def _listed_siblings(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    known = {(s, e) for s, e, _k, _v in known_organizations().find(text)}
    known_starts = {s for s, _e in known}
    for c in _CLAUSE.finditer(text):
        if "、" not in c.group(0) or "等" not in c.group(0):
            continue
        for m in _LIST.finditer(text, c.start(), c.end()):
            pos = m.start("items")
            items = []
            for part in m.group("items").split("、"):
                items.append((pos, part))
                pos += len(part) + 1
            # the item a known organisation opens (京东 in 京东总部; the first item may carry a verb)
            anchored = [k for k, (p, part) in enumerate(items)
                        if any(p <= s < p + len(part) and (s == p or k == 0) for s in known_starts)]
            if not anchored:
                continue
            for k, (p, part) in enumerate(items):
                if k in anchored:
                    continue
                name = _short_name(part)
                if name is None or (k > 0 and name != part) or is_known_place(name):
                    continue
                s = p + len(part) - len(name)
                out.append(Mention("Organization", base + s, base + s + len(name), name, name, set(),
                                   {"listed": "siblings"}))
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
_UNIT = re.compile(r"(?P<mid>[\u4e00-\u9fff]{0,6}?)(?P<head>院区|校区|分院|分校|分中心|分公司)")


def _units_after_parents(text: str, base: int, orgs: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for o in orgs:
        m = _UNIT.match(text, o.end - base)
        if m is None:
            continue
        mid = m.group("mid")
        if mid and not (is_known_place(mid) or any(is_known_place(mid + d) for d in _DIVISIONS) or has_proper_word(mid)):
            continue  # 医院|新建院区 is no unit's name
        s = o.start - base
        out.append(Mention("Organization", o.start, base + m.end(), text[s:m.end()], text[s:m.end()], set(),
                           {"shape": m.group("head"), "unit": True, "parent_name": o.name}))
    return out


_SEATED = re.compile(r"中国（(?P<seat>[\u4e00-\u9fff]{2,4})）(?P<rest>[\u4e00-\u9fff]{1,12})")


def _seated_national(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    if "中国（" not in text:
        return out
    heads = _org_head_words()
    for m in _SEATED.finditer(text):
        if not is_known_place(m.group("seat")):
            continue
        rest = m.group("rest")
        ends = [k for k in range(len(rest), 1, -1) if rest[:k].endswith(heads)]
        if not ends or clause_lead(rest[:ends[0]]):
            continue
        e = m.start("rest") + ends[0]
        out.append(Mention("Organization", base + m.start(), base + e, text[m.start():e], text[m.start():e], set(),
                           {"shape": "seated"}))
    return out


def find_org_forms(text: str, base: int, ctx: ReportContext, orgs: list[Mention] = ()) -> list[Mention]:
    """Organisation mentions of one passage from the company a list keeps, single listed names, numbered
    hospitals, units after their parents (`orgs`: the organisations found by suffix) and seated national bodies."""
    return (_listed_siblings(text, base) + _single_items(text, base) + _numbered_hospitals(text, base)
            + _units_after_parents(text, base, orgs) + _seated_national(text, base))
