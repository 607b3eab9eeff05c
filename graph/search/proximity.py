"""Words of a query that stand together in a passage: the longest run of the query found unbroken.

BM25 scores words one by one, so 「进一步深化国资国企改革方案」 ranks a passage that says 深化国资国企改革 and
改革方案 apart (Tianjin: 「深化国资国企改革，把新一轮国企改革方案…」) with the one that names the plan whole
(Fujian: 「制定实施进一步深化国资国企改革方案」). In a whole collection, where every report has most of the
words, the unbroken run is what tells the passage meant. Measured on the dev half of the gold, in
graph/search/service.py where it becomes a rank-fusion list.
"""
from __future__ import annotations

import re

_CJK_RUN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]{4,}")
# Runs are found through character trigrams: shorter ones are too common to say anything.
GRAM = 3


def segments(text: str) -> list[str]:
    """The runs of the query worth matching: letters and digits between punctuation and spaces,
    four characters or longer, Chinese in them (an English query's words are matched by BM25)."""
    return [s for s in _CJK_RUN.findall(text or "") if any("\u4e00" <= ch <= "\u9fff" for ch in s)]


def longest_run(segs: list[str], text: str, min_run: int = 5) -> float:
    """The largest share of a segment that stands unbroken in `text` (1.0: the whole segment), counting
    only runs of at least `min_run` characters. A run is a stretch of the segment whose trigrams all
    stand in `text`: trigrams that meet in different places of one passage of 200 characters are rare."""
    best = 0.0
    for seg in segs:
        run = 0
        for i in range(len(seg) - GRAM + 1):
            if seg[i:i + GRAM] in text:
                run += 1
                length = run + GRAM - 1
                if length >= min_run:
                    best = max(best, length / len(seg))
            else:
                run = 0
    return best


_NUMBER = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万亿两]+(?:个|家|项|座|所|次|名|倍|成|条|批)")
# How far after a question word its figure may stand: 「新增全国重点实验室12家」, 「进出口总额达4.5万亿元」.
NUMBER_GAP = 6


def words_with_figures(words: list[str], text: str) -> int:
    """How many of the query's words stand in `text` with a figure within a few characters after them."""
    count = 0
    for w in words:
        at = text.find(w)
        while at >= 0:
            if _NUMBER.search(text, at + len(w), at + len(w) + NUMBER_GAP):
                count += 1
                break
            at = text.find(w, at + 1)
    return count
