"""Bare place names in a 、-list of places (issue 13, session 12): 葵涌、大鹏、南澳、坝光、西涌等直升机停机坪.

District reports list their areas by bare short names (加快新大、水头和西涌等片区土地整备, 大力推进横琴、前海、
南沙建设). The finders know most of them (a gazetteer place, a subdistrict's short name) but not every one
(坝光, 水头: a village and a bay no list holds). Items of one list are of one kind, so when at least two items,
and at least half of them, are places already found whole, an item that no finder took is a place too if it
is a plain short name: two to four characters, not one common word, a name's word in it, no verb, no digit
(sibling_items._plain_name) and no category (traps.is_category).
Items: the text between 、 (the first is a known place ending at the first 、, its clause's verb before it);
和/及/以及 join the last item; the last item ends at 等, or is one word jieba tags a place (ns) followed by no
more name characters of it (南沙|建设).
"""
from __future__ import annotations

import re

from .mentions import Mention
from .sibling_items import _plain_name
from .traps import is_category
from .words import cut_words, tagger

_CLAUSE = re.compile(r"[^，。；：！？\n（）()“”《》\s]+")
_JOIN = re.compile(r"以及|和|及|与")
_MIN, _MAX = 2, 4


# what may follow a last item read as one place word: a verb, pronoun, locative or function word (南沙|建设,
# 南沙|这几个); a noun may still be the name's (咸水|涌, 鹭湖|枢纽, 平湖|金融…基地, 太平洋|岛国)
_AFTER_NAME = frozenset({"v", "vn", "vd", "r", "rz", "f", "c", "p", "d", "u", "uj"})


def _ends_name(words: list[str]) -> bool:
    """Whether the place word words[0] ends the item: the clause ends there or a word of two or more
    characters follows that no name continues with."""
    _, tags = tagger()
    return len(words) == 1 or (len(words[1]) >= 2 and tags.get(words[1]) in _AFTER_NAME)


def _items(clause: str, places: set[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, whole) of each item of the 、-list in `clause` (offsets into it); `whole`: the extent
    is certain. An item whose extent cannot be told is (-1, -1, False): it counts, but is no candidate."""
    cuts = [m.start() for m in re.finditer("、", clause)]
    out: list[tuple[int, int, bool]] = []
    first_end = cuts[0]
    first = next(((s, e) for s, e in places if e == first_end), None)
    out.append((first[0], first[1], True) if first else (-1, -1, False))
    for a, b in zip(cuts, cuts[1:]):
        out.append((a + 1, b, True))
    tail_start = cuts[-1] + 1
    tail = clause[tail_start:]
    join = _JOIN.search(tail, 0, _MAX + 2)
    if join and join.start() >= _MIN:
        out.append((tail_start, tail_start + join.start(), True))
        tail_start += join.end()
        tail = clause[tail_start:]
    known = next(((s, e) for s, e in places if s == tail_start), None)
    deng = tail.find("等")
    if known:
        out.append((known[0], known[1], True))
    elif _MIN <= deng <= _MAX:
        out.append((tail_start, tail_start + deng, True))
    else:
        words = cut_words(tail[:_MAX + 4])
        _, tags = tagger()
        if words and _MIN <= len(words[0]) <= _MAX and tags.get(words[0]) == "ns" and _ends_name(words):
            out.append((tail_start, tail_start + len(words[0]), True))
        else:
            out.append((-1, -1, False))
    return out


def find_bare_list_places(text: str, base: int, found: list[Mention]) -> list[Mention]:
    """Place mentions of the unfound bare names in 、-lists of places of passage `text` (at `base`)."""
    if "、" not in text:
        return []
    places = {(m.start - base, m.end - base) for m in found if m.label == "Place"}
    taken = [(m.start - base, m.end - base) for m in found]
    out: list[Mention] = []
    for c in _CLAUSE.finditer(text):
        clause = c.group(0)
        if "、" not in clause:
            continue
        off = c.start()
        local = {(s - off, e - off) for s, e in places if off <= s and e <= c.end()}
        if len(local) < 2:
            continue   # two found places at least vouch for a list (most clauses hold fewer: no segmentation)
        items = _items(clause, local)
        whole = sum(1 for s, e, ok in items if ok and (s, e) in local)
        if whole < 2 or 2 * whole < len(items):
            continue
        for s, e, ok in items:
            if not ok or (s, e) in local:
                continue
            name = clause[s:e]
            a, b = off + s, off + e
            if (not _MIN <= len(name) <= _MAX or not _plain_name(name) or is_category(name)
                    or any(x < b and a < y for x, y in taken)):
                continue
            out.append(Mention("Place", base + a, base + b, name, name, set(), {"shape": "list"}))
    return out
