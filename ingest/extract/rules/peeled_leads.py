"""The drafting verb behind the clause words a title's finder peeled off: 出台加快|现代服务业发展若干措施,
修订完善|政府投资项目全过程管理办法, 出台全国首个|社工人才扶持办法, 出台落实|生产经营单位主体责任实施办法.

`policy_titles.strip_lead` moves an unbracketed title's start past the clause's words (adverbs and verbs of
pushing 加快/推进/推动, 完善, 落实, a 首个 descriptor, a conjunction), so the drafting verb no longer stands
right before the Policy mention and the ISSUED rule (policies.py) read the sentence as no drafting, or as
carrying out (落实). The audit of 3,074 document statements over the 142 non-test reports (tools/policy_audit.py)
found 193 statements with a Policy, a drafting verb and no ISSUED edge; with this reading +56 ISSUED edges over
those reports, about 54 right.

A bracketed title was not peeled: only a descriptor (出台全国首部《…规划》) may stand between verb and 《, as
a verb there governs the cited document (出台落实《…条例》实施细则: the 条例 is carried out, not issued).
"""
from __future__ import annotations

import re

from ..policy_titles import strip_lead

# what may stand between a drafting verb and 《 (出台全国首部《现代产业体系中长期发展规划》)
# or the document's number, with the body that numbers it (出台区政府“1号文”《创新驱动发展行动计划…》: the body is
# then the issuer, policies.py takes the agency right before the title)
_DOC_NUMBER = r"(?:区委|区政府|市委|市政府|省委|省政府|政府|、)*(?:20[0-9]{2}年)?“?(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})号文(?:件)?”?"
_BRACKET_GAP = re.compile(r"(?:(?:全国|全省|全市|全区|国内|省内|市内|区内)?首(?:个|批|部|份)|新一(?:轮|批|版)|[区县]级|区县级|县区级"
                          rf"|{_DOC_NUMBER})+$")


def peeled_before(before: str, surface: str, bracketed: bool) -> list[str]:
    """The texts before the mention with each run of peeled clause words removed, nearest first: the
    candidates in which the drafting verb may end. Empty when nothing before the mention was peeled."""
    out: list[str] = []
    for i in range(len(before) - 1, 0, -1):
        gap = before[i:]
        if bracketed:
            if _BRACKET_GAP.fullmatch(gap):
                out.append(before[:i])
        elif strip_lead(gap + surface) == len(gap):
            out.append(before[:i])
    return out
