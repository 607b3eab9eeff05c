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

import math
from dataclasses import replace
from typing import Callable, Mapping, Sequence

import numpy as np

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


def together_sets(term_sets: Sequence[Sequence[str]], text: str, window: int = WINDOW,
                  weights: Sequence[float] | None = None) -> frozenset[int]:
    """The phrases (indices into `term_sets`) whose words stand within `window` characters of each
    other somewhere in `text`: the set of most weight (`weights`, one per phrase; 1 each when None),
    ties to the set of more phrases."""
    occ = _occurrences(term_sets, text)
    best: frozenset[int] = frozenset({occ[0][2]}) if occ else frozenset()
    best_key = (weights[occ[0][2]] if weights else 1.0, 1) if occ else (0.0, 0)
    for i, (start, _end, _g) in enumerate(occ):
        seen = set()
        for s, e, g in occ[i:]:
            if e - start > window:
                if s - start > window:
                    break
                continue
            seen.add(g)
        key = (sum(weights[g] for g in seen) if weights else float(len(seen)), len(seen))
        if key > best_key:
            best, best_key = frozenset(seen), key
    return best


def phrases_together(term_sets: Sequence[Sequence[str]], text: str, window: int = WINDOW) -> int:
    """The most distinct phrases of `term_sets` (one set of Chinese senses per English phrase) whose
    words stand within `window` characters of each other somewhere in `text`."""
    return len(together_sets(term_sets, text, window))


def _present(term_sets: Sequence[Sequence[str]], texts: Sequence[str]) -> list[list[str]]:
    """The senses found in any of `texts` (an English question offers up to 16 senses a phrase, most
    absent from the fused head): the others need not be looked for."""
    joined = "\n".join(texts)
    return [[t for t in senses if t in joined] for senses in term_sets]


def together_counts(term_sets: Sequence[Sequence[str]], texts: Sequence[str], window: int = WINDOW) -> list[int]:
    """`phrases_together` for each text."""
    present = _present(term_sets, texts)
    return [phrases_together(present, text, window) for text in texts]


def together_shares(term_sets: Sequence[Sequence[str]], texts: Sequence[str], weights: Sequence[float],
                    window: int = WINDOW) -> list[float]:
    """For each text, the share of the phrases' whole weight that stands together in it (0 when fewer
    than two phrases do): a rare phrase beside another says more about the passage than two words
    every report writes (开放 + 不断 for "opened up continuously")."""
    present = _present(term_sets, texts)
    total = sum(weights) or 1.0
    out = []
    for text in texts:
        found = together_sets(present, text, window, weights)
        out.append(sum(weights[g] for g in found) / total if len(found) >= 2 else 0.0)
    return out


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
    # a name joined to its kind (茅洲河), also where the tokenizer cuts it apart and BM25 cannot search it whole
    return out + [replace(g, terms=(*g.terms, *g.written), written=()) for g in chosen if g.source == TermSource.NAMED]


def phrase_weights(term_sets: Sequence[Sequence[str]], tokenizer: Callable[[str], Sequence[str]],
                   term_passages: Callable[[list[str]], Mapping[str, np.ndarray] | None],
                   passages: int) -> list[float] | None:
    """Inverse document frequency of each phrase, log((N + 1) / (df + 1)), df the passages holding its
    commonest sense (a sense holds all of its whole words: at most the rarest word's passages); a
    phrase no passage holds as words weighs as the rarest. None when the store cannot say."""
    from .crosslingual import _whole_words
    words = {t: _whole_words(tokenizer(t)) for ts in term_sets for t in ts}
    postings = term_passages(sorted({w for ws in words.values() for w in ws}))
    if postings is None:
        return None

    def df(sense: str) -> int:
        ws = words[sense]
        return min(len(postings[w]) for w in ws) if ws and all(w in postings for w in ws) else 0

    return [math.log((passages + 1) / (max((df(t) for t in ts), default=0) + 1)) for ts in term_sets]
