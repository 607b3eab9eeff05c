"""An event name's left edge falls between jieba words, and a verbal noun after its object stays in the name.

The event finder builds a name leftwards from its head (…论坛, …赛) and stops after a boundary word (a
verb, preposition or function word: 举办, 对, 邀请, 建设). A string cut stops inside words: 世界帆船对|抗巡回赛
(对 is a boundary, 对抗 one word), 中国女子职业围棋名手深圳邀请|赛 and 大湾区帆船邀请|赛 (邀请 is a boundary, so
no name was left at all), 第八届数字中国建设|峰会, 数字政府建设|峰会, 交通建设|大会 (建设 after its object is
part of the topic, as in document titles: 美丽上海建设|三年行动计划). Read with segmentation and tags:
- an edge that falls inside a jieba word moves to that word's start (对抗, 邀请赛), and the scan goes on;
- a noun holding a numeral and measure (铁人三项) is one word, not a count that ends the name;
- a verbal noun (建设, 发展, 治理, 合作: jieba tag vn) that stopped the scan stays in the name when a noun or
  place (数字中国, 交通, 产业) stands right before it inside the clause: the topic of the event.
Over the 143 non-test corpus reports (docs/extraction-policies.md) this makes whole the cut names read there
(抗巡回赛, 抗赛总决赛, 接赛总决赛, 业发展论坛) and adds the names the scan had dropped.
"""
from __future__ import annotations

import re

from .spans import expand_left
from .words import cut_words, tagger

_TOPIC_TAGS = ("n", "ns", "nz", "nt", "j", "l")
_MAX_ROUNDS = 3
_MEASURES = frozenset("家个项场次届期批所座名位种类件宗轮")   # spans._QUANT: a measure after a numeral ends a name
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千万")
_SESSION = re.compile(r"第[0-9一二三四五六七八九十百]+次$")


def _word_starts(text: str, lo: int, hi: int) -> tuple[list[int], list[str]]:
    words = cut_words(text[lo:hi])
    starts, pos = [], lo
    for w in words:
        starts.append(pos)
        pos += len(w)
    return starts, words


def _counts(word: str, tags: dict) -> bool:
    return any(c.isdigit() for c in word) or tags.get(word, "x").startswith(("m", "q"))


def _holds_a_count(word: str, tags: dict) -> bool:
    """Whether a noun holds a numeral and measure inside it (铁人三项): the string scan stops there as at a count."""
    return len(word) >= 3 and tags.get(word, "x") in ("n", "nz") and not word[0] in _NUMERALS \
        and any(a in _NUMERALS and b in _MEASURES for a, b in zip(word, word[1:]))


def event_left_edge(text: str, s: int | None, head: int, end: int, floor: int, max_len: int,
                    ignore: frozenset[str]) -> int | None:
    """The start of the event name whose head is text[head:end], given the string scan's start `s`
    (None when it found no name): moved to a word boundary and past a verbal-noun topic."""
    if s is not None and s > floor and text[s - 1].isascii() and text[s - 1].isalnum():
        return s         # 2015年ITF…: the length cap fell in a Latin word or number, events.py restores it
    if s is not None and (s <= floor or not "\u4e00" <= text[s - 1] <= "\u9fff"):
        return s         # the name opens its clause or follows a mark: no word to its left to read
    lo = max(floor, head - max_len - 4)
    starts, words = _word_starts(text, lo, end)
    _, tags = tagger()
    cur = head if s is None else s
    for _ in range(_MAX_ROUNDS):
        new = cur
        inside = next((i for i, st in enumerate(starts) if st < cur < st + len(words[i])), None)
        if inside is not None and (_counts(words[inside], tags) or text[starts[inside] - 1:starts[inside]] in _NUMERALS):
            cur = starts[inside] + len(words[inside])
            break                             # 5000场|次体育赛, 首|届中国…展: a count ends a name, whole word or not
        if inside is not None:
            new = starts[inside]              # 对|抗巡回赛 -> 对抗巡回赛
        else:
            at = next((i for i, st in enumerate(starts) if st + len(words[i]) == cur), None)
            if at is not None and _holds_a_count(words[at], tags):
                new = starts[at]              # 大湾区|铁人三项|赛: the count 三项 is inside a word, no count
            elif end - head > 1 and at is not None and at > 0 and tags.get(words[at], "x") == "vn" \
                    and tags.get(words[at - 1], "x").startswith(_TOPIC_TAGS):
                # 数字中国|建设|峰会: the verbal noun after its topic; the topic is the run of nouns before it
                # (崖山数据库系统获评|数字中国建设峰会: the scan would run on through the verb 获评)
                new = starts[at]
                k = at - 1
                while k >= 0 and starts[k] >= floor and tags.get(words[k], "x").startswith(_TOPIC_TAGS):
                    k -= 1
                cur = starts[k + 1]
                continue
        if new == cur or new < floor:
            break
        further = expand_left(text, new, min_len=0, max_len=max(0, max_len - (head - new)), floor=floor,
                              ignore=ignore)
        cur = new if further is None else further
    if s is None and _SESSION.search(text, max(floor, cur - 6), cur):
        return None      # 中国共产党第二十次|全国代表大会: a congress's session, read by meetings.py
    if cur >= head:
        return None if s is None else s
    return cur
