"""Sessions listed under one body and term: 市委六届十一次、十二次、十三次全会 names three plenums, 省委十三届三次、
四次全会 two. Each item becomes its own event with the body, the term and the head written once for all
(市委六届十二次全会), as enumerations of other names are expanded (issue 13). A single session
(市委七届六次全会) is meetings.py's; the Party's national plenums (十九届二中、三中全会) carry no local
body and stay out, as there.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention

_NUM = "[一二三四五六七八九十百0-9]"


@lru_cache(maxsize=1)
def _list_re() -> re.Pattern:
    heads = "|".join(map(re.escape, sorted(word_list("meeting_heads.txt"), key=len, reverse=True)))
    return re.compile(rf"(?P<body>(?:省委|市委|区委|县委|省|市|区|县){_NUM}+届)"
                      rf"(?P<items>{_NUM}+[次中](?:[、和及]{_NUM}+[次中])+)(?P<head>{heads})")


_ITEM = re.compile(rf"{_NUM}+[次中]")


def find_listed_sessions(text: str, base: int) -> list[Mention]:
    out: list[Mention] = []
    if "届" not in text:
        return out
    for m in _list_re().finditer(text):
        body, head = m.group("body"), m.group("head")
        items = list(_ITEM.finditer(text, m.start("items"), m.end("items")))
        for k, it in enumerate(items):
            # the spans tile the list (市委六届十一次 | 十二次 | 十三次全会) so that no item covers another
            s = m.start() if k == 0 else it.start()
            e = m.end() if k == len(items) - 1 else it.end()
            name = body + it.group(0) + head
            out.append(Mention("Event", base + s, base + e, text[s:e], name, set(), {"meeting": True}))
    return out
