"""Chinese search words for an English question, chosen by the reports being searched.

ingest/crosslingual.py turns each English phrase of a question into its dictionary senses, the
commonest first (CC-CEDICT read in reverse). Taken word by word the commonest sense is often the
wrong one for government writing: "accept" -> 接受 where the reports write 受理 (cases), "beds" ->
被窝 where they write 床位. The classic remedy for dictionary query translation is cohesion: the
right senses of a question's words occur together in the collection, the wrong ones rarely do.

So, per English phrase, every sense is looked up in the store's lexical index, and the senses kept
are those found in a passage together with the most other phrases of the question (ties: more such
passages, then the dictionary's order). Senses the reports never use are dropped: BM25 cannot match
them, and they pull the embedded term text away from the question.

A capitalised word no list knows but that reads as pinyin (Gushu, Wuwangdun) is looked for in the
reports' text: each way of reading it gives a run of character classes (ingest/romanization.py),
and the runs found in the text, most frequent first, become that word's senses, chosen as above.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Collection, Sequence

import numpy as np

from govgraph.ingest.crosslingual import TermGroup, TermSource
from govgraph.ingest.romanization import character_classes

from .english_name_kinds import joined_names

# Senses kept per phrase once chosen: the best, and a second only when it does as well.
KEEP = 2
# Groups whose words are looked for inside longer words: names and terms of government writing, which
# the reports compound (黄浦江, 人大代表); not numbers (三十 would become 第三十) nor dictionary senses.
GLUED = frozenset({TermSource.PLACE, TermSource.PHRASE, TermSource.ABBREVIATION, TermSource.NAMED})
# Longer words a sense stands in when the index holds it only inside them (黄浦 -> 黄浦江 黄浦区).
CONTAINING = 3
# Spellings of one romanised name offered to the choice (the most frequent in the text): a rare name
# ties with chance runs across word boundaries (巩固树立 holds 固树), and only its company tells them apart.
NAME_SENSES = 40
# Spellings of a name joined to a kind word (english_name_kinds.py): each join is one substring test of the text.
NAME_JOINS = 12


@dataclass(frozen=True)
class _Sense:
    group: int
    term: str
    rows: np.ndarray  # passages holding every token of the term


class TermChooser:
    """Chooses the Chinese senses of an English question's phrases by their co-occurrence in the store."""

    def __init__(self, store, tokenizer: Callable[[str], Sequence[str]]):
        self.store = store
        self.tokenizer = tokenizer
        self._lock = threading.Lock()
        self._text: tuple[object, str] | None = None  # (store version, every passage's text)
        # romanised word -> spellings found, for the text above: a scan of a whole corpus costs
        # 5-30 ms (21,104 passages), a repeated question nothing
        self._spellings: dict[str, tuple[str, ...]] = {}
        self._written: dict[str, bool] = {}  # compound -> written in the text above
        self._vocab: tuple[object, _Words | None] | None = None  # (store version, the index's words)

    def choose(self, groups: Sequence[TermGroup]) -> list[str] | None:
        """Chinese search words for the groups, in question order; None when the store cannot say
        which words it holds (the caller then keeps the dictionary's commonest senses)."""
        chosen = self.choose_groups(groups)
        return None if chosen is None else list(dict.fromkeys(t for g in chosen for t in g.terms))

    def choose_groups(self, groups: Sequence[TermGroup]) -> list[TermGroup] | None:
        """The groups with their chosen senses, in question order (a group with none left out); None
        when the store cannot say which words it holds."""
        if not groups:
            return []
        if self.store.term_passages([]) is None:
            return None
        groups = [self._spelled(g) if g.source == TermSource.ROMANIZED else g for g in groups]
        # joined after the spellings, chosen apart: a join is a name, not one more phrase for the others' company
        joined = [self._one_word(g) for g in joined_names(groups, self._name_spellings, self._written_of)]
        groups = [self._in_words(g) if g.source in GLUED else g for g in groups if g.terms]
        groups = [self._as_written(g) if g.written else g for g in groups]
        toks = {t: _whole_words(self.tokenizer(t)) for g in groups for t in g.terms}
        postings = self.store.term_passages(sorted({w for ws in toks.values() for w in ws}))
        if postings is None:
            return None
        senses = [[_Sense(i, t, self._rows(toks[t], postings)) for t in g.terms] for i, g in enumerate(groups)]
        present = self._presence(senses)
        kept = [replace(g, terms=tuple(self._kept(g, senses[i], present, i))) for i, g in enumerate(groups)]
        return [g for g in [*kept, *joined] if g.terms or g.written]

    def _kept(self, group: TermGroup, senses: list[_Sense], present: np.ndarray, i: int) -> list[str]:
        if group.source in (TermSource.PHRASE, TermSource.ACRONYM):
            # curated phrases of government writing are trusted as they are; an acronym is searched as written
            return list(group.terms)
        if group.source in (TermSource.ABBREVIATION, TermSource.NAMED):
            # combinations of abbreviations no report writes (深香) are guesses, not names: none is kept
            return [s.term for s in senses if len(s.rows)]
        if group.source == TermSource.PLACE:
            # a romanisation names places in several provinces (Longhua: 龙华区, 隆化县); keep those the reports name
            return [s.term for s in senses if len(s.rows)] or list(group.terms)
        return self._best(senses, present, i) or list(group.terms[:1])

    def _spelled(self, group: TermGroup) -> TermGroup:
        """A romanised name with the spellings the reports use for it, most frequent first."""
        text = self._corpus_text()
        key = group.english.lower()
        spelled = self._spellings.get(key)
        if spelled is None:
            found: Counter = Counter()
            for classes in character_classes(group.english):
                found.update(_run(tuple(classes)).findall(text))
            spelled = self._spellings[key] = tuple(t for t, _n in found.most_common(NAME_SENSES))
        return replace(group, terms=spelled)

    def _one_word(self, group: TermGroup) -> TermGroup:
        """The group's terms the tokenizer reads as one word (深圳湾, 西丽湖): BM25 matches those whole. A join it
        cuts apart (前海合作区 -> 前 海 合作 区, CEPA大厦 -> cepa 大厦) would only add its parts, the name's and the
        kind's words over again or a common word (大厦) that lifts passages naming some other tower."""
        whole = tuple(t for t in group.terms if self.tokenizer(t)[:1] == (t,))
        return replace(group, terms=whole, written=tuple(t for t in group.terms if t not in whole))

    def _name_spellings(self, group: TermGroup) -> list[str]:
        """A name's Chinese spellings to join a kind to: a capitalised dictionary word also with those its
        romanisation finds in the reports (Xili: CC-CEDICT's 喜力, the reports' 西丽), at most NAME_JOINS."""
        terms = list(group.terms)
        if group.source == TermSource.DICTIONARY and character_classes(group.english):
            terms += self._spelled(group).terms
        return list(dict.fromkeys(terms))[:NAME_JOINS]

    def _written_of(self, terms: Sequence[str]) -> list[str]:
        """The terms some passage writes as they are, in the order given."""
        text = self._corpus_text()
        with self._lock:
            found = self._written
            for t in terms:
                if t not in found:
                    found[t] = t in text
            return [t for t in dict.fromkeys(terms) if found[t]]

    def _as_written(self, group: TermGroup) -> TermGroup:
        """The group without the senses it offers only as written (compounds, 重点企业) that no passage writes."""
        text = self._corpus_text()
        with self._lock:
            found = self._written
            for t in group.written:
                if t not in found:
                    found[t] = t in text
        return replace(group, terms=tuple(t for t in group.terms if t not in group.written or found[t]), written=())

    def _in_words(self, group: TermGroup) -> TermGroup:
        """The group with each sense that the index holds only inside longer words (黄浦 in 黄浦江 and
        黄浦区: passages are cut into whole words, so the query word 黄浦 matches neither) replaced by
        those words, the most frequent first."""
        words = self._words()
        if words is None:
            return group
        terms: list[str] = []
        for t in group.terms:
            held = t in words.vocabulary or t.isascii() or len(self.tokenizer(t)) != 1
            terms += [t] if held else (words.containing(t, CONTAINING) or [t])
        return replace(group, terms=tuple(dict.fromkeys(terms)))

    def _words(self) -> "_Words | None":
        """The index's words by character, built once per store version (None: the store cannot say)."""
        version = self.store.version
        with self._lock:
            if self._vocab is None or self._vocab[0] != version:
                vocab = self.store.lexical_vocabulary()
                self._vocab = (version, None if vocab is None else _Words(vocab, self.store))
            return self._vocab[1]

    def _corpus_text(self) -> str:
        """Every passage's text, read once per store version (stores without versions: once)."""
        version = self.store.version
        with self._lock:
            if self._text is None or self._text[0] != version:
                self._text = (version, "\n".join(p.text for p in self.store.iter_passages()))
                self._spellings = {}
                self._written = {}
            return self._text[1]

    @staticmethod
    def _rows(tokens: list[str], postings: dict[str, np.ndarray]) -> np.ndarray:
        if not tokens or any(w not in postings for w in tokens):
            return np.empty(0, dtype=np.int64)
        rows = postings[tokens[0]]
        for w in tokens[1:]:
            rows = np.intersect1d(rows, postings[w], assume_unique=True)
        return rows

    @staticmethod
    def _presence(senses: list[list[_Sense]]) -> np.ndarray:
        """One row per group, one column per passage: does the passage hold any sense of the group?"""
        width = 1 + max((int(s.rows.max()) for ss in senses for s in ss if len(s.rows)), default=0)
        present = np.zeros((len(senses), width), dtype=bool)
        for i, ss in enumerate(senses):
            for s in ss:
                present[i, s.rows] = True
        return present

    @staticmethod
    def _best(senses: list[_Sense], present: np.ndarray, group: int) -> list[str]:
        """The senses found with the most other groups of the question in one passage."""
        others = present.sum(axis=0) - present[group]
        scored = []
        for order, s in enumerate(senses):
            if not len(s.rows):
                continue
            co = others[s.rows]
            top = int(co.max())
            scored.append((-top, -int((co == top).sum()) if top else 0, order, s.term))
        scored.sort()
        if not scored:
            return []
        best = scored[0][0]
        return [t for top, _n, _o, t in scored[:KEEP] if top == best]


