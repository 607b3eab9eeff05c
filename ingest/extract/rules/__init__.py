"""Relation rules: each reads one sentence's typed context and yields the relations it states.

A new rule is a function `(SentenceContext) -> Iterable[Relation | None]` added to RULES (None is
a relation the context refused, such as a mention related to itself). Rules run in this order,
and the order is kept so that edges come out in the same order as before the split.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..foreign_ties import foreign_ties
from ..mentions import Relation
from ..sentence import SentenceContext
from .cited_issuers import cited_issuers
from .cooperation import cooperation
from .events import event_roles, held_at
from .heads import heads
from .places import located_in
from .nested_places import nested_places
from .policies import policy_verbs
from .structure import committee_offices, measures, nested_units
from .title_issuers import title_issuers
from .visits import visits

Rule = Callable[[SentenceContext], Iterable[Relation | None]]

RULES: list[Rule] = [
    cooperation,
    event_roles,
    held_at,
    committee_offices,
    nested_units,
    measures,
    policy_verbs,
    title_issuers,
    cited_issuers,
    visits,
    heads,
    located_in,
    nested_places,
    foreign_ties,
]


def relate(s: SentenceContext, rules: list[Rule] = RULES) -> list[Relation]:
    """All relations a sentence states, rule by rule."""
    return [r for rule in rules for r in rule(s) if r is not None]
