"""Matching the word lists of ingest/lexicon (read by ../wordlists.py) with Aho-Corasick.

Automata are built once per process.
"""
from __future__ import annotations

from typing import Any, Iterable

import ahocorasick

# The loader is shared with the rest of ingest (wordlists.py); extraction imports it from here.
from ..wordlists import LEXICON_DIR, table, word_list, word_set  # noqa: F401


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
