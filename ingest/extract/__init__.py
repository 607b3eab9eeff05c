"""Chinese entity and relation extraction without an LLM: report text -> nodes and edges with evidence.

The pipeline per passage: gazetteer places -> agencies (which need the places as prefixes) ->
organisations, policies, events, persons, measures -> overlaps settled -> relations per sentence
-> one node per (label, canonical name), each with the sentences that mention it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from govgraph.ingest.batch import Edge, Evidence, Node, Passage, ReportInfo, SYMMETRIC, node_id

from .agencies import author_mention_name, find_agencies
from .crf_spans import propose_names
from .crf_veto import veto_mentions
from .span_model import propose_spans
from .dictionary_places import find_dictionary_places
from .enumerations import find_listed_names
from .event_lists import find_listed_events
from .firm_lists import find_firm_lists
from .single_firms import find_single_firms
from .listed_bureaus import find_listed_bureaus
from .vouched_firm_lists import find_vouched_firm_lists
from .site_lists import find_site_lists
from .single_listed_places import find_single_listed_places
from .bare_list_places import find_bare_list_places
from .listed_county_shorts import find_listed_county_shorts
from .chained_county_shorts import find_chained_county_shorts
from .chained_divisions import find_chained_divisions
from .seated_places import find_seated_places
from .shaped_agencies import find_shaped_agencies
from .agency_branches import find_agency_branches
from .place_offices import find_place_offices
from .zone_committees import find_zone_committees
from .police_units import find_police_units
from .cell_bureaus import find_cell_bureaus
from .listed_councils import find_listed_councils
from .text_levels import fill_levels_from_text
from .joined_fields import join_fields
from .nested_zones import nest_zones
from .award_titles import drop_award_titles
from .county_chains import find_county_chains
from .dash_chains import find_dash_chains
from .events import find_events
from .listed_event_items import listed_event_items
from .foreign_ties import mark_foreign_bodies
from .measures import find_measures
from .meetings import find_meetings
from .session_lists import find_listed_sessions
from .rules.title_issuers import opens_title
from .name_shapes import find_shaped_names
from .lexicon import word_list
from .list_siblings import find_list_siblings
from .list_tail_items import find_list_tail_items
from .mentions import Mention
from .opener_edges import trim_opener_edges
from .glued_place_edges import trim_glued_edges
from .counted_kinds import drop_counted_kinds
from .designated_places import cut_place_titles
from .wide_designations import drop_wide_designations
from .organizations import find_organizations
from .unit_names import find_unit_names
from .regional_units import find_regional_units
from .project_firms import find_project_firms
from .brand_firms import find_brand_firms
from .coined_brand_firms import find_coined_brand_firms
from .org_lists import find_org_forms
from .persons import find_persons
from .places import find_places, gazetteer
from .level_games import find_level_games
from .place_plans import find_place_plans
from .contest_awards import find_contest_awards
from .org_events import find_org_events
from .tour_events import find_tour_events
from .policies import find_policies
from .prefix_variants import merge_prefixed_variants
from .recurring_names import add_recurring_names
from .short_forms import resolve_short_forms
from .places import PlaceInfo
from .resolve import ReportContext, place_context, policy_key
from .rules import relate
from .sentence import Sentence, SentenceContext
from .spans import clauses, sentences
from .work_lines import WorkLines

__all__ = ["ExtractionResult", "extract_entities", "build_context", "find_mentions", "author_mention"]

_TITLE = re.compile(r"《[^《》\n]{1,80}》")
_STATUS = {"plan": "planned", "achievement": "done"}
# Mentions that may sit inside a longer one: a measure or event names the bodies and places it involves.
_CONTAINERS = {"Measure", "Event"}
# the mention props a node keeps (the first value seen)
_NODE_PROPS = frozenset({"kind", "year", "status", "count", "date", "post", "country", "foreign"})


@dataclass
class ExtractionResult:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    author_id: str | None = None
    entity_texts: dict[str, str] = field(default_factory=dict)


def build_context(report: ReportInfo, text: str = "") -> ReportContext:
    ctx = ReportContext(report.id, report.file, report.year)
    ctx.genre = report.genre
    source = report.author or report.title or ""
    g = gazetteer()
    names = [key for _, _, key, name in g.matcher.find(source)]
    names = [g.matcher.get(n) for n in names]
    names = [n for n in names if n]
    for n in list(names):
        variants = g.variants.get(n, [])
        if len(variants) > 1 and text:
            # 南山区 of Shenzhen or of Hegang: the city the author's name states (深圳市南山区人民政府),
            # else the city the report itself names most
            best = max(variants, key=lambda v: (v.parent in names, text.count(v.parent[:2]) if v.parent else -1))
            names.insert(0, best.parent)
    ctx.district, ctx.city, ctx.province = place_context(names)
    ctx.place_names = {p.name for p in (ctx.district, ctx.city, ctx.province) if p is not None}
    # 市外办2022年工作报告: no place in author or title; after place_names, which resolve place names (a 2014
    # report's 坪山 is 坪山新区, no 坪山区): text_levels.py
    fill_levels_from_text(ctx, text, report.author)
    # The author is structure's alone (title, speaker or dated signature), so the report's author and
    # its author node always agree.
    if report.author:
        ctx.author_surface = report.author
        ctx.author_name = author_mention_name(report.author, ctx) or report.author.strip()
        ctx.author_is_government = ctx.author_name.endswith("人民政府") or ctx.author_name in ("国务院",)
    return ctx


def _settle_overlaps(ms: list[Mention]) -> list[Mention]:
    """Longest mention wins among names; measures and events may contain other names."""
    names = [m for m in ms if m.label != "Measure"]
    measures = [m for m in ms if m.label == "Measure"]
    # of two equal spans, a list item the class noun completes (嘉陵江 in 金凤、嘉陵江、明月湖3个…实验室 is
    # 嘉陵江实验室) wins over the bare word's reading (the river)
    names.sort(key=lambda m: (-(m.end - m.start), m.start, not (m.props.get("listed") and m.name != m.surface)))
    kept: list[Mention] = []
    for m in names:
        clash = False
        for k in kept:
            if m.start < k.end and k.start < m.end:
                inside = k.start <= m.start and m.end <= k.end
                # …but a name ending where an event ends is the event cut short (8”产业集群系列招商会)
                cut_event = k.label == "Event" and m.end == k.end
                if inside and ((k.label in _CONTAINERS and m.label != "Event" and not cut_event)
                               or (k.label == "Place" and m.props.get("brand"))
                               or (k.props.get("unit") and m.label == "Organization" and m.start == k.start)
                               or (k.label == "Policy" and m.label == "Agency" and opens_title(k, m))):
                    continue  # a brand stays a body inside a park's name (深汕比亚迪汽车工业园), a parent inside its unit's (市中医院光明院区)
                clash = True
                break
        if not clash:
            kept.append(m)
    return sorted(kept + measures, key=lambda m: (m.start, -m.end))


def _home_mention(home: PlaceInfo | None, sent: Sentence) -> Mention | None:
    """The report's own place as the sentence names it, else implied at the sentence's start."""
    if home is None:
        return None
    named = next((m for m in sent.mentions if m.label == "Place" and m.name == home.canonical), None)
    return named or Mention("Place", sent.start, sent.start, "", home.canonical, set(),
                            {"kind": home.kind, "gazetteer": home.name, "implicit": True})


def _drop_policy_measures(ms: list[Mention]) -> list[Mention]:
    """实施“横琴金融30条”、“前海金融30条”: an action whose object is documents is their IMPLEMENTS, not a measure."""
    policies = [m for m in ms if m.label == "Policy"]
    if not policies:
        return ms
    out = []
    for m in ms:
        if m.label == "Measure" and not m.props.get("line"):
            covered = sum(max(0, min(m.end, p.end) - max(m.start, p.start)) for p in policies)
            if covered >= 0.6 * (m.end - m.start):
                continue
        out.append(m)
    return out


def _foreign_district_ok(m: Mention, passage_text: str) -> bool:
    """A foreign ward (港区, 中区) counts only with its city or country in the same passage."""
    if not (m.props.get("foreign") and m.props.get("kind") == "district"):
        return True
    chain = gazetteer().chain(m.props.get("gazetteer", m.name))[1:]
    return any(c.name in passage_text or (c.name[:-1] and c.name[:-1] in passage_text) for c in chain)


class _Graph:
    def __init__(self, report: ReportInfo, text: str):
        self.report = report
        self.text = text
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple[str, str, str], Edge] = {}
        self.context: dict[str, str] = {}
        # evidence already attached, per node or edge: the author collects thousands
        self.seen: set[tuple] = set()

    def evidence(self, passage: Passage, s: int, e: int) -> Evidence:
        return Evidence(self.report.id, self.report.file, passage.id, s, e, self.text[s:e])

    def node(self, m: Mention, ev: Evidence) -> str:
        nid = node_id(m.label, m.name)
        n = self.nodes.get(nid)
        if n is None:
            n = Node(nid, m.label, m.name, [], m.name_en, {})
            self.nodes[nid] = n
            self.context[nid] = ev.text[:80]
        if m.aliases:
            for a in sorted(m.aliases):
                if a and a != n.name and a not in n.aliases:
                    n.aliases.append(a)
        if m.name_en and not n.name_en:
            n.name_en = m.name_en
        for k, v in m.props.items():
            if k in _NODE_PROPS and v not in (None, False):
                n.props.setdefault(k, v)
        key = (nid, ev.start, ev.end)
        if key not in self.seen:
            self.seen.add(key)
            n.evidence.append(ev)
        return nid

    def edge(self, a: str, t: str, b: str, ev: Evidence, props: dict[str, Any]) -> None:
        if a == b:
            return
        if t in SYMMETRIC and b < a:
            a, b = b, a
        key = (a, t, b)
        e = self.edges.get(key)
        if e is None:
            e = Edge(a, b, t, {})
            self.edges[key] = e
        for k, v in props.items():
            if v is not None:
                e.props.setdefault(k, v)
        ekey = (key, ev.start, ev.end)
        if ekey not in self.seen:
            self.seen.add(ekey)
            e.evidence.append(ev)


def _merge_policy_variants(all_mentions: list[Mention], ctx: ReportContext) -> None:
    """Within a report, one document cited with and without its place prefix or year range is one node."""
    prefixes = tuple(p for p in (ctx.district, ctx.city, ctx.province) if p is not None)
    names = []
    for p in prefixes:
        names += [p.name, p.canonical, p.name[:-1] if len(p.name) > 2 else p.name]
    names += list(word_list("national_prefixes.txt"))
    groups: dict[str, list[Mention]] = {}
    for m in all_mentions:
        if m.label == "Policy":
            groups.setdefault(policy_key(m.name, tuple(names)), []).append(m)
    for ms in groups.values():
        best = max((m.name for m in ms), key=lambda n: (len(n), n))
        for m in ms:
            if m.name != best:
                m.aliases.add(m.name)
                m.name = best


def find_mentions(pt: str, base: int, ctx: ReportContext) -> list[Mention]:
    """The mentions of one passage `pt` starting at `base`, overlaps settled, in text order."""
    cls = clauses(pt)
    titles = [(base + t.start(), base + t.end()) for t in _TITLE.finditer(pt)]
    all_places = [m for m in find_places(pt, base, ctx) if _foreign_district_ok(m, pt)]
    places = [m for m in all_places if not any(a < m.start and m.end < b for a, b in titles)]
    # a title's issuer is a body (《中共湖南省委关于…》): its place prefix counts for agencies
    agencies = find_agencies(pt, base, ctx, all_places)
    ms = places + agencies + find_dictionary_places(pt, base)
    orgs = find_organizations(pt, base, ctx)
    ms += orgs
    ms += find_shaped_names(pt, base, ctx, places, orgs)
    ms += find_brand_firms(pt, base, ctx, ms)
    ms += find_unit_names(pt, base, ms)
    ms += find_list_siblings(pt, base, ms)
    ms += find_list_tail_items(pt, base, ms)
    ms += find_listed_names(pt, base, ctx)
    ms += find_policies(pt, base, ctx)
    ms += find_place_plans(pt, base, ms)
    ms += find_listed_events(pt, base)  # before find_events: of two equal spans the first is kept
    ms += find_events(pt, base, ctx, cls)
    ms += find_meetings(pt, base, ctx) + find_listed_sessions(pt, base)
    ms += find_level_games(pt, base)
    ms += listed_event_items(pt, base, [m for m in ms if m.label == "Event"])  # after every event finder
    ms += find_org_events(pt, base, ms)  # after the event and organisation finders: 上合组织|青岛峰会
    ms += find_tour_events(pt, base, ms)  # after the place finders: 院士|大鹏|行
    ms += find_contest_awards(pt, base)  # 获…大赛优胜奖: a contest named by the prize won at it
    ms += find_org_forms(pt, base, ctx, orgs)  # after the other finders: of two equal spans theirs is kept
    ms += find_firm_lists(pt, base, ms)
    ms += find_single_firms(pt, base, ms)  # after firm_lists: one firm alone before 等…企业
    ms += find_regional_units(pt, base, ms)  # after the organisation finders: a parent they found is kept
    ms += find_project_firms(pt, base, ms)  # after the organisation finders: only the names they left
    ms += find_coined_brand_firms(pt, base, ctx, ms)  # after the list finders: their firms vouch for siblings
    ms += find_vouched_firm_lists(pt, base, ms)  # after every firm finder: two firms of a list vouch for the rest
    ms += find_site_lists(pt, base, ms)
    ms += find_single_listed_places(pt, base, ms)
    ms += find_listed_county_shorts(pt, base, ctx)  # 连南、连山、乳源 in a 广东 report (listed_county_shorts.py)
    ms += find_chained_county_shorts(pt, base, ms)  # 广西|田林, 南宁|隆安 (chained_county_shorts.py)
    ms += find_bare_list_places(pt, base, ms)  # 坝光 among 葵涌、大鹏、南澳 (bare_list_places.py)
    ms += find_seated_places(pt, base, ms)
    ms += find_county_chains(pt, base, ms)
    ms += find_chained_divisions(pt, base, ms)  # 长沙县|黄花镇 (chained_divisions.py)
    ms += find_dash_chains(pt, base, ms)
    ms += find_shaped_agencies(pt, base, ctx, ms)  # after every body finder: only the names they left
    ms += find_agency_branches(pt, base, ms)  # after every body finder: a bureau's branch follows its name
    ms += find_listed_bureaus(pt, base, ctx, ms)  # after every body finder: bare bureaus after a levelled sibling
    ms += find_place_offices(pt, base, ms)
    ms += find_zone_committees(pt, base, ctx, ms)  # after place_offices: a zone's 党工委 and a bare 新区's bodies
    ms += find_police_units(pt, base, ctx, ms)  # after every body finder: 宝安|交警大队, 区|文化执法大队
    ms += find_cell_bureaus(pt, base, ctx, ms)  # after every body finder: bare short bureaus as list items
    ms += find_listed_councils(pt, base, ms)  # 区人大、政协: the conference shares the congress's place
    ms += join_fields(pt, base, ms)
    ms += find_persons(pt, base, ctx, agencies)
    ms += find_measures(pt, base, ctx)
    ms = veto_mentions(pt, base, ms)  # rule names the learned tagger reads as none (off by default)
    ms += propose_names(pt, base, ctx, ms)  # the learned tagger's names the rules missed (off by default)
    ms += propose_spans(pt, base, ctx, ms)  # the boundary classifier's names the rules missed (off by default)
    ms = cut_place_titles(pt, base, drop_counted_kinds(pt, base, trim_glued_edges(pt, base, trim_opener_edges(pt, base, ms))))
    ms = drop_wide_designations(ms)  # 深圳物流枢纽: a title of the whole city (wide_designations.py)
    ms = drop_award_titles(pt, base, nest_zones(_drop_policy_measures(_settle_overlaps(ms))))
    mark_foreign_bodies(ms)
    return ms


def author_mention(ctx: ReportContext) -> Mention | None:
    """The author agency as a mention without a place in the text (its evidence comes later)."""
    if not ctx.author_name:
        return None
    return Mention("Agency", 0, 0, ctx.author_surface or ctx.author_name, ctx.author_name,
                   {ctx.author_surface} if ctx.author_surface else set(), {"author": True})


def extract_entities(text: str, passages: list[Passage], report: ReportInfo) -> ExtractionResult:
    ctx = build_context(report, text)
    graph = _Graph(report, text)
    author = author_mention(ctx)
    home_info = ctx.home

    per_passage: list[tuple[Passage, list[Mention], list[tuple[int, int]]]] = []
    all_mentions: list[Mention] = []
    for p in passages:
        pt = text[p.start:p.end]
        if not pt.strip():
            continue
        ms = find_mentions(pt, p.start, ctx)
        year = p.year or report.year
        status = _STATUS.get(p.role)
        for m in ms:
            if m.label in ("Measure", "Event"):
                if year:
                    m.props["year"] = year
                if status:
                    m.props["status"] = status
            if author is not None and m.label == "Agency" and m.name == author.name:
                m.props["author_ref"] = True
        per_passage.append((p, ms, sentences(pt, p.start)))
        all_mentions += ms
    _merge_policy_variants(all_mentions, ctx)
    merge_prefixed_variants(all_mentions, ctx, ("Organization", "Policy"))
    add_recurring_names(text, [(p.start, p.end, ms) for p, ms, _ in per_passage])
    resolve_short_forms(text, [(p.start, p.end, ms) for p, ms, _ in per_passage])  # 南科大 is 南方科技大学

    author_id = node_id("Agency", author.name) if author else None
    lines = WorkLines()
    topic: Mention | None = None
    for p, ms, sents in per_passage:
        passage_text = text[p.start:p.end]
        ms = sorted(lines.enter(p, ms, passage_text), key=lambda m: m.start)
        starts = [m.start for m in ms]
        for s, e in sents:
            # mentions go with the sentence they start in (a title with 。 inside stays whole)
            sent = Sentence(s, e, ms[bisect_left(starts, s):bisect_left(starts, e)])
            ev = graph.evidence(p, s, e)
            for m in sent.mentions:
                section = lines.see(m)
                if section is not None:
                    graph.edge(graph.node(m, ev), "PART_OF", graph.node(section, ev), ev, {})
            for m in sent.mentions:
                graph.node(m, ev)
            sc = SentenceContext(text, sent, ctx, author, _home_mention(home_info, sent), p.year or report.year,
                                 lines.line, lines.item or lines.line, topic)
            if author is None and sc.actor is not None:
                topic = sc.actor
            for r in relate(sc):
                a = graph.node(r.source, ev)
                b = graph.node(r.target, ev)
                graph.edge(a, r.type, b, ev, r.props)
            lines.end_sentence(sent.mentions, text[s:e])
        lines.leave(p, passage_text)

    if author is not None and author_id not in graph.nodes and passages:
        # the author named nowhere in the body: its evidence is the report's opening line
        p = next((q for q in passages if text[q.start:q.end].strip()), passages[0])
        sents = sentences(text[p.start:p.end], p.start) or [(p.start, p.end)]
        graph.node(author, graph.evidence(p, *sents[0]))

    nodes = list(graph.nodes.values())
    texts = {}
    for n in nodes:
        parts = [n.name, *n.aliases]
        if n.name_en:
            parts.append(n.name_en)
        parts.append(graph.context.get(n.id, ""))
        texts[n.id] = " ".join(x for x in parts if x)
    return ExtractionResult(nodes, list(graph.edges.values()), author_id if author else None, texts)
