"""VISITED: 调研走访正大集团、毕马威会计师事务所 (the list goes on after the first visited name)."""
from __future__ import annotations

import re
from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext

_VISIT = re.compile(r"(?:走访|调研|考察|拜访|访问|实地调研走访|调研走访)$")


def _continues(s: SentenceContext, visited: list[Mention], m: Mention) -> bool:
    return bool(visited) and 0 < m.start - visited[-1].end <= 1 and s.text[visited[-1].end] in "、和及"


def visits(s: SentenceContext) -> Iterator[Relation | None]:
    orgs = s.of("Organization")
    visited: list[Mention] = []
    for m in [*orgs, *(p for p in s.of("Place") if p.props.get("kind") == "venue")]:
        if _VISIT.search(s.before(m, 6)):
            visited.append(m)
        elif _continues(s, visited, m):
            visited.append(m)
    visited.sort(key=lambda m: m.start)
    for m in orgs:
        if m not in visited and _continues(s, visited, m):
            visited.append(m)
    if s.actor is not None:
        for m in visited:
            yield s.relation(s.actor, "VISITED", m)
