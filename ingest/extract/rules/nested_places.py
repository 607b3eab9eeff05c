"""PART_OF between a zone's part and the zone it is named after (盐田综保区沙头角片区 -> 盐田综保区, 盐田港东港区 ->
盐田港): the part carries its zone's name from nested_zones.py; the zone is the sentence's place of that name
when it names one, else implied by the part's name."""
from __future__ import annotations

from typing import Iterator

from ..mentions import Relation
from ..sentence import SentenceContext, implicit


def nested_places(s: SentenceContext) -> Iterator[Relation | None]:
    places = s.of("Place")
    for p in places:
        zone = p.props.get("zone")
        if zone:
            named = next((q for q in places if q is not p and zone in (q.name, q.surface)), None)
            yield s.relation(p, "PART_OF", named or implicit("Place", zone, p))
