"""Character features for the learned name-boundary tagger (crf_spans.py, tools/train_crf.py).

One sequence is one clause (between ，：。；…); one item is one character. The features say what a
reader of Chinese uses to find where a name starts and ends:
- the character and its neighbours (two each side) and the bigrams around it;
- jieba's word around it (B/M/E/S position, the dictionary's part of speech, the word itself when it is
  short): the left edge of a name is usually a word edge after a verb or preposition;
- whether the gazetteer or the list of known organisations covers it (B/I of a lexicon hit);
- the head-noun classes (lexicon place_heads, org_heads, org_suffixes, event and policy suffixes,
  agency_heads): whether a head of a class ends here, starts here, and how far to the right the next
  head of each class ends (the modifier run before a head is the name);
- the character's place in its list item (the run between 、, quotes or book-title marks): how far and
  what opens and closes it, and the class of a head ending it (session 12: +2 right names, 0 wrong on dev
  CV; a list item is often one whole name: 天安云谷、深圳湾万象城等).
jieba runs on the clause with its dictionary only (HMM=False), the same cut search tokens use.

Each feature is UTF-8 bytes, the form crfsuite reads: pycrfsuite encodes every str feature anew on each
call (a bytes object per feature), while bytes built once in the caches below pass as they are
(Tagger.set 0.23 -> 0.165 CPU-s over 4,000 head clauses; the same attributes, so the same tags, marginals
and trained model).
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import Matcher, word_list
from .words import cut_words, tagger

# Head-noun classes, one lexicon list each (one vocabulary with name_shapes.py and the finders)
_HEAD_LISTS = (("Place", "place_heads.txt"), ("Place", "place_heads_short.txt"),
               ("Organization", "org_heads.txt"), ("Organization", "org_suffixes.txt"),
               ("Event", "event_suffixes.txt"), ("Policy", "policy_suffixes.txt"),
               ("Agency", "agency_heads.txt"))
# how far (characters) the next head is: the bucket, not the number, so the model generalises
_DISTANCE_BUCKETS = ((0, "0"), (2, "1-2"), (5, "3-5"), (9, "6-9"), (15, "10-15"))
# jieba words of at most this length are features by their text (longer ones are too rare to learn from)
_WORD_FEATURE_LEN = 4


@lru_cache(maxsize=1)
def head_matcher() -> Matcher:
    """Every head noun with its class; a head in two lists keeps the first list's class."""
    heads: dict[str, str] = {}
    for label, name in _HEAD_LISTS:
        for h in word_list(name):
            heads.setdefault(h, label)
    return Matcher(heads.items())


@lru_cache(maxsize=1)
def _lexicon_matchers() -> tuple[Matcher, Matcher]:
    from .organizations import known_organizations
    from .places import gazetteer
    return gazetteer().matcher, known_organizations()


def has_head(text: str) -> bool:
    """Whether a clause holds a head noun of any class: the tagger runs only on such clauses."""
    return bool(head_matcher().find(text))


def _char_kind(c: str) -> str:
    if "\u4e00" <= c <= "\u9fff":
        return "h"
    if c.isdigit():
        return "d"
    if c.isascii() and c.isalpha():
        return "a"
    return "p"


# The feature strings of one character, one jieba word and one distance to a head are built once per process
# (lru_cache) and reused: building strings per character was most of clause_features' CPU, and features
# cost as much as pycrfsuite's tagging (bench/crf_bench.py; docs/extraction.md has the figures).
@lru_cache(maxsize=None)  # bounded by the characters of the reports (~5,000)
def _char_features(c: str) -> tuple[bytes, bytes, bytes, bytes, bytes, bytes]:
    return _utf8("c=" + c, "c-1=" + c, "c-2=" + c, "c+1=" + c, "c+2=" + c, f"k={_char_kind(c)}")


def _utf8(*features: str) -> tuple[bytes, ...]:
    return tuple(f.encode("utf-8") for f in features)


def _bucket(d: int) -> str:
    for top, name in _DISTANCE_BUCKETS:
        if d <= top:
            return name
    return "far"


_FAR = _DISTANCE_BUCKETS[-1][0] + 1  # the first distance past the last bucket


@lru_cache(maxsize=None)  # one per head class
def _next_head_features(label: str) -> tuple[bytes, ...]:
    """nh=<label>:<bucket> for each distance 0.._FAR (the last is every distance beyond)."""
    return _utf8(*(f"nh={label}:{_bucket(d)}" for d in range(_FAR + 1)))


@lru_cache(maxsize=None)  # one per head class
def _head_marks(label: str) -> tuple[bytes, bytes, bytes]:
    """A head of class `label` begins (hB=), goes on (hI=) or ends (hE=) at a character."""
    return _utf8(f"hB={label}", f"hI={label}", f"hE={label}")


def _counting_down(label: str, d: int) -> list[bytes]:
    """The next-head features of the characters at distances d, d-1, ..., 0 from a head's end."""
    table = _next_head_features(label)
    if d <= _FAR:
        return list(table[d::-1])
    return [table[_FAR]] * (d - _FAR) + list(table[::-1])


@lru_cache(maxsize=None)  # bounded by jieba's dictionary; a report's words repeat (the cut was 1/7 of this)
def _one_word_features(w: str) -> tuple[list[tuple[bytes, ...]], list[bytes], list[bytes]]:
    """Per character of one jieba word: its own word features (wp=, wt=, wpt=, w=: position in the word
    B/M/E/S, the word's dictionary tag, the word itself if short) and the features its tag and position
    give the next character (wt-1=) and the previous one (wt+1=)."""
    _, tags = tagger()
    tag = tags.get(w) or "?"
    positions = "S" if len(w) == 1 else "B" + "M" * (len(w) - 2) + "E"
    tag_f, word_f = "wt=" + tag, "w=" + (w if len(w) <= _WORD_FEATURE_LEN else "~")
    return ([_utf8("wp=" + p, tag_f, "wpt=" + p + tag, word_f) for p in positions],
            list(_utf8(*(f"wt-1={tag}{p}" for p in positions))), list(_utf8(*(f"wt+1={tag}{p}" for p in positions))))


