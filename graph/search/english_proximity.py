"""How many of an English question's phrases a passage renders close together, read in Chinese.

An English question reaches the reports through one Chinese word set per English phrase
(graph/search/crosslingual.py). BM25 scores those words one by one, so a passage that names
社区 in one sentence and 长者食堂 in the next ranks with the one that says 社区长者食堂. Chinese writes
a compound's parts next to each other, in whatever order (community canteens for the elderly ->
社区长者食堂; approved for establishment -> 获批成立), so the passage meant is the one where the most
phrases meet within a few characters. The unbroken-run test of graph/search/proximity.py cannot see
this: the question has no Chinese run to look for.
"""
from __future__ import annotations

from typing import Sequence

from govgraph.ingest.crosslingual import TermGroup, TermSource

# Characters from the start of the first word to the end of the last for phrases to count as
# together: about a clause of government writing.
WINDOW = 20


def _occurrences(term_sets: Sequence[Sequence[str]], text: str) -> list[tuple[int, int, int]]:
    """(start, end, phrase index) of every sense of every phrase found in `text`, by start."""
    found = []
    for gi, senses in enumerate(term_sets):
        for term in senses:
            at = text.find(term)
            while at >= 0:
                found.append((at, at + len(term), gi))
                at = text.find(term, at + 1)
    found.sort()
    return found


def phrases_together(term_sets: Sequence[Sequence[str]], text: str, window: int = WINDOW) -> int:
    """The most distinct phrases of `term_sets` (one set of Chinese senses per English phrase) whose
    words stand within `window` characters of each other somewhere in `text`."""
    occ = _occurrences(term_sets, text)
    best = 1 if occ else 0
    for i, (start, _end, _g) in enumerate(occ):
        seen = set()
        for s, e, g in occ[i:]:
            if e - start > window:
                if s - start > window:
                    break
                continue
            seen.add(g)
        best = max(best, len(seen))
    return best


def together_counts(term_sets: Sequence[Sequence[str]], texts: Sequence[str], window: int = WINDOW) -> list[int]:
    """`phrases_together` for each text; senses found in none of them are not looked for (an English
    question offers up to 16 senses a phrase, most absent from the fused head)."""
    joined = "\n".join(texts)
    present = [[t for t in senses if t in joined] for senses in term_sets]
    return [phrases_together(present, text, window) for text in texts]


def proximity_groups(offered: Sequence[TermGroup], chosen: Sequence[TermGroup]) -> list[TermGroup]:
    """The word sets to look for together: a dictionary phrase with every sense it was offered (BM25
    gets only the chosen two, but any sense standing beside the other phrases tells the passage
    meant: English dev MRR 0.903 with the chosen senses, 0.915 with all), the other phrases as chosen
    (a romanised name with the spellings the reports use)."""
    by_english = {g.english: g for g in chosen}
    out = []
    for g in offered:
        if g.source == TermSource.DICTIONARY:
            out.append(g)
        elif g.english in by_english:
            out.append(by_english[g.english])
    return out
