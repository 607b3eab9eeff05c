"""Names listed before their class noun: 「推动深农集团、欣旺达等企业」, 「推进实施车公庙、八卦岭等片区」.

The class noun (enumeration_classes.tsv) gives every item its label; 等 or a count (三大, 6个) must
stand between the list and the class, so that 「生物医药、新材料产业园」 (a description) is no list.
Each item must itself look like a name (name_shapes.name_modifier): 工业软件、人工智能等企业 names
trades, not companies.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .foreign_ties import opens_with_country
from .lexicon import table, word_list, word_set
from .mentions import Mention
from .name_shapes import name_modifier, short_head_name
from .sibling_items import vouch_items

if TYPE_CHECKING:
    from .resolve import ReportContext

_ITEM = r"[^，。；：、\s“”《》（）()]{2,10}"


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    return {c: label for c, label, *_ in table("enumeration_classes.tsv")}


@lru_cache(maxsize=1)
def _completing() -> frozenset[str]:
    """Class nouns that end each item's name (实验室, 公园), not only say what the items are (企业)."""
    return frozenset(c for c, _label, completes, *_ in table("enumeration_classes.tsv") if completes == "head")


_LIST_OPENS = re.compile(r"以及")
_COUNT = re.compile(r"([0-9]+|[两一二三四五六七八九十百]+)")


def _counted(m: re.Match) -> int | None:
    """The count the list states (3个, 三大), if any."""
    c = m.group("c1") or m.group("c2")
    if not c:
        return None
    from .events import to_int
    return to_int(_COUNT.match(c).group(1))


@lru_cache(maxsize=1)
def _list_re() -> re.Pattern:
    heads = "|".join(map(re.escape, sorted(_classes(), key=len, reverse=True)))
    return re.compile(rf"(?P<items>(?:{_ITEM}、)+{_ITEM}?(?:[和及]{_ITEM}?)?)"
                      rf"(?:(?P<deng>等)(?P<c1>[0-9两一二三四五六七八九十百]+(?:大|个|家|所|座|处))?"
                      rf"|(?P<c2>[0-9两一二三四五六七八九十百]+(?:大|个|家|所|座|处)))"
                      rf"(?P<mod>[^，。；：、\s]{{0,8}}?)(?P<cls>{heads})")


def _name_part(item: str) -> str | None:
    """The name an item ends with (the first item may still carry the clause's verb: 攻坚|碧岭北)."""
    if item in word_set("name_generic_words.txt") or any(c.isdigit() for c in item):
        return None
    mod = name_modifier(item)
    if mod and opens_with_country(mod):
        return None  # 新增美国夏洛特市、法国伊夫林省等: foreign places after their country are foreign_ties'
    if mod and item.endswith(mod):
        return mod
    # 烟墩山 in 避风塘、烟墩山等景观: two characters and a one-character place head, no dictionary word
    # (高山 is one), listed among names before a class noun
    if len(item) == 3 and item[-1] in _short_heads() and short_head_name(item):
        return item
    return None


@lru_cache(maxsize=1)
def _short_heads() -> frozenset[str]:
    return frozenset(word_list("place_heads_short.txt"))


_CLAUSE = re.compile(r"[^，。；：\n]+")
_COUNTED = re.compile(r"等|[0-9两一二三四五六七八九十百]+(?:大|个|家|所|座|处)")


def _candidate_lists(text: str):
    """The list regex, run only on clauses holding both a 、 and 等 or a count (a third of its cost
    was spent on clauses that could never match)."""
    rx = _list_re()
    for c in _CLAUSE.finditer(text):
        clause = c.group(0)
        if "、" in clause and _COUNTED.search(clause):
            yield from rx.finditer(text, c.start(), c.end())


def find_listed_names(text: str, base: int, ctx: ReportContext) -> list[Mention]:
    out: list[Mention] = []
    if "、" not in text:
        return out
    for m in _candidate_lists(text):
        cls = m.group("cls")
        label = _classes()[cls]
        # the list opens after the clause's conjunction (岗厦北交通枢纽以及|福田、皇岗两大口岸)
        items = _LIST_OPENS.split(m.group("items"), maxsplit=0)
        opening = len(m.group("items")) - len(items[-1]) if len(items) > 1 and "、" in items[-1] else 0
        parts = [p for p in re.split(r"[、和及]", m.group("items")[opening:])]
        # a stated count equal to the items (金凤、嘉陵江、明月湖3个…) vouches for the later items as names
        vouched = _counted(m) == len(parts)
        pos = m.start("items") + opening
        names = []
        found = vouch_items(parts, [_name_part(p) for p in parts])
        for k, part in enumerate(parts):
            name = found[k]
            if name is None and k > 0 and vouched and _plain_item(part):
                name = part
            if name is None or (k > 0 and name != part):
                names = []
                break
            names.append((pos + len(part) - len(name), pos + len(part), name))
            pos += len(part) + 1
        if len(names) < 2:
            continue
        for a, b, n in names:
            if n in _kind_ends().get(label, ()):
                continue   # AI|小镇: a bare head names no place
            full = n if cls not in _completing() or n.endswith(cls) or _ends_in_kind(n, label) else n + cls
            out.append(Mention(label, base + a, base + b, n, full, {n} - {full}, {"listed": cls}))
    return out


@lru_cache(maxsize=1)
def _kind_ends() -> dict[str, tuple[str, ...]]:
    """Heads of two or more characters by label: an item already ending in one is a whole name."""
    org = word_set("org_suffixes.txt") | word_set("org_heads.txt")
    return {"Organization": tuple(h for h in org if len(h) >= 2),
            "Place": tuple(h for h in word_set("place_heads.txt") if len(h) >= 2)}


def _ends_in_kind(name: str, label: str) -> bool:
    """伊思顿龙岗书院 in 「…、伊思顿龙岗书院两所国际化学校」 is a school already: the class adds no head."""
    return name.endswith(_kind_ends().get(label, ()))


def _plain_item(item: str) -> bool:
    """A short item with no digit and no generic word: a proper name once the count vouches for it (明月湖)."""
    return 2 <= len(item) <= 6 and item not in word_set("name_generic_words.txt") and not any(c.isdigit() for c in item)
