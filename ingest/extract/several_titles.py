"""若干 titles a document: 繁荣夜间经济若干措施, 关于…的若干意见.

若干 ("several") before 措施, 政策, 意见 or 规定 is the fixed wording of a measures package's title (国务院关于…的
若干意见, …若干措施), never of a description. An unbracketed name that opens with an adjective is otherwise read
as describing a document (详细接待方案), which lost the titles whose first word jieba tags as an adjective although
the title uses it as a verb (出台繁荣夜间经济若干措施: 繁荣 /a). Over the 143 non-test corpus reports, of about 55
unbracketed 若干 phrases after a verb one title was lost that way (the others were found or are no titles).
"""
from __future__ import annotations

import re

_SEVERAL = re.compile(r"若干(?:政策措施|措施|政策|意见|规定)$")


def titled_by_several(name: str) -> bool:
    """Whether an unbracketed document name ends in a 若干 title word, which marks it a title."""
    return _SEVERAL.search(name) is not None
