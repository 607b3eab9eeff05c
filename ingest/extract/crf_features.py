"""Character features for the learned name-boundary tagger (crf_spans.py, tools/train_crf.py).

One sequence is one clause (between ，：。；…); one item is one character. The features say what a
reader of Chinese uses to find where a name starts and ends:
- the character and its neighbours (two each side) and the bigrams around it;
- jieba's word around it (B/M/E/S position, the dictionary's part of speech, the word itself when it is
  short): the left edge of a name is usually a word edge after a verb or preposition;
- whether the gazetteer or the list of known organisations covers it (B/I of a lexicon hit);
- the head-noun classes (lexicon place_heads, org_heads, org_suffixes, event and policy suffixes,
  agency_heads): whether a head of a class ends here, starts here, and how far to the right the next
  head of each class ends (the modifier run before a head is the name).
jieba runs on the clause with its dictionary only (HMM=False), the same cut search tokens use.
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


def _bucket(d: int) -> str:
    for top, name in _DISTANCE_BUCKETS:
        if d <= top:
            return name
    return "far"


def _word_marks(text: str) -> list[tuple[str, str, str]]:
    """Per character: (position in its jieba word, the word's dictionary tag, the word if short)."""
    _, tags = tagger()
    out: list[tuple[str, str, str]] = []
    for w in cut_words(text):
        tag = tags.get(w) or "?"
        shown = w if len(w) <= _WORD_FEATURE_LEN else "~"
        if len(w) == 1:
            out.append(("S", tag, shown))
        else:
            out += [("B", tag, shown)] + [("M", tag, shown)] * (len(w) - 2) + [("E", tag, shown)]
    return out


def _lexicon_marks(text: str) -> list[str]:
    marks = ["-"] * len(text)
    for kind, matcher in zip(("gaz", "org"), _lexicon_matchers()):
        for s, e, _, _ in matcher.find(text):
            marks[s] = f"B{kind}"
            for i in range(s + 1, e):
                marks[i] = f"I{kind}"
    return marks


def _head_marks(text: str) -> tuple[list[list[str]], list[dict[str, int]]]:
    """Per character: its head marks (hB=Place, hI=…, hE=…) and the end of the next head of each class."""
    n = len(text)
    marks: list[list[str]] = [[] for _ in range(n)]
    ends: dict[str, list[int]] = {}
    for s, e, _, label in head_matcher().find(text):
        marks[s].append(f"hB={label}")
        for i in range(s + 1, e - 1):
            marks[i].append(f"hI={label}")
        marks[e - 1].append(f"hE={label}")
        ends.setdefault(label, []).append(e - 1)
    nxt: list[dict[str, int]] = [{} for _ in range(n)]
    for label, es in ends.items():
        j = 0
        for i in range(n):
            while j < len(es) and es[j] < i:
                j += 1
            if j < len(es):
                nxt[i][label] = es[j] - i
    return marks, nxt


def clause_features(text: str) -> list[list[str]]:
    """The feature strings of each character of `text` (one clause)."""
    n = len(text)
    words = _word_marks(text)
    lex = _lexicon_marks(text)
    heads, nxt = _head_marks(text)
    padded = "\x02\x02" + text + "\x03\x03"
    out: list[list[str]] = []
    for i in range(n):
        p = i + 2
        c = padded[p]
        pos, tag, word = words[i]
        f = [
            "b", f"c={c}", f"c-1={padded[p - 1]}", f"c-2={padded[p - 2]}", f"c+1={padded[p + 1]}",
            f"c+2={padded[p + 2]}", f"c-1c={padded[p - 1]}{c}", f"cc+1={c}{padded[p + 1]}",
            f"c-2c-1={padded[p - 2:p]}", f"k={_char_kind(c)}",
            f"wp={pos}", f"wt={tag}", f"wpt={pos}{tag}", f"w={word}", f"lex={lex[i]}",
        ]
        if i > 0:
            f.append(f"wt-1={words[i - 1][1]}{words[i - 1][0]}")
        if i + 1 < n:
            f.append(f"wt+1={words[i + 1][1]}{words[i + 1][0]}")
        f += heads[i]
        f += [f"nh={label}:{_bucket(d)}" for label, d in nxt[i].items()]
        out.append(f)
    return out
