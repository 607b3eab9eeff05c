"""Organizations: companies, universities, associations, institutions.

Known short names come from lexicon/org_known.tsv (北京人艺); the rest are built leftwards from
a suffix (…集团, …会计师事务所, …大学) up to a verb or punctuation (走访正大集团 -> 正大集团).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import Matcher, table, word_set
from .mentions import Mention
from .spans import expand_left


@lru_cache(maxsize=1)
def _known() -> Matcher:
    return Matcher((s, (c, en or None)) for s, c, en in table("org_known.tsv"))


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern:
    sufs = sorted(word_set("org_suffixes.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, sufs)) + ")(?![\u4e00-\u9fff]?(?:长|员|生|部|费|校区|园区))")


def find_organizations(text: str, base: int, ctx) -> list[Mention]:
    out: list[Mention] = []
    for s, e, key, (canonical, en) in _known().find(text):
        out.append(Mention("Organization", base + s, base + e, key, canonical,
                           {key} - {canonical}, {}, en))
    stop = word_set("org_stop.txt")
    for m in _suffix_re().finditer(text):
        s = expand_left(text, m.start(), min_len=2, max_len=14)
        if s is None:
            continue
        name = text[s:m.end()].strip("“”\"")
        if name in stop or text[s:m.start()] in stop or len(name) < 4:
            continue
        out.append(Mention("Organization", base + s, base + m.end(), text[s:m.end()], name, set(), {}))
    return out
