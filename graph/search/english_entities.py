"""Chinese names from the graph for the noun phrases of an English question, found through the model.

A dictionary renders an English phrase word by word; the reports name the thing as one Chinese
compound ("Beijing Winter Olympics" -> 北京冬奥会, "world skills competition" -> 世界技能大赛), and
some compounds hold words no dictionary sense gives (超算 of 国家超算深圳中心). The multilingual model
places a short English phrase near the Chinese name of the same thing, and the graph's entities are
already embedded (name, aliases, English name): so each noun phrase of the question (a run of words
between function words) is embedded and looked up among the entity vectors.

The model alone is a weak judge here: between an English phrase and short Chinese names the cosine
spread is narrow (0.78-0.85 for right and wrong names alike on the gold questions), and a phrase meets
many names of government slogans (打造精品项目). So a name is taken only when the dictionary agrees
with it: it writes a sense of two of the phrase's words, and at least COVER of its characters stand in
the Chinese senses offered for the phrase's words. The name then adds what the dictionary lacks (the rest of its characters) and the
whole compound as one search term.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

import numpy as np

from govgraph.ingest.crosslingual import TermGroup, TermSource, is_function_word

# Entities looked at per noun phrase, nearest first.
NEAR = 8
# A phrase is compared with names of this many characters: shorter ones are words the dictionary
# gives anyway, longer ones are whole measures (推动建筑领域清洁低碳转型), not names.
MIN_NAME, MAX_NAME = 3, 12
# Share of a name's characters that must stand in the question's dictionary senses.
COVER = 0.6
# Phrases embedded per question at most (the longest): each costs the model a short text.
MAX_PHRASES = 4

_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def noun_phrases(text: str) -> list[str]:
    """Runs of two or more words between function words and punctuation, longest first
    ("the 2022 Beijing Winter Olympics" -> "Beijing Winter Olympics")."""
    runs: list[list[str]] = [[]]
    for token in re.findall(r"[A-Za-z][A-Za-z']*|[^\sA-Za-z]", text):
        if not _WORD.fullmatch(token) or is_function_word(token):
            runs.append([])
        else:
            runs[-1].append(token)
    phrases = [" ".join(r) for r in runs if len(r) >= 2]
    return sorted(dict.fromkeys(phrases), key=lambda p: -len(p.split()))[:MAX_PHRASES]


def covered_share(name: str, senses: set[str]) -> float:
    """Share of the name's characters that stand in one of the senses."""
    chars = set("".join(senses))
    return sum(ch in chars for ch in name) / len(name) if name else 0.0


def entity_groups(store, embed_many: Callable[[list[str]], Sequence[np.ndarray]], text: str,
                  offered: Sequence[TermGroup]) -> list[TermGroup]:
    """One group per noun phrase of `text` whose nearest entities include a name the dictionary
    senses in `offered` mostly agree with (the nearest such name)."""
    phrases = noun_phrases(text)
    if not phrases:
        return []
    out = []
    have = {t for g in offered for t in g.terms}
    for phrase, vector in zip(phrases, embed_many(phrases)):
        inside = _groups_inside(phrase, offered)
        if len(inside) < 2:
            continue
        near = store.entity_vector_search(vector, NEAR)
        names = {b.id: b.name for b in store.get_briefs([nid for nid, _ in near])}
        for nid, _score in near:
            name = names.get(nid, "")
            if MIN_NAME <= len(name) <= MAX_NAME and name not in have and _agrees(name, inside):
                out.append(TermGroup(phrase, TermSource.ENTITY, (name,)))
                have.add(name)
                break
    return out


def _groups_inside(phrase: str, offered: Sequence[TermGroup]) -> list[TermGroup]:
    """The dictionary groups of the words of `phrase`."""
    words = set(phrase.lower().split())
    return [g for g in offered if g.terms and set(g.english.lower().split()) <= words]


def _agrees(name: str, inside: Sequence[TermGroup]) -> bool:
    """Does the name write a sense of two of the phrase's words and mostly their characters?
    (北京冬奥会 for "Beijing Winter Olympics": 北京 and 冬奥会; not 北京日报 for "video filmed".)"""
    matched = sum(any(len(t) >= 2 and t in name for t in g.terms) for g in inside)
    return matched >= 2 and covered_share(name, {t for g in inside for t in g.terms}) >= COVER
