"""LOCATED_IN: a foreign place sits in the country the sentence names; a written chain (深圳市光明区)
states that the second place lies in the first."""
from __future__ import annotations

from typing import Iterator

from ..mentions import Mention, Relation
from ..places import gazetteer
from ..sentence import SentenceContext, implicit_place


def _foreign_chain(s: SentenceContext, p: Mention, places: list[Mention]) -> Iterator[Relation | None]:
    g = gazetteer()
    chain = g.chain(p.props.get("gazetteer", p.name))
    # only what the sentence itself names: 日本东京都…目黑区, not a country it leaves unsaid
    named = {q.props.get("gazetteer") for q in places}
    cut = 1
    while cut < len(chain) and chain[cut].name in named:
        cut += 1
    chain = chain[:cut]
    for child, parent in zip(chain, chain[1:]):
        a = p if child.name == p.props.get("gazetteer") else implicit_place(child, p)
        yield s.relation(a, "LOCATED_IN", implicit_place(parent, p))


def _ancestors(info) -> list[str]:
    """The names of a place's parents up to its province (the chain stops at a missing link)."""
    g = gazetteer()
    out = []
    while info is not None and info.parent and len(out) < 4:
        out.append(info.parent)
        info = g.places.get(info.parent)
    return out


def located_in(s: SentenceContext) -> Iterator[Relation | None]:
    g = gazetteer()
    places = s.of("Place")
    for i, p in enumerate(places):
        if p.props.get("kind") == "venue":
            continue
        if p.props.get("foreign") and p.props.get("kind") != "country":
            yield from _foreign_chain(s, p, places)
        if i + 1 < len(places):
            q = places[i + 1]
            if q.start == p.end and not p.props.get("foreign") and not q.props.get("foreign"):
                # any reading of an ambiguous name (南山区 of Shenzhen or of Hegang) with the place written
                # before it among its parents, skipped levels included (黑龙江省五常市, 五常市 being 哈尔滨市's)
                name = q.props.get("gazetteer", q.name)
                readings = g.variants.get(name) or [g.places.get(name)]
                if any(v is not None and p.props.get("gazetteer") in _ancestors(v) for v in readings):
                    yield s.relation(q, "LOCATED_IN", p)
