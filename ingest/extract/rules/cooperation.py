"""COOPERATED_WITH: the actor and the bodies it works with (会同X, 联合X, 与X沟通衔接)."""
from __future__ import annotations

from typing import Iterator

from ..mentions import Relation
from ..sentence import SentenceContext


def cooperation(s: SentenceContext) -> Iterator[Relation | None]:
    if s.actor is None:
        return
    for p in s.partners:
        yield s.relation(s.actor, "COOPERATED_WITH", p)
