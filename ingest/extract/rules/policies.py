"""ISSUED and IMPLEMENTS: a document drafted here is issued by the actor (or the body just before the
verb); one carried out is implemented by the measure that carries it out."""
from __future__ import annotations

import re
from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext
from .cited_issuers import joined_bodies
from .peeled_leads import peeled_before
from .title_issuers import title_issuer

# 修编 (revising one's own plan: 修编宝安综合规划) drafts too; a round word (编制新一轮|南沙总体发展规划) is no
# part of the name (policies.py strips it), so the verb stands before it
_ISSUE = re.compile(r"(?:制定|制订|修订|修编|印发|出台|发布|公布|颁布|编制|起草|审议通过)(?:了|并印发了?|印发了?|实施|完成)?的?"
                    r"(?:新一轮|新一版)?[“”]?$")
# 完成《…》编制 / 修订: the drafting verb after the title, 完成 before it
_DONE_BEFORE = re.compile(r"(?:完成|启动|开展)了?$")
_DRAFTED_AFTER = re.compile(r"^(?:的)?(?:编制|修订|制定|起草|修编)")
# …规划编制完成 / 做好…规划编制工作: the drafting done or taken in hand after the title (not 修编/修订 alone, which
# a district joins for the city's plan: 对接全市城市总体规划修编)
_DRAFTED_DONE = re.compile(r"^(?:的)?编制(?:工作)?(?:已)?(?:基本|全面|初步|顺利|正式)?完成")
_TAKEN_IN_HAND = re.compile(r"(?:做好|抓好|完成好)$")
_DRAFTING_WORK = re.compile(r"^(?:的)?编制(?:工作)?")
# 推动出台 (a people's congress passes it), 参与制定 (a contributor), 国家出台, 国家层面重在制定 (another issuer),
# 新修订的 (an attribute):
# not the actor's document
_NOT_ISSUER = re.compile(r"(?:推动|推进|争取|促成|配合|协调|参与|协助|指导|督促|推动制定|(?:国家|中央|上级)(?:层面)?(?:重在|负责|要|将)?|(?<!重)新)"
                         r"(?:制定|制订|修订|印发|出台|发布|颁布|编制|起草)")
_IMPLEMENT = re.compile(r"(?:落实|贯彻|执行|实施|贯彻落实|依据|按照|根据|对照|遵照)[了好]?$")


def _verb_kind(before: str, after: str = "") -> str | None:
    if _DONE_BEFORE.search(before) and _DRAFTED_AFTER.match(after):
        return "issue" if not _NOT_ISSUER.search(before) else "other"
    if _DRAFTED_DONE.match(after) or (_TAKEN_IN_HAND.search(before) and _DRAFTING_WORK.match(after)):
        return "issue" if not _NOT_ISSUER.search(before) else "other"
    if _ISSUE.search(before):
        return "issue" if not _NOT_ISSUER.search(before) else "other"
    if _IMPLEMENT.search(before):
        return "implement"
    return None


_ANY_ISSUE = re.compile(r"制定|制订|修订|修编|印发|出台|发布|公布|颁布|编制|起草|审议通过")


def _peeled_kind(before: str, po: Mention) -> str | None:
    """The drafting verb's kind behind the clause words the title's finder peeled off (peeled_leads.py)."""
    if not _ANY_ISSUE.search(before):
        return None
    for b in peeled_before(before, po.surface, bool(po.props.get("bracketed"))):
        if _ISSUE.search(b):
            return "issue" if not _NOT_ISSUER.search(b) else "other"
    return None


def policy_verbs(s: SentenceContext) -> Iterator[Relation | None]:
    prev_kind, prev_end = None, -1
    for po in s.of("Policy"):
        if prev_end >= 0 and 0 <= po.start - prev_end <= 1 and s.text[prev_end:po.start] in ("", "、", "和", "及", "与"):
            kind = prev_kind  # 制定A方案和B细则, 落实A、B: the verb governs the whole list
        else:
            kind = _verb_kind(s.before(po, 10), s.text[po.end:min(s.end, po.end + 10)])
            if kind in (None, "implement"):
                peeled = _peeled_kind(s.before(po, 10), po)
                # 推动出台并落实X: another body issues it, the author still carries it out
                kind = peeled if peeled == "issue" or kind is None else kind
        if kind == "issue":
            # 国务院出台《…》: a body right before the verb issues it, else the sentence's actor
            named = title_issuer(s, po) is None and next(
                (a for a in s.of("Agency") if 0 <= po.start - a.end <= 6 and a.end > s.start), None)
            issuer = title_issuer(s, po) or named or s.actor
            # 省委、省政府出台《…》: bodies joined to the one before the verb issue it with it
            for body in (joined_bodies(s, named) if named else [issuer] if issuer is not None else []):
                if body is issuer or body.end <= po.start:
                    yield s.relation(body, "ISSUED", po)
        elif kind == "implement":
            target = [m for m in s.of("Measure") if m.start <= po.start] or ([s.item] if s.item else [])
            for me in target[-1:]:
                yield s.relation(me, "IMPLEMENTS", po)
        prev_kind, prev_end = kind, po.end
