"""Loading the data files under ingest/lexicon and matching them with Aho-Corasick.

Every dictionary is a plain text or TSV file so that linguists can extend coverage without
touching code; `#` starts a comment line. Automata are built once per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import ahocorasick

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicon"


def _lines(name: str) -> Iterator[str]:
    path = LEXICON_DIR / name
    with path.open(encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n\r")
            if not line.strip() or line.startswith("#"):
                continue
            yield line


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A one-word-a-line file (the first tab field, so lists may carry notes)."""
    return tuple(line.split("\t")[0].strip() for line in _lines(name))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A TSV file as rows of stripped fields; missing trailing fields become ''."""
    rows = []
    width = 0
    raw = [tuple(f.strip() for f in line.split("\t")) for line in _lines(name)]
    for r in raw:
        width = max(width, len(r))
    for r in raw:
        rows.append(r + ("",) * (width - len(r)))
    return tuple(rows)


class Matcher:
    """Aho-Corasick over a dictionary of surface forms, each carrying a payload.

    `find` returns leftmost-longest, non-overlapping matches: the reading a human makes of
    「深圳市南山区」 is 深圳市 + 南山区, never 深圳 + 市南 + …
    """

    def __init__(self, entries: Iterable[tuple[str, Any]]):
        self._auto = ahocorasick.Automaton()
        n = 0
        for key, payload in entries:
            if key:
                self._auto.add_word(key, (len(key), key, payload))
                n += 1
        self.size = n
        if n:
            self._auto.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str, Any]]:
        if not self.size:
            return []
        # iter_long yields the longest match at each position and skips what it covers.
        out = []
        for end_idx, (length, key, payload) in self._auto.iter_long(text):
            end = end_idx + 1
            out.append((end - length, end, key, payload))
        return out

    def __contains__(self, key: str) -> bool:
        return self.size > 0 and self._auto.exists(key)

    def get(self, key: str, default: Any = None) -> Any:
        if not self.size or not self._auto.exists(key):
            return default
        return self._auto.get(key)[2]

