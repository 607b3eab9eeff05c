"""ISSUED from the body a document's title names as its issuer: 《国务院关于…的意见》, 住房和城乡建设部关于…的通知,
《2022年度禹王台区人民政府领导干部学法计划》.

An official title opens with its issuing body (发文机关 + 关于 + 事由 + 文种; a plan or rule may put its year
first), so whatever verb the sentence uses (落实, 贯彻, 根据: the report's author carries it out), the
body at the title's head issued it; the drafting-verb rule (policies.py) then takes that body, not the sentence's actor, as the issuer.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..mentions import Mention, Relation
from ..sentence import SentenceContext


# what may stand before the issuer in a title: the bracket and a year (《2022年度禹王台区人民政府…计划》)
_TITLE_LEAD = re.compile(r"《?(?:[0-9]{4}年度?)?")


def opens_title(policy: Mention, agency: Mention) -> bool:
    """Whether `agency` stands at the head of the title of `policy`, where a title names its issuer."""
    return (policy.start <= agency.start and agency.end < policy.end
            and _TITLE_LEAD.fullmatch(policy.surface[:agency.start - policy.start]) is not None)


def title_issuer(s: SentenceContext, po: Mention) -> Mention | None:
    """The agency opening the title of `po`, if the title names one."""
    return next((a for a in s.of("Agency") if opens_title(po, a)), None)


def title_issuers(s: SentenceContext) -> Iterator[Relation | None]:
    for po in s.of("Policy"):
        issuer = title_issuer(s, po)
        if issuer is not None:
            yield s.relation(issuer, "ISSUED", po)
