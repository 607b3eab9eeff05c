"""Hyphenated places as Chinese writes them: one character for each place, run together.

English joins places with hyphens (Shenzhen-Hong Kong, Guangdong-Hong Kong-Macao, Shanghai-Nanjing,
China-Europe); Chinese writes each place by its one-character abbreviation (深港, 粤港澳, 沪宁, 中欧). The
provincial-level divisions have standard abbreviations (粤, 沪, 渝, 港, 澳) and a few cities a customary
one (莞, 穗, 宁); any other place is abbreviated by its first character (深圳 -> 深, 佛山 -> 佛, 美国 -> 美).
Every combination is offered; the searched reports choose those they write (graph/search/crosslingual.py),
so a combination no report uses (深香) costs nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import Mapping, Sequence

from .wordlists import table

_TOKEN = re.compile(r"[A-Za-z][A-Za-z']*|-")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-"})
# Spans of capitalised words tried as one place name, longest first (Inner Mongolia, Hong Kong).
_LONGEST = 3
# Combinations offered for one hyphenated run: three places of two abbreviations each make 8.
_MAX_COMBINATIONS = 27


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[dict[str, tuple[str, ...]], dict[str, list[str]]]:
    """(Chinese name -> its abbreviations, English name -> Chinese names) from place_abbreviations.tsv."""
    abbr: dict[str, tuple[str, ...]] = {}
    english: dict[str, list[str]] = {}
    for name, chars, names_en, *_ in table("place_abbreviations.tsv"):
        abbr[name] = tuple(c.strip() for c in chars.split(",") if c.strip())
        for en in (x.strip().lower() for x in names_en.split(",")):
            if en:
                english.setdefault(en, []).append(name)
    return abbr, english


def abbreviations(names: Sequence[str]) -> list[str]:
    """The one-character abbreviations of a place written by any of `names` (深圳市, 深圳 -> 深)."""
    listed, _ = _abbreviations()
    # a listed place takes only its listed abbreviations (上海市 -> 沪 申, not the 上 of its short name 上海)
    out = [c for name in names for c in listed.get(name, ())] or [name[:1] for name in names]
    return list(dict.fromkeys(c for c in out if c))


def _place_at(words: list[str], i: int, places: Mapping[str, list[str]]) -> tuple[int, list[str]] | None:
    """(words taken, Chinese names) of the capitalised place name starting at word i, longest first."""
    _, english = _abbreviations()
    for n in range(_LONGEST, 0, -1):
        span = words[i:i + n]
        if len(span) < n or "-" in span or not all(w[:1].isupper() for w in span):
            continue
        key = " ".join(w[:-2] if w.endswith("'s") else w for w in span).lower()
        for k in (key, key.replace("'", "")):
            names = english.get(k) or places.get(k)
            if names:
                return n, list(names)
    return None


def hyphenated_places(text: str, places: Mapping[str, list[str]]) -> list[tuple[str, list[str]]]:
    """(the English run, its Chinese abbreviated forms) for each run of two or more places joined by
    hyphens in `text`; `places` maps a lower-case English place name to its Chinese names."""
    words = _TOKEN.findall(text.translate(_DASHES))
    out: list[tuple[str, list[str]]] = []
    i = 0
    while i < len(words):
        first = _place_at(words, i, places)
        if first is None:
            i += 1
            continue
        run, end = [first[1]], i + first[0]
        while end + 1 < len(words) and words[end] == "-":
            nxt = _place_at(words, end + 1, places)
            if nxt is None:
                break
            run.append(nxt[1])
            end += 1 + nxt[0]
        if len(run) >= 2:
            forms = ["".join(p) for p in product(*(abbreviations(names) for names in run))]
            out.append((" ".join(words[i:end]).replace(" - ", "-"), forms[:_MAX_COMBINATIONS]))
        i = end
    return out
