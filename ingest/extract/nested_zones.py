"""Zones named inside zones (issue 13, session 9).

A zone's part is named after the zone: 盐田综保区沙头角片区 (the 沙头角 part of the 盐田 bonded zone), 盐田港东港区,
前海合作区南山片区. Other finders read such a name either as two places (盐田综保区 | 沙头角片区, so the part loses
its zone) or as one name in which the zone itself is lost (盐田港东港区 names no 盐田港). A zone's name with a
designation after it is no new place either: 巩固盐田港全球航运枢纽港地位, 强力推进福田保税区重点片区建设,
以彩田北片区旧工业区升级改造为契机 name 盐田港, 福田保税区 and 彩田北片区, each with a kind of area after it.

So, after overlaps are settled, for a place whose name opens with a zone's name (a proper modifier and a zone
head: 综保区, 保税区, 高新区, 片区, 港…) and goes on to another place head:
- the rest a designation or quality (全球航运|枢纽, 重点|片区, 旧|工业区): the mention is the zone alone;
- the rest a named part (东|港区, 沙头角|片区): the name is kept whole and carries its zone (`zone`), which the
  rule `nested_places` turns into PART_OF;
and two places written together, a zone and a part (盐田综保区|沙头角片区), become one name the same way.
"""
from __future__ import annotations

import re

from .list_siblings import _head_of
from .mentions import Mention
from .traps import _is_designation, has_proper_word, is_category, is_known_place
from .words import cut_words, tagger

# heads of zones that have parts (the parent's head)
_ZONE = re.compile(r"(?:综合保税区|综保区|保税区|高新区|自贸区|自贸试验区|开发区|合作区|试验区|示范区|新区|片区|园区"
                   r"|产业园|科技园|工业园|科学城|科技城|港)")
_ZONE_END = re.compile("(?:" + _ZONE.pattern + ")$")
# heads of a zone's parts (the part's head)
_PART_HEADS = ("片区", "港区", "园区", "分区", "作业区", "组团", "区块")
_QUALITY_TAGS = ("a", "b", "ad", "an")
# words that open a designation of a zone rather than a part of it (核心园区, 全球航运枢纽)
_SCOPE_WORDS = frozenset({"核心", "全球", "世界级"})
# heads a designation of a zone ends with (重点片区, 全球航运枢纽, 旧工业区)
_DESIGNATED_HEADS = ("枢纽", "示范区", "先行区", "集聚区", "核心区", "中心区", "工业区")


def _hong_kong(name: str, at: int) -> bool:
    """Whether 港 at `at` is Hong Kong (香港, 深港, 粤港, 港澳), not a port (盐田|港)."""
    _, tags = tagger()
    pair = name[max(0, at - 1):at + 1]
    return name[at + 1:at + 2] == "澳" or tags.get(pair) == "j" or is_known_place(pair)   # 香港 itself


def _zone_prefix(name: str) -> int:
    """The length of the zone's name `name` opens with (a proper modifier and a zone head), or 0."""
    best = 0
    for m in _ZONE.finditer(name):
        mod, end = name[:m.start()], m.end()
        if end >= len(name) - 1 or len(mod) < 2 or (m.group() == "港" and _hong_kong(name, m.start())):
            continue
        if is_known_place(mod) or (has_proper_word(mod) and not is_category(mod, m.group())):
            best = end
    return best


def _designation(rest: str) -> bool | None:
    """None if `rest` is no place head phrase; True if its modifier is a designation or quality (重点片区,
    全球航运枢纽, 旧工业区), False if it names a part (东港区, 沙头角片区)."""
    head = _head_of(rest)
    if head is None or head[1] != "Place":
        return None
    mod = rest[:-len(head[0])]
    if not mod:
        return None   # 深圳湾|公园: the zone's name and a head make one place
    if not rest.endswith(_PART_HEADS + _DESIGNATED_HEADS):
        return None   # 盐田港|智慧冷链产业园: a park at the port, neither a part nor a designation
    _, tags = tagger()
    words = cut_words(mod)
    if (any(_is_designation(w) for w in words) or words[0] in _SCOPE_WORDS
            or (len(words) == 1 and len(mod) == 1 and tags.get(mod) in _QUALITY_TAGS)):
        return True
    return False   # a kind that names the zone (潮州港|经济开发区, 大空港|会展城) or a named part (东|港区)


def _part_of_zone(a: Mention, b: Mention) -> bool:
    """Whether place `b`, written right after zone `a`, is a named part of it (盐田综保区|沙头角片区)."""
    if a.end != b.start or "gazetteer" in a.props or "gazetteer" in b.props or not _ZONE_END.search(a.surface):
        return False
    return b.surface.endswith(_PART_HEADS) and _designation(b.surface) is False


def nest_zones(ms: list[Mention]) -> list[Mention]:
    """The passage's settled mentions with zones' parts nested and zones' designations cut (see the module)."""
    out: list[Mention] = []
    last_place: int | None = None   # index in `out` of the last place (measures come between)
    for m in ms:
        if m.label != "Place":
            out.append(m)
            continue
        prev = out[last_place] if last_place is not None else None
        if prev is not None and _part_of_zone(prev, m):
            out[last_place] = Mention("Place", prev.start, m.end, prev.surface + m.surface, prev.surface + m.surface,
                                      set(), {"zone": prev.name})
            continue
        if "gazetteer" not in m.props and "zone" not in m.props:
            n = _zone_prefix(m.surface)
            kind = _designation(m.surface[n:]) if n else None
            if kind is False and not m.surface.endswith(_PART_HEADS):
                kind = None   # 雄安新区|中关村科技园: a park in a zone, not a part named after it
            if kind is True:
                m = Mention("Place", m.start, m.start + n, m.surface[:n], m.surface[:n], set(), {"zone_of": m.surface})
            elif kind is False:
                m.props["zone"] = m.surface[:n]
        last_place = len(out)
        out.append(m)
    return out
