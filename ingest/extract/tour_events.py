"""Touring campaigns named …行: 广货全国行, 广货网上行, “优才中国行”, “安全生产万里行”, “院士大鹏行”.

A series of fairs, talks or visits that travels is named by what travels and where it goes, then 行 ("tour"):
广货全国行 (Guangdong goods across the country), 深圳时尚全球行, 优才中国行. 行 ends far more words than names
(银行, 运行, 先行), so a name needs what the tour covers right before 行: a scope word (全国, 网上, 全球, 中国,
万里, 世界, 海外…, `tour_scopes.txt`) or a place the report names there (院士|大鹏|行), and a left edge: an
opening quote, a clause mark or an event verb (办好, 开展), then the clause's leading verbs and adverbs (深入推进)
by jieba's tags, and two to eight characters of name left.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_list
from .mentions import Mention
from .words import cut_words, tagger

# a clause mark, or a conjunction that lists it after another (广货网上行及全国行: the second is elided)
_EDGE = re.compile(r"[，。；、：“（\n和及与]")
# the words a clause opens with before the name: 深入推进|广货全国行, 持续开展|…
_LEAD_TAGS = frozenset({"v", "vd", "d", "ad", "p"})


@lru_cache(maxsize=1)
def _scope_re() -> re.Pattern:
    scopes = "|".join(map(re.escape, sorted(word_list("tour_scopes.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:{scopes})行(?=[、，。；”和及等]|活动|系列|$)")


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(word_list("event_verbs.txt"), key=len, reverse=True))))


def _name_start(text: str, head: int) -> int | None:
    """The start of the tour's name ending in the scope at `head`: after the quote, clause mark or last event verb."""
    lo = max(0, head - 10)
    edge = max((m.end() for m in _EDGE.finditer(text, lo, head)), default=0 if lo == 0 else None)
    if edge is None:
        return None
    start = max((m.end() for m in _verbs().finditer(text, edge, head)), default=edge)
    words, tags = cut_words(text[start:head]), tagger()[1]
    while len(words) > 1 and tags.get(words[0]) in _LEAD_TAGS:
        start += len(words.pop(0))
    return start if 2 <= head - start <= 8 else None


def find_tour_events(text: str, base: int, ms: list[Mention]) -> list[Mention]:
    """…行 tours in passage `text` at `base`; `ms` are the passage's mentions so far (places as scopes)."""
    if "行" not in text:
        return []
    out: list[Mention] = []
    heads = [(m.start(), m.end()) for m in _scope_re().finditer(text)]
    # a place named right before 行 inside a quoted name: “院士大鹏行”
    heads += [(p.start - base, p.end - base + 1) for p in ms if p.label == "Place" and text.startswith("行”", p.end - base)]
    for head, end in heads:
        s = _name_start(text, head)
        if s is None:
            continue
        name = text[s:end]
        out.append(Mention("Event", base + s, base + end, name, name, set(), {}))
    return out