def _word_features(text: str) -> tuple[list[tuple[bytes, ...]], list[bytes], list[bytes]]:
    """_one_word_features of each character of `text`, by jieba's words."""
    own: list[tuple[bytes, ...]] = []
    to_next: list[bytes] = []
    to_previous: list[bytes] = []
    for w in cut_words(text):
        o, n, p = _one_word_features(w)
        own += o
        to_next += n
        to_previous += p
    return own, to_next, to_previous


_NO_LEXICON = b"lex=-"
# B/I of a hit of each lexicon, in the order of _lexicon_matchers
_LEXICON_MARKS = ((b"lex=Bgaz", b"lex=Igaz"), (b"lex=Borg", b"lex=Iorg"))


def _lexicon_marks(text: str) -> list[bytes]:
    marks = [_NO_LEXICON] * len(text)
    for (begin, inside), matcher in zip(_LEXICON_MARKS, _lexicon_matchers()):
        for s, e, _, _ in matcher.find(text):
            marks[s] = begin
            for i in range(s + 1, e):
                marks[i] = inside
    return marks


def _add_head_features(text: str, rows: list[list[bytes]]) -> None:
    """Append to each character's features its head marks (hB=Place, hI=…, hE=…), then the distance to
    the end of the next head of each class (nh=Place:3-5), classes in the order their first head appears.
    Appended in place: a list of marks per character first cost as much as the marks."""
    ends: dict[str, list[int]] = {}
    for s, e, _, label in head_matcher().find(text):
        begin, inside, end_mark = _head_marks(label)
        rows[s].append(begin)
        for i in range(s + 1, e - 1):
            rows[i].append(inside)
        rows[e - 1].append(end_mark)
        ends.setdefault(label, []).append(e - 1)
    for label, es in ends.items():
        i = 0
        for end in es:  # the characters up to this end see it as the next (ends in the order found)
            if end >= i:
                for row, f in zip(rows[i:end + 1], _counting_down(label, end - i)):
                    row.append(f)
                i = end + 1


def clause_features(text: str) -> list[list[bytes | str]]:
    """The features (UTF-8) of each character of `text` (one clause)."""
    n = len(text)
    if not n:
        return []
    own, to_next, to_previous = _word_features(text)
    lex = _lexicon_marks(text)
    padded = "\x02\x02" + text + "\x03\x03"
    chars = [_char_features(c) for c in padded]
    # the bigrams stay str (pycrfsuite takes both): most are rare, and caching them as bytes cost more in
    # misses than it saved
    pairs = [padded[i:i + 2] for i in range(n + 3)]
    before = [b"wt-1="] + to_next[:-1]
    after = to_previous[1:] + [b"wt+1="]
    out = [[b"b", c[0], l1[1], l2[2], r1[3], r2[4], "c-1c=" + p1, "cc+1=" + p2, "c-2c-1=" + p0, c[5], *w, x, b, a]
           for c, l1, l2, r1, r2, p0, p1, p2, w, x, b, a
           in zip(chars[2:], chars[1:], chars, chars[3:], chars[4:], pairs, pairs[1:], pairs[2:], own, lex,
                  before, after)]
    # the first character has no left word and the last no right one (wt-1= is at 15, wt+1= at 16)
    del out[-1][16]
    del out[0][15]
    _add_head_features(text, out)
    _add_item_features(text, out)
    return out


# What bounds a list item or a quoted name inside a clause (clauses end at ，；。：)
_ITEM_BOUNDS = frozenset("、《》“”「」\"/ 　")
_ITEM_BUCKETS = ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (11, "8-11"))


def _item_bucket(d: int) -> str:
    for top, name in _ITEM_BUCKETS:
        if d <= top:
            return name
    return "12+"


@lru_cache(maxsize=None)  # bounds x buckets: a few hundred strings
def _item_side(side: str, bound: str, d: int) -> bytes:
    return f"{side}={bound}{_item_bucket(d)}".encode("utf-8")


@lru_cache(maxsize=None)  # one per head class
def _item_head(label: str) -> bytes:
    return f"ie={label}".encode("utf-8")


def _add_item_features(text: str, rows: list[list[bytes]]) -> None:
    """Each character's place in its list item (the run between 、, quotes or book-title marks, or the
    clause's edges): how far the item's start is and what opens it (li=、3-4), how far its end is and what
    closes it (ri=$0), and the class of a head noun ending the item (ie=Place), the conjunction a linear
    model cannot build from the head and distance features apart."""
    n = len(text)
    ends = {e: label for _, e, _, label in head_matcher().find(text)}
    s = 0
    while s < n:
        if text[s] in _ITEM_BOUNDS:
            s += 1
            continue
        e = s
        while e < n and text[e] not in _ITEM_BOUNDS:
            e += 1
        left = text[s - 1] if s > 0 else "^"
        right = text[e] if e < n else "$"
        head = ends.get(e)
        for i in range(s, e):
            row = rows[i]
            row.append(_item_side("li", left, i - s))
            row.append(_item_side("ri", right, e - 1 - i))
            if head is not None:
                row.append(_item_head(head))
        s = e
