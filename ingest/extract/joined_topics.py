"""Event names that join two topics with 与: 传感器与应用技术大会, 朱子学与全球文明对话大会, 珠三角与粤东西北
经贸合作招商会, 中国共产党与世界政党领导人峰会, 深圳与加拿大创新合作交流会.

The name scan of events.py stops at 与 (a boundary word: 与香港合作 opens a clause), so the name lost its
first topic (应用技术大会): about 15 names over the non-test corpus. When 与 stands right before the name
found, the words before it back to the previous boundary are read with jieba's tags: a run of nouns (places,
names, abbreviations, Latin words) that is not itself an event (高交会与…) is the first topic, and the name
starts there. Only 与: 和 and 及 join two events as often as two topics (亚运会和大运会, 创业大讲堂和项目推介会,
学历教育和技能培训班), and a verb, adverb or nothing before 与 makes it a preposition (积极与香港…).
"""
from __future__ import annotations

from .spans import expand_left
from .words import cut_words, tagger

_NOUN_TAGS = ("n", "j", "eng", "vn")
# the first topic ending in an event word is an event of its own (深圳读书月与…, 高交会与…)
_EVENT_ENDS = ("会", "赛", "节", "展", "坛", "月", "周", "日")


def joined_topic_start(text: str, s: int, floor: int) -> int | None:
    """Where the name starts when a first topic and 与 stand right before the name found at `s`."""
    if s < 2 or text[s - 1] != "与":
        return None
    lo = expand_left(text, s - 1, min_len=1, max_len=10, floor=floor)
    if lo is None:
        return None
    wide = max(floor, lo - 4)
    edges, pos = set(), wide
    for w in cut_words(text[wide:s - 1]):
        edges.add(pos)
        pos += len(w)
    if lo not in edges:
        return None      # 中国共|产党与…: the scan stopped inside a word (共 is a boundary character)
    topic = text[lo:s - 1]
    if topic.endswith(_EVENT_ENDS):
        return None
    _, tags = tagger()
    words = cut_words(topic)
    if not words or not all(tags.get(w, "n" if w.isascii() else "x").startswith(_NOUN_TAGS) or tags.get(w) == "ns"
                            for w in words):
        return None
    return lo
