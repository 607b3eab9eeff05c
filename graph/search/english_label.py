"""The label an English "which …" question asks for, read from the graph when no cue list knows its noun.

The analyzer knows the label of the nouns in its lists ("which office" -> Agency). English has far
more kind nouns than a list holds (shopping hubs, power plant, supercomputing centre), while the graph
already says what such things are: Chinese writes a thing's kind at the end of its name (国家超算深圳中心,
华强北商圈, 南山热电厂), and the extractor gave each name a label. So the noun's dictionary senses
(ingest/crosslingual.py) are looked up as name endings in the store, and the label most of those names
carry is the label asked for: hubs -> 枢纽 -> Place (18 names), centre -> 中心 -> Organization 57 /
Place 10, power plant -> 发电厂 -> (no name) -> 电厂 -> Organization.

Only the labels of things count (Agency, Organization, Place, Policy, Person, Event): Measure, Plan and
Indicator names are actions and figures (打造四大中心), half of all names, and would outvote the kind.
A sense no name ends in is tried once more by its last two characters (核发电厂 -> 电厂); a single
character says nothing of a kind (厂 ends 工厂 and 药厂 but also 出厂). The words whose names voted
become the question's `kind`, which lifts answers of that kind (graph/search/ask.py).
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from govgraph.ingest.vocabulary import Label
from govgraph.ingest.crosslingual import TermSource, headed_words, term_groups

# The labels a "which" noun can name; see the module's note for why actions and figures are left out.
THING_LABELS = frozenset({Label.AGENCY, Label.ORGANIZATION, Label.PLACE, Label.POLICY, Label.PERSON, Label.EVENT})
# Name endings indexed: a kind noun of Chinese is two to four characters (中心, 商圈, 发电厂, 博物馆, 技能大赛).
MIN_END, MAX_END = 2, 4
# The winning label's share of the votes; below it the graph does not agree on what the noun names.
MIN_SHARE = 0.6
# Dictionary readings of a phrase looked up (commonest first).
SENSES = 12


@dataclass(frozen=True)
class GraphLabel:
    label: str
    kind: tuple[str, ...]  # the Chinese name endings that voted for it


class NameEndings:
    """Label counts of the graph's entity names by their last two to four characters, built once per
    store version (a whole corpus of 155 reports: one pass over its nodes)."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._built: tuple[object, dict[str, Counter]] | None = None

    def counts(self, ending: str) -> Counter:
        return self._index().get(ending, Counter())

    def _index(self) -> dict[str, Counter]:
        version = self.store.version
        with self._lock:
            if self._built is None or self._built[0] != version:
                index: dict[str, Counter] = {}
                for node in self.store.iter_nodes():
                    if node.label not in THING_LABELS:
                        continue
                    for n in range(MIN_END, min(MAX_END, len(node.name)) + 1):
                        index.setdefault(node.name[-n:], Counter())[node.label] += 1
                self._built = (version, index)
            return self._built[1]


class EnglishLabeler:
    """Reads the label of an English question's unknown noun (QuestionIntent.asked_nouns) from the graph."""

    def __init__(self, store):
        self.endings = NameEndings(store)

    def label(self, asked_nouns: list[str]) -> GraphLabel | None:
        """The first of the noun phrases (longest first) that the dictionary reads as one phrase and
        whose senses end names of one label in most cases; None when none does."""
        for noun in asked_nouns:
            groups = term_groups(noun, None)
            if len(groups) != 1 or groups[0].source not in (TermSource.DICTIONARY, TermSource.PHRASE):
                continue
            found = self._vote(groups[0].terms[:SENSES])
            if found is not None:
                return found
        # no sense ends a name: the words glossed as a kind of the head noun ("large building" 大厦)
        head = asked_nouns[-1] if asked_nouns else ""
        return self._vote(tuple(headed_words(head))) if head and " " not in head else None

    def _vote(self, senses: tuple[str, ...]) -> GraphLabel | None:
        votes: Counter = Counter()
        voters: dict[str, list[str]] = {}
        for sense in senses:
            if len(sense) < MIN_END:
                continue
            ending = sense[-MAX_END:]
            counts = self.endings.counts(ending)
            if not counts and len(ending) > MIN_END:
                ending = ending[-MIN_END:]
                counts = self.endings.counts(ending)
            votes.update(counts)
            for lab in counts:
                voters.setdefault(lab, []).append(ending)
        if not votes:
            return None
        label, n = votes.most_common(1)[0]
        if n < MIN_SHARE * sum(votes.values()):
            return None
        return GraphLabel(label=str(label), kind=tuple(dict.fromkeys(voters[label])))
