"""PART_OF and CARRIED_OUT from how bodies and lines of work are built.

An office of a committee is part of it (区委外事工作委员会办公室 -> 区委外事工作委员会); the actor
carries out the measures of a sentence, and an action is part of the line of work it stands in.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..mentions import Mention, Relation
from ..organizations import known_organizations
from ..placed_units import middle_unit, placed_parent
from ..short_forms import expand_abbreviation
from ..short_parents import short_parent
from ..sentence import SentenceContext, implicit


def committee_offices(s: SentenceContext) -> Iterator[Relation | None]:
    agencies = s.of("Agency")
    for a in agencies:
        if a.props.get("branch_of"):   # 市规土委宝安管理局 -> 市规土委 (agency_branches)
            parent = next((b for b in agencies if b.name == a.props["branch_of"]), None)
            yield s.relation(a, "PART_OF", parent or implicit("Agency", a.props["branch_of"], a))
        elif a.name.endswith("委员会办公室"):
            parent = next((b for b in agencies if b.name == a.name[:-3]), None)
            yield s.relation(a, "PART_OF", parent or implicit("Agency", a.name[:-3], a))


def measures(s: SentenceContext) -> Iterator[Relation | None]:
    for me in s.of("Measure"):
        if s.actor is not None:
            yield s.relation(s.actor, "CARRIED_OUT", me)
        if s.line is not None and me is not s.line and not me.props.get("line"):
            yield s.relation(me, "PART_OF", s.line)


# parent organisations written inside a unit's name: 南方科技大学|半导体学院, 深圳技术大学|德国国际合作办公室
_PARENT_SUFFIX = re.compile(r"^(.{3,20}?(?:大学|集团|研究院|科学院|医院|银行|公司))"
                            r"(?=.{0,16}(?:学院|中心|基地|研究院|研究所|实验室|分院|分公司|办公室|校区|院区|医院)$)")


def _parent_org(s: SentenceContext, unit: Mention) -> Mention | None:
    expanded = unit.props.get("expanded")  # 中科院深圳先进技术研究院 -> 中国科学院…: its parent is in the name
    if unit.props.get("brand") or (unit.surface != unit.name and not unit.name.endswith(unit.surface) and not expanded):
        return None  # a short name from the lexicon (中石化 -> 中国石油化工集团有限公司) names no unit
    # as written: a place prefix resolution added (深圳|市中医院光明院区) is no parent
    name = unit.name if expanded else unit.surface
    if unit.props.get("parent_name"):
        listed, shorts = expand_abbreviation(unit.props["parent_name"])  # read after its parent (org_lists)
        named = next((o for o in s.of("Organization") if o.name == listed), None)
        if named is not None:
            return named
        parent = implicit("Organization", listed, unit)
        parent.aliases |= shorts
        return parent
    known = next(((e, key, canonical) for st, e, key, (canonical, _en) in known_organizations().find(name)
                  if st == 0), None)
    aliases: set[str] = set()
    if known is not None and known[0] < len(name) - 1:
        parent_name, aliases = known[2], {known[1]}
    elif (placed := placed_parent(name)) is not None:
        parent_name = placed   # 南开大学|深圳研究院, 香港中文大学|（深圳）: the place ends the parent
    else:
        m = _PARENT_SUFFIX.match(name)
        parent_name = m.group(1) if m is not None else short_parent(name, s.report)  # 北理工|深圳|汽车研究院
        if parent_name is None:
            return None
        parent_name, aliases = expand_abbreviation(parent_name)  # 北理工 is 北京理工大学
    if parent_name == name:
        return None
    named = next((o for o in s.of("Organization") if o.name == parent_name), None)
    if named is not None:
        return named
    parent = implicit("Organization", parent_name, unit)
    parent.aliases |= aliases - {parent_name}
    return parent


def nested_units(s: SentenceContext) -> Iterator[Relation | None]:
    """A unit named after its parent is part of it: 荣耀全球研发中心 -> 荣耀, 南方科技大学半导体学院 -> 南方科技大学."""
    for o in s.of("Organization"):
        parent = _parent_org(s, o)
        if parent is None:
            continue
        mid = middle_unit(o.surface, parent.name)
        if mid is not None:   # 上海交通大学|深圳研究院|技术转移中心: the unit between is part of the parent
            between = implicit("Organization", mid, o)
            yield s.relation(o, "PART_OF", between)
            yield s.relation(between, "PART_OF", parent)
        else:
            yield s.relation(o, "PART_OF", parent)
