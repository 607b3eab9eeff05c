"""Relations between the mentions of one sentence, with the author as the default actor.

Chinese reports leave the subject out, so the actor of a measure or event is the author unless
the sentence opens with another body or names one by a cue (会同区文旅局, 北京冬奥组委主办的…).
Each relation's evidence is the sentence that states it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mentions import Mention, Relation
from .foreign_ties import event_places, partner_ties
from .places import gazetteer

_COOP_CUES = ("会同", "联合", "协同", "携手", "配合", "协助", "支持", "与", "同", "和")
_COOP_AFTER = re.compile(r"^(?:[、和及与]?[^，。；]{0,12}?)(?:沟通|合作|协作|对接|衔接|共同|联合|联动|签署|签订|共建|一道)")
_ORGANIZER = re.compile(r"^(?:主办|举办|承办|牵头举办|主导)的?")
_ORGANIZER_BEFORE = re.compile(r"由$")
_ISSUE = re.compile(r"(?:制定|制订|修订|印发|出台|发布|颁布|编制|起草|审议通过)(?:了|并印发了?|印发了?|实施)?[“”]?$")
# 推动出台 (a people's congress passes it), 国家出台 (another issuer), 新修订的 (an attribute): not the actor's document
_NOT_ISSUER = re.compile(r"(?:推动|推进|争取|促成|配合|协调|推动制定|国家|中央|上级|(?<!重)新)(?:制定|制订|修订|印发|出台|发布|颁布|编制|起草)")
_IMPLEMENT = re.compile(r"(?:落实|贯彻|执行|实施|贯彻落实|依据|按照|根据|对照|遵照)[了好]?$")
_PARTICIPATE = re.compile(r"(?:参加|参与|出席|组织参与|选送|参展|应邀)")
_HOLD = re.compile(r"(?:举办|召开|举行|承办|主办|开展|组织)")
_VISIT = re.compile(r"(?:走访|调研|考察|拜访|访问|实地调研走访|调研走访)$")


@dataclass
class Sentence:
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)


def _between(text: str, a: int, b: int) -> str:
    return text[a:b] if b > a else ""


def relate_sentence(text: str, sent: Sentence, ctx, author: Mention | None, home: Mention | None,
                    year: int | None, line: Mention | None, item: Mention | None = None) -> list[Relation]:
    """All relations a single sentence states. `text` is the whole report text.

    `line` is the numbered line of work the sentence stands in; `item` the line or topic clause
    heading the run of sentences it belongs to (a policy implemented there is implemented by it).
    """
    rels: list[Relation] = []
    S, E = sent.start, sent.end
    ms = sorted(sent.mentions, key=lambda m: m.start)

    def rel(a: Mention, t: str, b: Mention, **props) -> None:
        if a is b or (a.label == b.label and a.name == b.name):
            return
        rels.append(Relation(a, t, b, S, E, props))

    agencies = [m for m in ms if m.label == "Agency"]
    orgs = [m for m in ms if m.label == "Organization"]
    events = [m for m in ms if m.label == "Event"]
    measures = [m for m in ms if m.label == "Measure"]
    policies = [m for m in ms if m.label == "Policy"]
    places = [m for m in ms if m.label == "Place"]
    persons = [m for m in ms if m.label == "Person"]

    # The actor: a body opening the sentence (after a time phrase), else the author.
    actor = author
    lead = re.match(r"\s*(?:\d{4}年(?:\d{1,2}月)?(?:以来)?[，,]?)?", text[S:E])
    lead_end = S + (lead.end() if lead else 0)
    for a in agencies:
        if a.start == lead_end and not a.props.get("author_ref") and text[a.end:a.end + 1] not in ("的", "和", "、"):
            actor = a
            break

    # Cooperation partners: 会同X, 与X沟通衔接, 联合X
    partners: list[Mention] = []
    for m in agencies + orgs:
        if m is actor or m.props.get("author_ref") or m.name == (author.name if author else None):
            continue
        before = text[max(S, m.start - 3):m.start]
        cue = next((c for c in _COOP_CUES if before.endswith(c)), None)
        if cue is None:
            # a list: 会同区发改委、区文旅局
            prev = [p for p in partners if 0 < m.start - p.end <= 1 and text[p.end:m.start] in "、和及与"]
            if prev:
                partners.append(m)
            continue
        if cue in ("与", "同", "和"):
            # 与X only counts when a joint verb follows X
            if not _COOP_AFTER.match(text[m.end:E]):
                continue
        if cue == "支持" and not text[m.end:m.end + 2] in ("开展", "举办"):
            continue
        partners.append(m)
    if actor is not None:
        for p in partners:
            rel(actor, "COOPERATED_WITH", p)

    # Organisers written before an event: 北京冬奥组委主办的…邀请展 / 由X主办
    organized: set[int] = set()
    for ev in events:
        for a in agencies + orgs:
            if a.end <= ev.start and _ORGANIZER.match(text[a.end:ev.start].lstrip()) is not None \
                    and ev.start - a.end <= 30 and "，" not in text[a.end:ev.start]:
                rel(a, "ORGANIZED", ev)
                organized.add(id(ev))
        if id(ev) in organized:
            if actor is not None and _PARTICIPATE.search(_between(text, max(S, ev.start - 40), ev.start)):
                rel(actor, "PARTICIPATED_IN", ev)
            continue
        before = text[max(S, ev.start - 30):ev.start]
        clause_start = max(before.rfind("，"), before.rfind("；"))
        before = before[clause_start + 1:]
        if actor is None:
            continue
        if _PARTICIPATE.search(before):
            rel(actor, "PARTICIPATED_IN", ev)
        elif _HOLD.search(before) or _HOLD.search(text[ev.end:ev.end + 4]):
            rel(actor, "ORGANIZED", ev)
        for p in partners:
            if p.start < ev.start:
                rel(p, "PARTICIPATED_IN", ev)

    # Where events were held: 在王府半岛酒店、北京国际饭店等…举办了…培训
    at_places = []
    for p in places:
        before = text[max(S, p.start - 2):p.start]
        if before.endswith("在") or before.endswith("于"):
            at_places.append(p)
        elif at_places and 0 < p.start - at_places[-1].end <= 1 and text[at_places[-1].end] in "、和及":
            at_places.append(p)
    for ev in events:
        for p in at_places:
            # 在X…举办了Y: the place and the event share a clause
            if "，" not in text[min(p.end, ev.end):max(p.start, ev.start)]:
                rel(ev, "HELD_AT", p)

    # An office of a committee is part of it: 区委外事工作委员会办公室 -> 区委外事工作委员会
    for a in agencies:
        if a.name.endswith("委员会办公室"):
            parent = next((b for b in agencies if b.name == a.name[:-3]), None)
            rel(a, "PART_OF", parent or _implicit("Agency", a.name[:-3], a))

    # Measures: the actor carries them out; actions are part of the line they stand in.
    for me in measures:
        if actor is not None:
            rel(actor, "CARRIED_OUT", me)
        if line is not None and me is not line and not me.props.get("line"):
            rel(me, "PART_OF", line)

    # Policies: issued by the actor when drafted here; implemented by the measure carrying them out.
    prev_kind, prev_end = None, -1
    for po in sorted(policies, key=lambda m: m.start):
        before = text[max(S, po.start - 10):po.start]
        kind = None
        if 0 <= po.start - prev_end <= 1 and text[prev_end:po.start] in ("", "、", "和", "及", "与"):
            kind = prev_kind  # 制定A方案和B细则, 落实A、B: the verb governs the whole list
        elif _ISSUE.search(before):
            kind = "issue" if not _NOT_ISSUER.search(before) else "other"
        elif _IMPLEMENT.search(before):
            kind = "implement"
        if kind == "issue":
            # 国务院出台《…》: a body right before the verb issues it, else the sentence's actor
            issuer = next((a for a in agencies if 0 <= po.start - a.end <= 6 and a.end > S), None) or actor
            if issuer is not None:
                rel(issuer, "ISSUED", po)
        elif kind == "implement":
            target_measures = [m for m in measures if m.start <= po.start] or ([item] if item else [])
            for me in target_measures[-1:]:
                rel(me, "IMPLEMENTS", po)
        prev_kind, prev_end = kind, po.end

    # Visits: 调研走访正大集团、毕马威会计师事务所
    visited: list[Mention] = []
    for m in orgs + [p for p in places if p.props.get("kind") == "venue"]:
        before = text[max(S, m.start - 6):m.start]
        if _VISIT.search(before):
            visited.append(m)
        elif visited and 0 < m.start - visited[-1].end <= 1 and text[visited[-1].end] in "、和及":
            visited.append(m)
    visited.sort(key=lambda m: m.start)
    # lists continue after the first visited name
    for m in sorted(orgs, key=lambda m: m.start):
        if visited and m not in visited and 0 < m.start - visited[-1].end <= 1 and text[visited[-1].end] in "、和及":
            visited.append(m)
    if actor is not None:
        for m in visited:
            rel(actor, "VISITED", m)

    # Heads: 党组书记、主任周桂芳 -> the author; 北京市市长 殷勇 -> 北京市人民政府
    for pe in persons:
        target = None
        ps = pe.props.get("post_start", pe.start)
        if pe.props.get("post", "").startswith("副") or pe.props.get("post") in ("委员", "主任委员"):
            continue  # a deputy or member serves in a body without heading it
        for a in agencies:
            if 0 <= ps - a.end <= 1:
                target = a
        if target is None and pe.props.get("post") in ("总书记",):
            target = _implicit("Agency", "中共中央", pe)
        elif target is None and pe.props.get("post") in ("总理",):
            target = _implicit("Agency", "国务院", pe)
        elif target is None and pe.props.get("post", "").endswith(("市长", "区长", "省长")):
            pl = [p for p in places if 0 <= ps - p.end <= 1]
            if pl:
                target = _implicit("Agency", f"{pl[-1].name}人民政府", pe)
            elif author is not None and ctx.author_is_government:
                target = author
        elif target is None and author is not None and not ctx.author_is_government:
            target = author
        if target is not None:
            rel(pe, "HEADS", target)

    # Places: foreign places sit in their country; written chains (深圳市光明区) state it too.
    g = gazetteer()
    for i, p in enumerate(places):
        if p.props.get("kind") == "venue":
            continue
        if p.props.get("foreign") and p.props.get("kind") != "country":
            chain = g.chain(p.props.get("gazetteer", p.name))
            # only what the sentence itself names: 日本东京都…目黑区, not a country it leaves unsaid
            named = {q.props.get("gazetteer") for q in places}
            cut = 1
            while cut < len(chain) and chain[cut].name in named:
                cut += 1
            chain = chain[:cut]
            for child, parent in zip(chain, chain[1:]):
                a = p if child.name == p.props.get("gazetteer") else _implicit_place(child, p)
                rel(a, "LOCATED_IN", _implicit_place(parent, p))
        if i + 1 < len(places):
            q = places[i + 1]
            if q.start == p.end and not p.props.get("foreign") and not q.props.get("foreign"):
                info = g.places.get(q.props.get("gazetteer", q.name))
                if info is not None and info.parent == p.props.get("gazetteer"):
                    rel(q, "LOCATED_IN", p)

    # Foreign ties (sister cities, friendly-exchange cities): their own rules
    rels += partner_ties(text, S, E, ms, home, year)
    rels += event_places(S, E, ms)
    return rels


def _implicit(label: str, name: str, near: Mention) -> Mention:
    """An entity the sentence implies without naming it in full (国务院 behind 总理)."""
    return Mention(label, near.start, near.end, near.surface, name, set(), {"implicit": True})


def _implicit_place(info, near: Mention) -> Mention:
    return Mention("Place", near.start, near.end, near.surface, info.canonical, set(),
                   {"kind": info.kind, "foreign": info.foreign, "gazetteer": info.name, "implicit": True},
                   info.name_en)
