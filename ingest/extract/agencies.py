"""Agencies: government and party bodies, full names and abbreviations, domestic and foreign.

A body is a place prefix (深圳市光明区, or a bare 区/市/省 resolved by the report) followed by a
known agency name (lexicon/agency_names.tsv); national bodies (国务院, 中央政法委) and named
committees stand alone (lexicon/agency_national.tsv); party committees are 区委…委员会;
foreign governments are a foreign place + 政府; first-person forms (我办) are the author.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from functools import lru_cache

from .bare_agencies import bare_prefix
from .lexicon import Matcher, table
from .mentions import Mention

if TYPE_CHECKING:  # resolve imports places: the context type is for annotations only
    from .resolve import ReportContext

# Characters that, standing before a bare 区/市/省, make it the end of a word (社区, 全市, 超市)
_WORD_BEFORE_LEVEL = set("社城园片街辖全该各县乡镇地小校景军厂特新上超都股分门省市区两湾港")
_FIRST_PERSON = re.compile(r"(?:我|本)(?:办|局|委|厅|署)(?![员会])")
_PARTY = re.compile(r"委([\u4e00-\u9fff]{2,14}?)(委员会|领导小组)(办公室)?")
_PARTY_PREFIXES = ("中国共产党", "中共")
_CONSULATE = re.compile(r"驻([\u4e00-\u9fff]{2,4}?)(总领事馆|领事馆|大使馆|使馆)")


@lru_cache(maxsize=1)
def _cores() -> Matcher:
    entries = {}
    for surface, full, note in table("agency_names.tsv"):
        entries[surface] = ("local", full, note)
    for surface, canonical in table("agency_national.tsv"):
        entries.setdefault(surface, ("national", canonical, ""))
    return Matcher(entries.items())


def _label(note: str) -> str:
    return "Organization" if note == "org" else "Agency"


def find_agencies(text: str, base: int, ctx: ReportContext, places: list[Mention]) -> list[Mention]:
    """Agency (and association) mentions in one passage; `places` are its place mentions (absolute)."""
    out: list[Mention] = []
    # place mentions by passage-relative end, to find the prefix of a body
    rel_places = {}
    for p in places:
        if p.props.get("kind") == "venue":
            continue
        rel_places[p.end - base] = Mention(p.label, p.start - base, p.end - base, p.surface, p.name,
                                           p.aliases, p.props, p.name_en)
    place_ends = rel_places
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, name: str, label: str = "Agency", alias: str | None = None, props=None):
        if any(s < y and x < e for x, y in taken):
            return
        taken.append((s, e))
        surface = text[s:e]
        aliases = {surface} if surface != name else set()
        if alias and alias != name:
            aliases.add(alias)
        out.append(Mention(label, base + s, base + e, surface, name, aliases, props or {}))

    # Party committees first: they contain 委员会, which the core list would otherwise split.
    for m in _PARTY.finditer(text):
        s = m.start()
        pre = _resolve_prefix(text, s, place_ends, ctx)
        if pre is None:
            continue
        ps, pname, foreign = pre
        if foreign:
            continue
        body = text[m.start():m.end()]
        add(ps, m.end(), f"中共{pname}{body}")

    for m in _CONSULATE.finditer(text):
        country = place_ends.get(m.start())
        if country is None or country.props.get("kind") != "country":
            continue
        add(country.start, m.end(), text[country.start:m.end()])

    listed_after = None   # (end, place) of the last body with its place: 区环保水务局、住建局 shares it
    for s, e, key, (scope, full, note) in _cores().find(text):
        if key.endswith("部") and text.startswith("门", e):
            continue   # 教育部门, 公安部门: the offices of a field at any level, no ministry (issue 13, session 11)
        if key.endswith("办") and text.startswith("公", e):
            # 政府办公“一网协同”, 市政府办公会: 办公 is office work and the body, if any, is the shorter key (政府);
            # the session 13 audit read both such 办 bodies over the corpus wrong
            shorter = _cores().get(key[:-1])
            if shorter is None:
                continue
            key, e, (scope, full, note) = key[:-1], e - 1, shorter
        if scope == "national":
            # a national or named body stands alone: 国务院, 中央政法委, 北京冬奥组委
            ps = s
            m = place_ends.get(s)
            if m is not None and full.startswith(m.surface):
                ps = m.start
            add(ps, e, full, _label(note))
            continue
        pre = _resolve_prefix(text, s, place_ends, ctx)
        if pre is None and note not in ("party", "org"):
            bare = bare_prefix(text, s, key, ctx, listed_after)
            pre = (*bare, False) if bare else None
        if pre is None:
            continue
        ps, pname, foreign = pre
        listed_after = (e, pname)
        if foreign:
            # 首尔市政府: a foreign government keeps the name it was written with
            if full == "人民政府":
                add(ps, e, text[ps:e])
            continue
        if note == "party" or key in ("委", "委员会"):
            if key == "委员会":
                party = next((p for p in _PARTY_PREFIXES if text.endswith(p, 0, ps)), None)
                if party:  # 中国共产党广西壮族自治区委员会: a bare 委员会 is the Party's only after its name
                    add(ps - len(party), e, f"中共{pname}委员会")
                continue
            name = f"中共{pname}{full}" if full != "委员会" else f"中共{pname}委员会"
            party = next((p for p in _PARTY_PREFIXES if text.endswith(p, 0, ps)), "")
            add(ps - len(party), e, name)  # 中共湖南省委: the Party's name belongs to the body
            continue
        add(ps, e, pname + full, _label(note))

    if ctx.author_name:
        for m in _FIRST_PERSON.finditer(text):
            add(m.start(), m.end(), ctx.author_name, props={"author_ref": True})
    return out


def _resolve_prefix(text: str, s: int, place_ends: dict[int, Mention], ctx):
    """(prefix start, canonical place name, foreign) for the body starting at s, or None."""
    m = place_ends.get(s)
    if m is not None:
        start = m.start
        prev = place_ends.get(m.start)
        while prev is not None and not prev.props.get("foreign"):
            start = prev.start
            prev = place_ends.get(prev.start)
        return start, m.name, bool(m.props.get("foreign"))
    if text.endswith("自治区", 0, s):
        # 自治区党委, 自治区人大: a region's reports write their level as 自治区 where a province writes 省
        # (16 times 自治区党委 in the 广西 and 西藏 reports, session 12); its 区 is no district's
        region = ctx.province
        return (s - 3, region.canonical, False) if region is not None and region.name.endswith("自治区") else None
    if s > 0 and text[s - 1] in "区市省县":
        if s > 1 and text[s - 2] in _WORD_BEFORE_LEVEL:
            return None
        info = ctx.level(text[s - 1])
        if info is None:
            return None
        return s - 1, info.canonical, False
    if text.startswith("国家", max(0, s - 2)) and s >= 2:
        return s - 2, "国家", False
    return None


def author_mention_name(author: str, ctx: ReportContext) -> str | None:
    """Canonical name of the author agency written in full (东城区人民政府外事办公室)."""
    from .places import find_places
    places = find_places(author, 0, ctx)
    found = find_agencies(author, 0, ctx, places)
    if not found:
        return None
    best = max(found, key=lambda m: m.end - m.start)
    return best.name
