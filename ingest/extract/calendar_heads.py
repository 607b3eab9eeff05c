"""Events named for a day, a week or a month: 深圳创投日, 企业家日, 全国双创周, 深圳读书月, 安全生产月.

日, 周 and 月 end event names only when they stand as a word of their own after a word that says what
the day is for (创投|日, 安全生产|月). Segmentation tells the rest apart without lists of phrases: the
character opening a longer word (日子 in 过紧日子, 周边 in 学校周边, 周岁, 周六, 日益) or closing one (工作日,
节假日, 岁月, 每周, 早日) ends no name, and neither does a count or a time before it (3月, 个月, 百日,
两周), nor a place (欧美日: Japan). A few words that end in the head are days of events themselves
(纪念日, 宣传周, 活动月): they are `event_day_words.txt`. The clause's event verb and a name of four or more
characters are still required (events.py, as for every one-character head).

Over the 143 non-test corpus reports the 周 head had made 8 false events from 周边, 周六 and 周岁
(学校周边交通环境整治, 行政服务大厅推出周六办公, 2-3周岁托班); they are gone, and 日 and 月 add
深圳创投日, 企业家日, 深圳人才日, 世界环境日, 深圳读书月 and the like. The other one-character heads
(节, 展, 赛, 季) take the first test only (`inside_a_word`: 国际性赛事 is no event 国际性赛, nor
组织企业参展 an event 企业参展).
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import word_set
from .words import cut_words, tagger

HEADS = frozenset("日周月")
# words before the head that make it a date, a span of time or a count, not a day of events
_TIME_WORDS = frozenset("每本上下当这那个同次前后半全多几数首末逐")
_NOT_BEFORE_TAGS = ("m", "q", "t", "ns", "nr")
# jieba's tags of the days it keeps whole: 纪念日/权益日/植树日 n, 开放日/爱耳日 nz, 无车日 i (工作日 is n too)
_DAY_NOUN_TAGS = frozenset({"n", "nz", "i"})
_WORKING_DAYS = frozenset({"工作日", "交易日", "营业日"})


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    return word_set("event_day_words.txt")


def _words_around(text: str, at: int, lo: int) -> tuple[str, str, int, str]:
    """The word of text[lo:] that covers position `at`, the word before it, where the covering word
    starts, and the word after it."""
    words = cut_words(text[lo:at + 4])
    pos, prev = lo, ""
    for i, w in enumerate(words):
        if pos <= at < pos + len(w):
            return w, prev, pos, words[i + 1] if i + 1 < len(words) else ""
        prev = w
        pos += len(w)
    return "", prev, pos, ""


def inside_a_word(text: str, at: int) -> bool:
    """Whether the one-character head text[at] begins a longer word (赛事, 展示, 节约, 季度) or ends a verb
    (参展, 办展): no event's name ends there."""
    word, _, start, _ = _words_around(text, at, max(0, at - 8))
    _, tags = tagger()
    return len(word) > 1 and (start == at or tags.get(word) == "v")


def names_a_day(text: str, at: int) -> bool:
    """Whether the head character text[at] (日, 周 or 月) ends the name of a day, week or month of events."""
    if at == 0 or not ("\u4e00" <= text[at - 1] <= "\u9fff" or text[at - 1] == "”"):
        return False     # 3月, 5日, 2-3周岁: a date or an age
    word, prev, start, after = _words_around(text, at, max(0, at - 8))
    _, tags = tagger()
    if len(after) == 1 and tags.get(after, "x")[0] in "vna":
        return False     # 指标周|测|周报: a one-character content word goes on from the head (等, 和 end the name)
    if word != text[at]:
        # 日子, 周边 open a longer word; 岁月, 节假日 (time words) close one; 纪念日, 权益日 (nouns) are days
        # of events, except the working days of office hours
        if start + len(word) != at + 1:
            return False
        return word in _day_words() or (len(word) >= 3 and tags.get(word, "x") in _DAY_NOUN_TAGS
                                         and word not in _WORKING_DAYS)
    if prev.strip("“”") in _TIME_WORDS or tags.get(prev, "x").startswith(_NOT_BEFORE_TAGS) or prev[-1:].isdigit():
        return False
    return True
