"""Companies named outside the lexicons by their brand and trade: 华润微电子, 大族激光, 康泰生物, 西门子能源.

A Chinese company is usually written as its brand (a word jieba tags as a name: nz, nr, nt) and its trade
(`firm_trades.txt`: 微电子, 激光, 生物, 半导体…), with no suffix (公司, 集团) for find_organizations to build
from. Such a run is a company when
- the brand is one jieba word of 2-3 characters tagged as a name, not a place (gazetteer or the report's own:
  龙华|能源 is the district's), not a clause opener (jieba tags 深化, 力争 as names) and no category word;
- the name ends there: punctuation, a conjunction, a count or a project word follows (华润微电子|12英寸线,
  康泰生物|等项目), or a unit of the company (大族激光|智能制造基地, unit_names.py). A longer common noun
  after the trade (华为科技|城, 北斗卫星|应用, 康佳半导体|产业园) makes the run a place or a field, not a firm.
Over the 155 corpus reports the candidates were read before the followers were fixed (docs/extraction-orgs.md).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import Matcher, word_list, word_set
from .mentions import Mention
from .traps import category_words
from .unit_names import unit_length
from .words import cut_words, tagger

if TYPE_CHECKING:
    from .resolve import ReportContext

# characters a brand may follow inside a clause: function words and the last character of 支持, 推动, 引进, 加快, 建设, 培育
_BEFORE = frozenset("是与及在对将把由为从向以等持动进快设育")
_BRAND_TAGS = frozenset({"nz", "nr", "nrt", "nt"})
# what may follow a company's name: punctuation, conjunctions, 等, a count or edition, a project word
_FOLLOWERS = re.compile(r"(?:[、，。；：）”]|等|和|及|与|项目|[0-9０-９]|第|登陆|落户|投产)")


@lru_cache(maxsize=1)
def _trades() -> Matcher:
    """The trades in one automaton: a regex looking ahead at every character cost 4% of build_batch."""
    return Matcher((t, t) for t in word_list("firm_trades.txt"))


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(word_set("name_shape_boundaries.txt") | word_set("clause_lead_words.txt")
                     | word_set("boundary_words.txt"))


def _opens_word(text: str, s: int) -> bool:
    """Whether a brand may start at `s`: after punctuation or a function word (the brand must open a word)."""
    return not (s and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in _BEFORE)


@lru_cache(maxsize=65536)
def is_brand(word: str) -> bool:
    """Whether `word` reads as a company's brand (see the module); places are checked by the caller."""
    from .places import gazetteer
    _, tags = tagger()
    return (len(cut_words(word)) == 1 and tags.get(word) in _BRAND_TAGS and word not in _openers()
            and word not in category_words() and not gazetteer().matcher.find(word))


def find_brand_firms(text: str, base: int, ctx: ReportContext, mentions: list[Mention]) -> list[Mention]:
    """Brand-and-trade company names not covered by another name mention (see the module)."""
    out: list[Mention] = []
    places = ctx.place_names if ctx else set()
    taken = [(m.start - base, m.end - base) for m in mentions if m.label != "Measure"]
    for ts, e, trade, _ in _trades().find(text):
        s = next((s for s in (ts - 2, ts - 3) if s >= 0 and _opens_word(text, s) and is_brand(text[s:ts])), None)
        if s is None:
            continue
        brand = text[s:ts]
        if any(p in brand for p in places if len(p) >= 2):
            continue
        rest = text[e:e + 16]
        if not (_FOLLOWERS.match(rest) or (rest and unit_length(re.match(r"[\u4e00-\u9fff]*", rest).group(0)))):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        name = brand + trade
        out.append(Mention("Organization", base + s, base + e, name, name, set(), {"firm": True}))
    return out
