"""Agreements named without brackets or abbreviation: 抓住区域全面经济伙伴关系协定实施机遇, 推进中欧投资协定谈判.

协定 and 条约 end the name of one document whatever verb stands before it (a report cites a treaty as
an opportunity, a negotiation or a rule: 抢抓…协定等机遇, 结束…协定谈判, 根据…条约). The name is the run
of nouns before the word, read with jieba's tags: a verb, preposition, adverb, numeral or particle ends
it on the left (抓住|区域全面经济伙伴关系协定, 升级6个|自贸协定). A run of words that only say what kind
of agreement it is (自由贸易协定, 高标准自贸协定, 投资贸易协定) names no document; neither does one
single noun (国际条约). 公约 is left out: in reports it is mostly a residents' pact (市民公约, 业主公约).
Read on the non-test corpus reports (国务院 2014-2022, 广东 2021-2022, 深圳 2022, 龙华 2022, 坪山 2021):
区域全面经济伙伴关系协定 is cited 12 times, 中欧投资协定 5, 信息技术协定 and 政府采购协定 twice.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import word_set
from .words import tagger

_AGREEMENT = re.compile(r"(?:协定|条约)(?![国方])")
# tags that may stand inside an agreement's name: nouns of every kind, verbal nouns, abbreviations
_NAME_TAGS = ("n", "vn", "j", "nz", "ns", "nt", "l")
_CLAUSE_MARKS = "，。；：、！？（）()“”《》\n 　和及与"
_MAX_LEFT = 20


@lru_cache(maxsize=1)
def _kind_words() -> frozenset[str]:
    return word_set("agreement_kind_words.txt")


@lru_cache(maxsize=1)
def _clause_words() -> frozenset[str]:
    # verbs jieba tags as nouns (深化建设|数字经济…协定: 建设 is vn) open a clause, never an agreement's name
    return word_set("clause_lead_words.txt") | word_set("treaty_lead_verbs.txt")


def _name_start(text: str, lo: int, end: int) -> int | None:
    """Where the agreement's name begins: after the last word before `end` that cannot be part of it."""
    jieba, tags = tagger()
    words = jieba.lcut(text[lo:end], HMM=False)
    start = end
    kept: list[str] = []
    for w in reversed(words):
        tag = tags.get(w)
        if (tag is None or not tag.startswith(_NAME_TAGS) or (len(w) == 1 and tag != "j")
                or w in _clause_words()):
            break
        start -= len(w)
        kept.append(w)
    if not kept or all(w in _kind_words() for w in kept) or len(kept) < 2 and len(kept[0]) < 3:
        return None
    return start


def agreement_names(text: str) -> list[tuple[int, int, str, set[str]]]:
    """(start, end, name, aliases) of each agreement named by its title alone."""
    out = []
    if "协定" not in text and "条约" not in text:
        return out
    for m in _AGREEMENT.finditer(text):
        lo = m.start()
        while lo > 0 and m.start() - lo < _MAX_LEFT and text[lo - 1] not in _CLAUSE_MARKS:
            lo -= 1
        s = _name_start(text, lo, m.start())
        if s is None:
            continue
        out.append((s, m.end(), text[s:m.end()], set()))
    return out
