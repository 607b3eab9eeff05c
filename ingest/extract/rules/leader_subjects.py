"""A leader as the subject of a joining verb further back in the sentence.

Chinese keeps the subject of a run of clauses unsaid once named: 习近平总书记两次亲临深圳视察，出席深圳经济特区建立
40周年庆祝大会 and 习近平主席等国家领导人出访多国，出席二十国集团领导人峰会、… state the leaders' attendance,
not the report author's, though the verb stands a clause away from the name. The leader holds the subject
until the sentence names another (我们, 我市, 市委市政府…) or turns the leader into a modifier (落实习近平总书记
重要讲话精神, …的指示: then the leader is no subject at all).
"""
from __future__ import annotations

import re

from ..sentence import SentenceContext

_LEADER = re.compile(r"(?:总书记|国家主席|主席|总理|领导人)")
# another subject, or a word that shows the leader was a modifier of a thing, not the doer
_HANDOVER = re.compile(r"(?:我们|我市|我区|我省|我国|全市|全区|全省|全国|市委|区委|省委|政府|党工委|管委会"
                       r"|精神|讲话|指示|批示|思想|要求|部署|关怀|领导下)")


def leader_subject(s: SentenceContext, at: int) -> bool:
    """Whether a leader named earlier in the sentence is still the subject at offset `at` (a joining verb)."""
    head = s.text[s.start:at]
    ends = [m.end() for m in _LEADER.finditer(head)] + [p.end - s.start for p in s.of("Person") if p.end <= at]
    if not ends:
        return False
    return _HANDOVER.search(head[max(ends):]) is None
