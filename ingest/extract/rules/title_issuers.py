"""ISSUED from the body a document's title names as its issuer: 《国务院关于…的意见》, 住房和城乡建设部关于…的通知.

An official title opens with its issuing body (发文机关 + 关于 + 事由 + 文种), so whatever verb the sentence
uses (落实, 贯彻, 根据: the report's author carries it out), the body at the title's head issued it; the
drafting-verb rule (policies.py) then takes that body, not the sentence's actor, as the issuer.
"""
from __future__ import annotations

from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext


def title_issuer(s: SentenceContext, po: Mention) -> Mention | None:
    """The agency opening the title of `po` (after its 《), if the title names one."""
    return next((a for a in s.of("Agency") if 0 <= a.start - po.start <= 1 and a.end < po.end
                 and s.text.startswith("关于", a.end)), None)


def title_issuers(s: SentenceContext) -> Iterator[Relation | None]:
    for po in s.of("Policy"):
        issuer = title_issuer(s, po)
        if issuer is not None:
            yield s.relation(issuer, "ISSUED", po)
