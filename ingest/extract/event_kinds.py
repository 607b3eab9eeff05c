"""A kind word before a list of events covers every item: 各种产品展销会和采购大会, 大型专业展销会、贸易洽谈会.

find_events drops an event led by a quantity or size (各种, 大型, 一批: a kind of event, not one), but
only the first item of a list carries that word; the items coordinated after it (和, 及, 与, 、) are kinds
of event too. Read on the corpus: 组织企业参加…大型专业展销会、贸易洽谈会, 举办各类招聘会、推介会.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention

_LINKS = "和及与、"


@lru_cache(maxsize=2)
def _kind_listed_re(kind: str) -> re.Pattern:
    sufs = "|".join(map(re.escape, sorted(word_list("event_suffixes.txt"), key=len, reverse=True)))
    # the kind word, then one item ending in an event word, then the link, at the end of the text before
    return re.compile(rf"(?:{kind})[^，。；：！？\n{_LINKS}]{{0,16}}(?:{sufs})"
                      rf"(?:[{_LINKS}][^，。；：！？\n{_LINKS}]{{1,16}}(?:{sufs}))*[{_LINKS}]$")


def drop_kind_listed(text: str, base: int, events: list[Mention], kind: re.Pattern) -> list[Mention]:
    """`events` of a passage `text` starting at `base`, without those listed after a kind of event
    (`kind` matches the words that make the first item a kind)."""
    listed = _kind_listed_re(kind.pattern)
    out = []
    for ev in events:
        s = ev.start - base
        if s > 0 and text[s - 1] in _LINKS and listed.search(text, max(0, s - 60), s):
            continue
        out.append(ev)
    return out
