"""PART_OF and CARRIED_OUT from how bodies and lines of work are built.

An office of a committee is part of it (区委外事工作委员会办公室 -> 区委外事工作委员会); the actor
carries out the measures of a sentence, and an action is part of the line of work it stands in.
"""
from __future__ import annotations

from typing import Iterator

from ..mentions import Relation
from ..sentence import SentenceContext, implicit


def committee_offices(s: SentenceContext) -> Iterator[Relation | None]:
    agencies = s.of("Agency")
    for a in agencies:
        if a.name.endswith("委员会办公室"):
            parent = next((b for b in agencies if b.name == a.name[:-3]), None)
            yield s.relation(a, "PART_OF", parent or implicit("Agency", a.name[:-3], a))


def measures(s: SentenceContext) -> Iterator[Relation | None]:
    for me in s.of("Measure"):
        if s.actor is not None:
            yield s.relation(s.actor, "CARRIED_OUT", me)
        if s.line is not None and me is not s.line and not me.props.get("line"):
            yield s.relation(me, "PART_OF", s.line)
