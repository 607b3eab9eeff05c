"""ISSUED from the body written right before a cited title: 落实国务院《重大行政决策程序暂行条例》, 认真落实市政府
《关于调整市区两级政府部分管理权限的意见》, 根据区委区政府《关于实施“福田英才荟”计划的若干措施》.

A report cites another body's document by naming the body, then the title in 《》, with no word between: the body
is the document's issuer, whatever verb the sentence uses (落实, 贯彻, 根据: the author carries it out). The
drafting-verb rule saw no drafting verb and title_issuers no body inside the brackets, so no issuer was drawn;
the recall audit (tools/policy_audit.py) read 15 such citations in the document statements of the non-test reports,
none with an ISSUED edge. Bodies joined without a mark or by 、 (区委区政府《…》, 中共中央、国务院《…》) issue the
document together.
"""
from __future__ import annotations

from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext


def citing_bodies(s: SentenceContext, po: Mention) -> list[Mention]:
    """The agencies written right before the 《 of `po`, nearest last: 区委区政府《…》 and 市委、市政府《…》 give both."""
    if not po.surface.startswith("《"):
        return []
    bodies: list[Mention] = []
    edge = po.start
    for a in sorted((a for a in s.of("Agency") if a.end <= po.start), key=lambda a: a.end, reverse=True):
        joined = a.end == edge or (a.end == edge - 1 and s.text[a.end] == "、" and bodies)
        if not joined or a.start < s.start:
            break
        bodies.insert(0, a)
        edge = a.start
    return bodies


def joined_bodies(s: SentenceContext, body: Mention) -> list[Mention]:
    """The agencies joined to `body` without a mark or by 、 (省委、省政府出台《…》: both issue), itself included,
    in text order."""
    agencies = sorted(s.of("Agency"), key=lambda a: a.start)
    chain = [body]
    for step in (-1, 1):
        edge = body
        while True:
            nxt = next((a for a in agencies if a is not edge and a.start >= s.start and (
                (step < 0 and (a.end == edge.start or (a.end == edge.start - 1 and s.text[a.end] == "、")))
                or (step > 0 and (a.start == edge.end or (a.start == edge.end + 1 and s.text[edge.end] == "、"))))), None)
            if nxt is None or nxt in chain:
                break
            chain.append(nxt)
            edge = nxt
    return sorted(chain, key=lambda a: a.start)


def cited_issuers(s: SentenceContext) -> Iterator[Relation | None]:
    for po in s.of("Policy"):
        for body in citing_bodies(s, po):
            yield s.relation(body, "ISSUED", po)