def _whole_words(tokens: Sequence[str]) -> list[str]:
    """The Chinese tokens of a query word that are not parts of another of its tokens: the query
    tokenizer adds a long word's parts (黄浦江 -> 黄浦江 黄浦 浦江) that passages, cut into whole words,
    do not hold beside it, so a passage holding the word must not be asked to hold its parts too."""
    cjk = [w for w in tokens if not w.isascii()]
    return [w for w in cjk if not any(w != o and w in o for o in cjk)]


class _Words:
    """The lexical index's Chinese words, found by the characters they hold."""

    def __init__(self, vocabulary: Collection[str], store):
        self.vocabulary = vocabulary
        self._store = store
        self._by_char: dict[str, list[str]] = {}
        for w in vocabulary:
            if len(w) > 1 and not w.isascii():
                for ch in set(w):
                    self._by_char.setdefault(ch, []).append(w)

    def containing(self, part: str, limit: int) -> list[str]:
        """Up to `limit` longer words holding `part`, those in the most passages first."""
        rarest = min(part, key=lambda ch: len(self._by_char.get(ch, ())))
        found = [w for w in self._by_char.get(rarest, ()) if part in w and w != part]
        if len(found) > limit:
            rows = self._store.term_passages(found) or {}
            found.sort(key=lambda w: -len(rows.get(w, ())))
        return found[:limit]


@lru_cache(maxsize=256)
def _run(classes: tuple[frozenset[str], ...]) -> re.Pattern:
    return re.compile("".join("[" + "".join(sorted(c)) + "]" for c in classes))
