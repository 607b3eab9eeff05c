"""The foreign-affairs view's data: every foreign tie of a Chinese place or agency (or of all), with
coordinates for a world map, the network of ties, visits, foreign bodies and international events
grouped by country, and one table row per tie with its evidence sentence.

Ties come from two kinds of facts:
- PARTNER_OF between a Chinese place or agency and a foreign place (kind 友好城市 / 友好交流城市, `since`);
- an event held at a foreign place (HELD_AT), or named after one (首尔友谊节 -> 首尔), that a Chinese body
  organised or took part in: the place is reached through the event (东城区 -> 首尔友谊节 -> 首尔), kind `event`.
Foreign bodies (agencies and organisations marked `foreign`) tied to a Chinese body by any relation join
the network. A tie's year is its `since` where the report states it, else the year of its report.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from govgraph.ingest.batch import Edge, Node
from govgraph.ingest.vocabulary import Label, PlaceKind, RelType, TieKind
from govgraph.graph.store.base import GraphStore

from .geo import geo

EVENT_LINKS = frozenset({RelType.ORGANIZED, RelType.PARTICIPATED_IN})
BODY_LINKS = frozenset({RelType.COOPERATED_WITH, RelType.VISITED, RelType.PARTICIPATED_IN, RelType.ORGANIZED,
                        RelType.PARTNER_OF})
FOREIGN_BODY_LABELS = frozenset({Label.AGENCY, Label.ORGANIZATION})
MAX_CHAIN = 5


@dataclass
class PlaceOut:
    id: str
    name: str
    name_en: str | None = None
    country: str | None = None
    country_en: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class TieRow:
    home: PlaceOut
    partner: PlaceOut
    kind: str
    since: int | None
    year: int | None
    via: dict[str, str] | None
    evidence: dict[str, Any]


@dataclass
class ForeignView:
    homes: list[dict[str, Any]]
    home: str | None
    ties: list[TieRow]
    network: dict[str, list[dict[str, Any]]]
    unplaced: list[str]
    countries: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _foreign(n: Node) -> bool:
    return bool(n.props.get("foreign"))


class _Resolver:
    """Nodes, countries and coordinates, each read from the store once."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.nodes: dict[str, Node] = {}
        self.places: dict[str, PlaceOut] = {}

    def load(self, ids) -> None:
        missing = sorted({i for i in ids if i not in self.nodes})
        for n in self.store.get_nodes(missing):
            self.nodes[n.id] = n

    def country_en(self, country: str | None) -> str | None:
        from govgraph.ingest.extract.places import gazetteer  # countries.tsv: pycountry's names, corrected
        info = gazetteer().places.get(country) if country else None
        return info.name_en if info is not None else None

    def place(self, nid: str) -> PlaceOut:
        if nid in self.places:
            return self.places[nid]
        n = self.nodes[nid]
        if _foreign(n):
            country = n.props.get("country") or (n.name if n.props.get("kind") == PlaceKind.COUNTRY else None)
            cen = self.country_en(country)
            pt = geo().locate(n.name, n.name_en, cen, foreign=True) if n.props.get("kind") != PlaceKind.COUNTRY else None
            for a in n.aliases:
                pt = pt or geo().locate(a, None, cen, foreign=True)
        else:
            country, cen = "中国", "China"
            pt = self._domestic_point(n)
        out = PlaceOut(n.id, n.name, n.name_en or (pt.name_en if pt else None), country, cen,
                       pt.lat if pt else None, pt.lon if pt else None)
        self.places[nid] = out
        return out

    def _domestic_point(self, n: Node):
        """A Chinese place, or its parents (东城区 -> 北京市) when GeoNames lists no such city; an agency
        stands at the place its name begins with (东城区人民政府外事办公室 -> 东城区)."""
        from govgraph.ingest.extract.places import gazetteer  # the Chinese gazetteer's parent chain
        g = gazetteer()
        name = n.name
        if n.label != Label.PLACE:
            name = next((name[:k] for k in range(min(len(name), 8), 1, -1) if name[:k] in g.places
                         and not g.places[name[:k]].foreign), None)
            if name is None:
                return None
        for info in g.chain(name)[:MAX_CHAIN] or []:
            pt = geo().locate(info.name, None, None, foreign=False)
            if pt is not None:
                return pt
        return geo().locate(name, None, None, foreign=False)


