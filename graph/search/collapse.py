"""One fact, one hit: near-duplicate passages of one report series collapsed in a hit list.

A district's work reports repeat themselves year after year (建成…长者食堂 in 2018, 2019 and
2020 alike); in a whole collection such a sentence would fill the top ten with one fact. A
passage whose character bigrams mostly repeat a better-ranked passage of the same author's report
of another year is dropped, and the kept hit lists that year under `also_in`.

A report can also hold one passage twice: the 155-report collection has 1,242 passages (6%) whose
text stands earlier in the same report (a web page printed twice: 737 of 946 passages of one 2021
district report, a hundred of each of three State Council reports). Such a repeat is folded into its
first occurrence whatever the series, with no year to add.

"Also in 2019" says the other year states the same fact, so a fold also needs the same figures: of the
44 folds in the top 10 of the whole-corpus dev questions (155 reports), 16 joined passages whose numbers
differ. In 8 only a glossary note's item number differs (「11.“数治光明”品牌：…」 / 「35.“数治光明”品牌：…」),
which is no figure of its text; the other 8 are other facts and now stay apart: one district's GDP
targets of two years (增长6.0% / 增长5.5%), 完成35个…启动30个老旧住宅区 against …63个, an exhibition area of
11 against 10万平方米.
"""
from __future__ import annotations

import re
from typing import Callable

from .results import Hit

# Share of the shorter passage's bigrams that the longer one also has. Rewritten review
# paragraphs of consecutive years share 0.3-0.5; a sentence carried over with a new figure, 0.8+.
NEAR_DUPLICATE = 0.7


_ITEM_NUMBER = re.compile(r"^\s*[（(]?\d+\s*[.．、)）]\s*")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def figures(text: str) -> set[str]:
    """The numbers a passage states, its leading item number (「11.」, 「（3）」) left out."""
    return set(_FIGURE.findall(_ITEM_NUMBER.sub("", text, count=1)))


def same_figures(a: str, b: str) -> bool:
    """Whether the shorter text states no number the longer one does not."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return figures(short) <= figures(long_)


def _bigrams(text: str) -> set[str]:
    t = "".join(text.split())
    return {t[i:i + 2] for i in range(len(t) - 1)}


def _same_text(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def near_duplicate(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= NEAR_DUPLICATE


def collapse_series(hits: list[Hit], author_of: Callable[[str], str | None],
                    year_of: Callable[[str], int | None] | None = None) -> list[Hit]:
    """`hits` best first; `author_of(report id)` names the series a report belongs to, `year_of(report
    id)` its year (else the passage's own year, which a glossary note has none of). Hits of reports
    without an author are never collapsed."""
    def year(h: Hit) -> int | None:
        return (year_of(h.report) if year_of else None) or h.year

    kept: list[tuple[Hit, set[str], str | None]] = []
    for h in hits:
        grams = _bigrams(h.text)
        author = author_of(h.report)
        twin = next((k for k, _g, _a in kept if k.report == h.report and _same_text(k.text, h.text)), None)
        if twin is None and author:
            twin = next((k for k, g, a in kept if a == author and k.report != h.report
                         and near_duplicate(grams, g) and same_figures(h.text, k.text)), None)
        if twin is None:
            kept.append((h, grams, author))
        else:
            twin.folded.append(h.file)
            y = year(h)
            if y is not None and y != year(twin) and y not in twin.also_in:
                twin.also_in.append(y)
                twin.also_in.sort()
    return [h for h, _, _ in kept]
