"""Chinese characters a pinyin romanisation can stand for: "Gushu" -> [{固, 古, 谷, …}, {戍, 书, 树, …}].

English writes the names of small Chinese places, works and sites in toneless pinyin (Gushu for 固戍,
Wuwangdun for 武王墩); no dictionary lists them. A word that splits into valid pinyin syllables is
read as such a name, and each syllable offers the characters with that reading (pypinyin's
character table, every reading of heteronyms). Which of the combinations is meant only the
searched reports can tell (graph/search/crosslingual.py looks for them in the text).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Syllable splits of one word tried, fewest syllables first: "xian" is xian before xi-an.
MAX_SPLITS = 4
MAX_SYLLABLES = 5
_ALPHA = re.compile(r"^[a-z]+$")
# A syllable has a vowel: the interjection readings n, ng, m, hm (嗯, 呣) would split any word.
_SYLLABLE = re.compile(r"^[a-z]*[aeiouv][a-z]*$")


def _toneless(reading: str) -> str:
    s = unicodedata.normalize("NFD", reading.replace("ü", "v"))
    return "".join(ch for ch in s if not unicodedata.combining(ch)).replace("u\u0308", "v")


@lru_cache(maxsize=1)
def syllable_chars() -> dict[str, frozenset[str]]:
    """Toneless syllable (ü as v) -> the common CJK characters read so."""
    from pypinyin.pinyin_dict import pinyin_dict
    out: dict[str, set[str]] = {}
    for code, readings in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        for r in readings.split(","):
            out.setdefault(_toneless(r), set()).add(chr(code))
    return {k: frozenset(v) for k, v in out.items() if _ALPHA.match(k) and _SYLLABLE.match(k)}


def splits(word: str) -> list[list[str]]:
    """Ways to read `word` as pinyin syllables, fewest syllables first; [] when it is not pinyin."""
    w = word.lower().replace("'", "").replace("’", "").replace("ü", "v")
    if not _ALPHA.match(w):
        return []
    known = syllable_chars()
    longest = max(map(len, known))

    @lru_cache(maxsize=None)
    def from_(i: int) -> tuple[tuple[str, ...], ...]:
        if i == len(w):
            return ((),)
        out = []
        for j in range(min(len(w), i + longest), i, -1):
            if w[i:j] in known:
                out += [(w[i:j], *rest) for rest in from_(j) if len(rest) < MAX_SYLLABLES]
        return tuple(out)

    found = sorted(from_(0), key=len)
    return [list(s) for s in found[:MAX_SPLITS]]


def character_classes(word: str) -> list[list[frozenset[str]]]:
    """For each way to read `word` as pinyin of two syllables or more, the characters of each syllable."""
    table = syllable_chars()
    return [[table[s] for s in sp] for sp in splits(word) if len(sp) >= 2]