def _evidence(e: Edge, years: dict[str, int | None]) -> tuple[dict[str, Any], int | None]:
    ev = e.evidence[0] if e.evidence else None
    if ev is None:
        return {}, None
    return ev.to_dict(), years.get(ev.report)


def foreign_view(store: GraphStore, home: str | None = None) -> ForeignView:
    """Ties of the Chinese place or agency `home` (a node id), or of every one when None."""
    years = {r.id: r.year for r in store.reports()}
    res = _Resolver(store)
    partner_edges, held, event_links, body_edges = [], [], [], []
    for e in store.iter_edges():
        if e.type == RelType.PARTNER_OF:
            partner_edges.append(e)
        elif e.type == RelType.HELD_AT:
            held.append(e)
        elif e.type in EVENT_LINKS:
            event_links.append(e)
        if e.type in BODY_LINKS:
            body_edges.append(e)
    res.load({x for e in partner_edges + held for x in (e.source, e.target)})

    rows: list[TieRow] = []
    for e in partner_edges:
        a, b = res.nodes.get(e.source), res.nodes.get(e.target)
        if a is None or b is None:
            continue
        if _foreign(a) and not _foreign(b):
            a, b = b, a
        if _foreign(a) or not _foreign(b):
            continue  # a tie between two foreign or two Chinese places is not a foreign tie of China
        ev, year = _evidence(e, years)
        since = e.props.get("since")
        rows.append(TieRow(res.place(a.id), res.place(b.id), e.props.get("kind") or TieKind.SISTER, since,
                           since or year, None, ev))

    # Places reached through events: held at a foreign place (在首尔举办…), or named after one
    # (东城区文旅局 took part in 首尔友谊节, the festival of 首尔).
    by_event: dict[str, list[Edge]] = {}
    for e in event_links:
        by_event.setdefault(e.target, []).append(e)
    reached = [(e.source, e.target, e) for e in held if e.target in res.nodes and _foreign(res.nodes[e.target])]
    reached += [(ev_id, place_id, None) for ev_id, place_id in _events_named_after_foreign_places(store)
                if ev_id in by_event]
    res.load({x for ev_id, place_id, _ in reached for x in [ev_id, place_id, *(l.source for l in by_event.get(ev_id, []))]})
    for ev_id, place_id, held_edge in reached:
        ev_node = res.nodes.get(ev_id)
        for link in by_event.get(ev_id, []):
            actor = res.nodes.get(link.source)
            if actor is None or _foreign(actor) or ev_node is None or place_id not in res.nodes:
                continue
            ev, year = _evidence(held_edge or link, years)
            rows.append(TieRow(res.place(actor.id), res.place(place_id), TieKind.EVENT, None,
                               ev_node.props.get("year") or year,
                               {"id": ev_node.id, "name": ev_node.name, "label": ev_node.label}, ev))

    homes: dict[str, dict[str, Any]] = {}
    for r in rows:
        h = homes.setdefault(r.home.id, {"id": r.home.id, "name": r.home.name,
                                         "label": res.nodes[r.home.id].label, "ties": 0})
        h["ties"] += 1
    if home is not None:
        rows = [r for r in rows if _belongs(r, home, res)]
    rows.sort(key=lambda r: (r.home.name, r.partner.country or "", r.partner.name, r.kind))

    network = _network(rows, body_edges, res, home)
    countries: dict[str, dict[str, Any]] = {}
    for r in rows:
        c = countries.setdefault(r.partner.country or "", {"name": r.partner.country, "name_en": r.partner.country_en,
                                                           "ties": 0})
        c["ties"] += 1
    unplaced = sorted({r.partner.name for r in rows if r.partner.lat is None})
    return ForeignView(sorted(homes.values(), key=lambda h: (-h["ties"], h["name"])), home, rows, network,
                       unplaced, sorted(countries.values(), key=lambda c: (-c["ties"], c["name"] or "")))


