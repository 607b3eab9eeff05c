"""Section numbering as Chinese reports write it: 一、 （一） 1. 1、 （1） ① 第一部分, and inline 一是…二是…."""
from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十三 -> 23 (enough for section numbers)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1:
        return _CN_DIGITS.get(s)
    return None


# Each numbering style is a "kind"; the level of a kind is learned per document from the order styles
# appear in, because reports disagree on which style is the outer one.
_HEADING_PATTERNS = (
    # 第一部分 / 第一章 / 第一节
    ("part", re.compile(rf"第([{_CN}]{{1,3}}|\d{{1,2}})(部分|章|篇)[、：:，\s]*")),
    ("section", re.compile(rf"第([{_CN}]{{1,3}}|\d{{1,2}})节[、：:，\s]*")),
    # 一、 but not 一、二季度 (a list of numerals inside a sentence)
    ("cn", re.compile(rf"([{_CN}]{{1,3}})\s*[、，,．.](?![{_CN}][、季月])\s*")),
    ("paren_cn", re.compile(rf"[（(]\s*([{_CN}]{{1,3}})\s*[）)][、，,．.]?\s*")),
    # 1. 1、 1． but not 1.5% or 1、2月
    ("arabic", re.compile(r"(\d{1,2})\s*[、．.](?![\d%％])\s*")),
    ("paren_arabic", re.compile(r"[（(]\s*(\d{1,2})\s*[）)][、，,．.]?\s*")),
    ("circled", re.compile(rf"([{_CIRCLED}])\s*")),
)


@dataclass(frozen=True)
class Numbering:
    kind: str
    number: int
    marker_end: int  # offset just after the marker (and the spaces after it) within the line


def match_numbering(line: str) -> Numbering | None:
    for kind, pattern in _HEADING_PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        token = m.group(1)
        if kind == "circled":
            number = _CIRCLED.index(token) + 1
        else:
            number = cn_number(token)
        if number is None or number == 0:
            continue
        if m.end() >= len(line):
            continue  # a bare number on a line is not a heading
        return Numbering(kind, number, m.end())
    return None


# 一是 二是 … 十二是; also 一要/二要 and 其一/其二, which plan sections use the same way.
_ITEM = re.compile(rf"(?:其([{_CN}]{{1,3}})(?=[，,：:是])|([{_CN}]{{1,3}})(?:是|要))")
_ITEM_BOUNDARY = "。；;！？!?：:，,"


@dataclass(frozen=True)
class ItemMark:
    start: int  # where the marker begins within the paragraph
    number: int


def find_items(paragraph: str) -> list[ItemMark]:
    """Inline list items, accepted only as an unbroken sequence: the first item may start at any number
    when it opens the paragraph (items split over lines), otherwise at 一; each next one is n+1.

    A marker must open the paragraph or follow a clause boundary, which keeps phrases like 这是/统一是
    from counting as items.
    """
    marks: list[ItemMark] = []
    expected: int | None = None
    for m in _ITEM.finditer(paragraph):
        start = m.start()
        number = cn_number(m.group(1) or m.group(2))
        if number is None:
            continue
        before = paragraph[start - 1] if start > 0 else ""
        if start > 0 and before not in _ITEM_BOUNDARY and not before.isspace():
            continue
        if expected is None:
            if number == 1 or start == 0:
                marks.append(ItemMark(start, number))
                expected = number + 1
            continue
        if number == expected:
            marks.append(ItemMark(start, number))
            expected += 1
    # A lone 一是 in the middle of a paragraph is a phrase, not a list.
    if len(marks) == 1 and marks[0].start != 0:
        return []
    return marks
