"""The one loader of the data files under ingest/lexicon: word lists and tables, each read once per process.

Every dictionary is a plain text or TSV file so that linguists can extend coverage without touching
code; `#` starts a comment line. Extraction (extract/lexicon.py adds Aho-Corasick matching on top),
report metadata, question reading, tokenizing and cross-lingual search all read their lists here.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"


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


def grouped(name: str) -> dict[str, tuple[str, ...]]:
    """A two-column TSV (word, group) as {group: words}, groups and words in file order."""
    out: dict[str, list[str]] = {}
    for word, group, *_ in table(name):
        out.setdefault(group, []).append(word)
    return {g: tuple(ws) for g, ws in out.items()}