def _events_named_after_foreign_places(store: GraphStore) -> list[tuple[str, str]]:
    """(event, place) for each event whose name begins with a foreign city's name in the store: 首尔友谊节
    -> 首尔. Names are compared as the store holds them; nothing here reads Chinese text."""
    places: dict[str, str] = {}
    events: list[Node] = []
    for n in store.iter_nodes():
        if n.label == Label.PLACE and _foreign(n) and n.props.get("kind") != PlaceKind.COUNTRY:
            for name in (n.name, *n.aliases):
                if len(name) >= 2:
                    places.setdefault(name, n.id)
        elif n.label == Label.EVENT:
            events.append(n)
    out = []
    for ev in events:
        hit = next((places[ev.name[:k]] for k in range(min(len(ev.name) - 1, 8), 1, -1) if ev.name[:k] in places), None)
        if hit is not None:
            out.append((ev.id, hit))
    return out


def _belongs(row: TieRow, home: str, res: _Resolver) -> bool:
    """A tie is a place's when its Chinese side is the place or a body named after it (东城区文旅局 -> 东城区)."""
    if row.home.id == home:
        return True
    res.load([home])
    h, n = res.nodes.get(home), res.nodes.get(row.home.id)
    return h is not None and n is not None and h.label == Label.PLACE and n.label != Label.PLACE and n.name.startswith(h.name)


def _network(rows: list[TieRow], body_edges: list[Edge], res: _Resolver, home: str | None) -> dict[str, list]:
    """Nodes grouped by country (a compound parent per country) and the edges among them."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple, dict[str, Any]] = {}

    def add(n: Node, country: str | None) -> None:
        if n.id not in nodes:
            nodes[n.id] = {"id": n.id, "label": n.label, "name": n.name, "name_en": n.name_en,
                           "country": country, "foreign": _foreign(n)}

    def link(s: str, t: str, typ: str, props: dict, ev: dict) -> None:
        edges.setdefault((s, t, typ), {"source": s, "target": t, "type": typ, "props": props, "evidence": ev})

    for r in rows:
        add(res.nodes[r.home.id], r.home.country)
        add(res.nodes[r.partner.id], r.partner.country)
        if r.via is None:
            link(r.home.id, r.partner.id, RelType.PARTNER_OF, {"kind": r.kind, "since": r.since}, r.evidence)
        else:
            res.load([r.via["id"]])
            add(res.nodes[r.via["id"]], r.partner.country)
            link(r.home.id, r.via["id"], RelType.PARTICIPATED_IN, {}, r.evidence)
            link(r.via["id"], r.partner.id, RelType.HELD_AT, {}, r.evidence)
    # Foreign bodies a Chinese body in view dealt with: 首尔市政府, 德国驻华大使馆, 世界卫生组织…
    domestic = {i for i, n in nodes.items() if not n["foreign"]}
    touching = [e for e in body_edges if (e.source in domestic) != (e.target in domestic)]
    res.load({e.source for e in touching} | {e.target for e in touching})
    for e in touching:
        other = res.nodes.get(e.target if e.source in domestic else e.source)
        if other is None or other.label not in FOREIGN_BODY_LABELS or not _foreign(other):
            continue
        add(other, other.props.get("country"))
        ev = e.evidence[0].to_dict() if e.evidence else {}
        link(e.source, e.target, e.type, dict(e.props), ev)
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}
