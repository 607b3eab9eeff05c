"""Search and ask over any GraphStore: BM25 and vectors fused by reciprocal rank, then, for a
question, the entities of the asked label tied to the retrieved passages through the graph.

The service never parses Chinese itself: the tokenizer and the question analyzer are handed in
by the caller (ingest.tokenize.tokenize_query and ingest.question.analyze_question).
"""
from __future__ import annotations

import dataclasses
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence

import numpy as np

from govgraph.ingest.batch import ENTITY_LABELS, ROLES, Passage, ReportInfo, report_of_passage
from govgraph.ingest.crosslingual import TermSource
from govgraph.ingest.question import parent_place
from govgraph.ingest.vocabulary import QueryForm
from ..store.base import Filters, GraphStore
from .ask import AnswerRanker, lead_with_answer
from .hybrid import rrf
from .qcache import QueryVectorCache
from .collapse import collapse_series
from .collection import newest_of_series, one_place_said, series_key, unsaid
from .collection_rank import report_grades
from .crosslingual import TermChooser
from .english_label import EnglishLabeler
from .english_proximity import phrase_weights, proximity_groups, together_counts, together_shares
from .scope import within
from .other_places import other_place_reports
from .proximity import longest_run, segments, words_with_figures
from .results import AskResult, Hit, SearchResult

log = logging.getLogger(__name__)
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="govgraph-search")

MODES = ("hybrid", "bm25", "vector")
MAX_K = 1000
MAX_QUERY_CHARS = 2000
# Chosen on the dev half of tests/gold/questions.jsonl (RRF k in 5/10/20 x vector weight
# 0.2-1.0 x entity weight 0.3/0.5/1, per question language), then checked on the test half.
# A question in the reports' language matches their words directly: BM25 leads, vectors and
# entity lookup break ties. A question read through a dictionary (English -> Chinese terms) has
# noisier words, and the entity lookup, which matches short names across languages, earns a
# full vote. A small k lets a confident first place count. Measured on all 99 questions, after
# passages were cut to about 200 characters: evidence MRR Chinese 0.96, English 0.69.
TUNED_RRF_K = 5
TUNED_WEIGHTS = (1.0, 0.3, 0.3)  # bm25, vector, entity lookup
# Translated terms chosen by the reports (graph/search/crosslingual.py) are as good a BM25 query as
# a Chinese one: on the English dev half (1, 0.3, 0.5) gave MRR 0.746 against 0.699 for (1, 0.5, 1).
TUNED_TRANSLATED_WEIGHTS = (1.0, 0.3, 0.5)  # the same, for a query searched through translated terms
TUNED_REPORT_WEIGHT = 1.0
TUNED_ROLE_WEIGHT = 0.5
TUNED_RECENT_WEIGHT = 0.5
TUNED_PHRASE_WEIGHT = 1.5
TUNED_FIGURE_WEIGHT = 1.0
TUNED_TRANSLATED_ANSWER_LEADS = False  # see SearchService.__init__
TUNED_TOGETHER_WEIGHT = 6.0  # English phrases close together in Chinese, by rarity (english_proximity.py); dev grid 2-12 in docs/english.md (3 -> 6: 17 reports 0.951/0.803 -> 0.963/0.878, whole corpus 0.820/0.564 -> 0.835/0.580)
# An unbroken run of the query shorter than this says little (两个字的词 already count in BM25).
PHRASE_MIN_RUN = 5
SHORT_PASSAGE = 20
# Their share of score: on the dev half it moves no gold question (none has its evidence in so short a
# passage) and takes headings off the top of 「坪山区与哪些港澳机构开展了合作？」 over the whole corpus.
SHORT_FACTOR = 0.5
# Grades of the reports a query names (graph/search/collection_rank.py), measured on the whole-corpus
# dev half (155 reports): the named place's parent 0.2 moves one question one place (q067 9 -> 10, MRR
# -0.0001) and is kept for the reason a reader has (福田's 河套 is told in Shenzhen's report); its children
# cost two (0.2: q067, q127; 0.5: MRR -0.007): district reports echo the city's facts in their own words
# and crowd out the city's report. Neighbouring years moved no dev question at 0.5.
PARENT_GRADE = 0.2
CHILD_GRADE = 0.0
NEIGHBOUR_GRADE = 0.5
# A named year's report of the other part than the question asks for (its review when a target is asked;
# ingest/year_part.py). Whole-corpus dev half: 1 (both alike, as before) / 0.5 / 0.25 / 0 gave MRR 0.806 /
# 0.810 / 0.810 / 0.810 (q105 "Bao'an 2022 GDP growth target": the 2022 report's targets 2 -> 1); 0.5 keeps
# the other report a candidate.
OTHER_PART_GRADE = 0.5
# The reports of a level of government a query implies and no place names (全国 -> the State Council's;
# ingest/level.py). Whole-corpus dev half: 0 / 0.25 / 0.5 / 1 gave MRR 0.810 / 0.810 / 0.814 / 0.814
# (q181 「全国双创活动周」 2 -> 1: a Yantian report's 精心组织全国双创活动周 stood first).
LEVEL_GRADE = 0.5
# An answer's evidence in a passage of a report the question does not name (Shenzhen 2014's partner
# cities for 「Which Guangdong city…」) keeps this share of its weight. Whole-corpus dev half: answer
# hit@3 0.736 -> 0.764 at 0.1 or 0.25 (0.5: no change; 0: 0.750), evidence MRR 0.753 -> 0.752 (the
# answer's passage leads: q121 up, q229 and q231 one place down); 17-report dev: answers unchanged.
UNNAMED_ANSWER_SHARE = 0.1
# The phrases-together bonus of an English question (english_proximity.py) kept by a passage of a report the
# question does not name: the bonus (up to 6/(k+1)) outweighed the named reports' own prior (1/(k+1)), so a
# Guangdong passage writing 经济总量, 增速 and 上年 together led "Beijing economic output and growth rate last
# year". English dev MRR, 17 reports / whole corpus: share 1 (before) 0.933 / 0.788, 0.75 0.928 / 0.807,
# 0.5 0.929 / 0.810, 0.35 0.929 / 0.812 (answers 25 -> 24 of 30), 0.25 0.929 / 0.815 (24), 0 0.921 / 0.795.
UNNAMED_TOGETHER_SHARE = 0.5
# The named reports' own ranking (graph/search/scope.py): the BM25 and vector lists read this deep and
# kept to the reports a query names, fused at this share of the global lists' weights. Whole-corpus dev
# half: weight 0 / 0.3 / 0.5 / 1 / 2 gave MRR 0.757 / 0.775 / 0.774 / 0.761 / 0.744 (0.5 kept: answers
# 0.792 at 0.3 and 0.5); depth 50 / 100 / 150-1000 gave 0.756 / 0.762 / 0.774. 300 leaves a margin and
# costs 1.5 ms CPU p50 per search (20.8 against 19.3 ms; 1000 cost 8 ms: the deeper id reads).
TUNED_SCOPE_WEIGHT = 0.5
SCOPE_DEPTH = 300
# The share of score kept by a passage of a report of another jurisdiction than the places a query names
# (graph/search/other_places.py: Longhua's report for a question about Bao'an; kin reports untouched).
# Whole-corpus dev half: 1 / 0.8 / 0.6 / 0.4 / 0.2 gave MRR 0.831 / 0.832 / 0.833 / 0.834 / 0.834 (q101 5 -> 3,
# q067 6 -> 5, q221 out -> 8; no question down); 17 reports, dev: 0.942 -> 0.945 at 0.6-0.2 (q221 7 -> 2).
# It fires on 86 of the 121 dev questions; no dev gold report is another place's.
OTHER_PLACE_FACTOR = 0.4
# Extra passages ranked so that folding near-duplicates of a series still leaves k hits.
COLLAPSE_SPARE = 10
# An alternative label (机构 read as Organization rather than Agency) must be this much better
# supported to replace the first reading.
ALT_LABEL_MARGIN = 1.2


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


class SearchService:
    """`search` ranks passages; `ask` also names the entities that answer the question.

    Parameters measured on the dev half of tests/gold/questions.jsonl (see graph/search/evaluate.py):
    `depth` candidates from each list go into the fusion; `rrf_k` and `weights` (bm25, vector,
    entity) shape it. The third list comes from entity lookup: the query vector against entity
    vectors (name, aliases, English name and a little context), then the passages those entities
    stand in. Short entity texts match across languages far better than long passages do, so an
    English question finds 阿普利亚大区 and, through it, the Chinese passage.
    """

    def __init__(self, store: GraphStore, embedder=None,
                 tokenizer: Callable[[str], Sequence[str]] | None = None,
                 analyzer: Callable[[str], object] | None = None, *,
                 rrf_k: int = TUNED_RRF_K, weights: tuple[float, float, float] = TUNED_WEIGHTS,
                 translated_weights: tuple[float, float, float] = TUNED_TRANSLATED_WEIGHTS, depth: int = 50,
                 entity_k: int = 20, entity_max_passages: int = 20, report_weight: float = TUNED_REPORT_WEIGHT,
                 role_weight: float = TUNED_ROLE_WEIGHT, recent_weight: float = TUNED_RECENT_WEIGHT,
                 phrase_weight: float = TUNED_PHRASE_WEIGHT, figure_weight: float = TUNED_FIGURE_WEIGHT,
                 embed_terms: bool = True, answer_leads: bool = True,
                 query_cache: int = 2048, catalog_ttl: float = 5.0, aggregator=None):
        if tokenizer is None:
            raise ValueError("SearchService: a tokenizer is required (e.g. ingest.tokenize.tokenize_query)")
        if analyzer is None:
            raise ValueError("SearchService: a question analyzer is required (ingest.question.analyze_question)")
        self.store = store
        self.embedder = embedder
        self.tokenizer = tokenizer
        self.analyzer = analyzer
        self.rrf_k = rrf_k
        self.weights = weights
        self.translated_weights = translated_weights
        self.depth = depth
        self.entity_k = entity_k
        self.report_weight = report_weight
        self.role_weight = role_weight
        self.recent_weight = recent_weight
        self.phrase_weight = phrase_weight
        self.figure_weight = figure_weight
        self.together_weight = TUNED_TOGETHER_WEIGHT
        self.together_idf = True
        self.other_place_factor = OTHER_PLACE_FACTOR
        self._last_others: tuple[tuple, set[str]] | None = None
        self._passages_at: tuple[object, int] | None = None
        self.short_factor = SHORT_FACTOR
        self.parent_grade = PARENT_GRADE
        self.child_grade = CHILD_GRADE
        self.neighbour_grade = NEIGHBOUR_GRADE
        self.other_part_grade = OTHER_PART_GRADE
        self.level_grade = LEVEL_GRADE
        self._last_grades: tuple[tuple, dict[str, float]] | None = None
        self.unnamed_answer_share = UNNAMED_ANSWER_SHARE
        self.unnamed_together_share = UNNAMED_TOGETHER_SHARE
        self.scope_weight = TUNED_SCOPE_WEIGHT
        self.scope_depth = SCOPE_DEPTH
        self.drop_said_places = True
        self.answer_leads = answer_leads
        # An answer found through translated words is wrong more often (English dev: the passage of 国家碳计量中心
        # led for a nuclear power plant), and leading with it moved the evidence down: English dev MRR with the
        # lead 0.927 / 0.779 (older / newer questions), without it 0.951 / 0.802; whole-corpus dev +0.008. Kept on
        # dev; on test it is neutral over 17 reports (0.760 -> 0.761) and costs 0.017 over 155 (docs/english.md).
        self.translated_answer_leads = TUNED_TRANSLATED_ANSWER_LEADS
        self.embed_terms = embed_terms
        self.entity_max_passages = entity_max_passages
        self._qvec = (QueryVectorCache(embedder.query, query_cache, getattr(embedder, "queries", None))
                      if embedder is not None else None)
        self._catalog_ttl = catalog_ttl
        self._reports: dict[str, ReportInfo] = {}
        self._reports_at = -1.0
        self._reports_version = None
        self._lock = threading.Lock()
        self._ranker = AnswerRanker(store, tokenizer)
        self._chooser = TermChooser(store, tokenizer)
        self._labeler = EnglishLabeler(store)
        self._warned_model = False
        # graph.search.aggregate.Comparer: answers cross-agency questions (哪些区…) with agency rows.
        self.aggregator = aggregator

    # -- checking input ------------------------------------------------------------------
    @staticmethod
    def _check(text: str, k: int, filters: Filters | None, mode: str, what: str) -> str:
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{what}: empty {what}")
        if len(text) > MAX_QUERY_CHARS:
            raise ValueError(f"{what}: longer than {MAX_QUERY_CHARS} characters")
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise ValueError(f"k: must be an integer from 1 to {MAX_K}, got {k!r}")
        if mode not in MODES:
            raise ValueError(f"mode: must be one of {', '.join(MODES)}, got {mode!r}")
        if filters is not None:
            if filters.role is not None and filters.role not in ROLES:
                raise ValueError(f"role: must be one of {', '.join(ROLES)}, got {filters.role!r}")
            if filters.label is not None and filters.label not in ENTITY_LABELS:
                raise ValueError(f"label: must be one of {', '.join(ENTITY_LABELS)}, got {filters.label!r}")
            if filters.year is not None and (isinstance(filters.year, bool) or not isinstance(filters.year, int)):
                raise ValueError(f"year: must be an integer, got {filters.year!r}")
        return text.strip()

    def _vectors_usable(self, mode: str) -> bool:
        if self._qvec is None:
            if mode == "vector":
                raise ValueError("mode: 'vector' needs an embedding model, and none is loaded")
            return False
        stored = self.store.model
        if stored is not None and stored != self.embedder.name:
            msg = (f"the store's vectors come from model {stored!r}, the query model is "
                   f"{self.embedder.name!r}; vectors of different models cannot be compared")
            if mode == "vector":
                raise ValueError(f"mode: {msg}")
            if not self._warned_model:
                log.warning("%s: searching with BM25 only", msg)
                self._warned_model = True
            return False
        return True

    # -- the report catalogue, cached: hits need titles and file names ---------------------
    def _report_map(self) -> dict[str, ReportInfo]:
        """Refreshed when the store's version moves (stores that have one) or after a few seconds."""
        now = time.monotonic()
        version = self.store.version
        if now - self._reports_at > self._catalog_ttl or version != self._reports_version:
            with self._lock:
                self._reports = {r.id: r for r in self.store.reports()}
                self._reports_at = now
                self._reports_version = version
        return self._reports

    # -- retrieval -------------------------------------------------------------------------
    def rank(self, text: str, k: int, filters: Filters | None = None, mode: str = "hybrid",
             vector_text: str | None = None, entities: list | None = None,
             terms: Sequence[str] = (), use_entities: bool = True,
             role: str | None = None, entity_text: str | None = None,
             places: Sequence[str] = (), years: Sequence[int] = (),
             quantity: bool = False, term_sets: Sequence[Sequence[str]] = (),
             read: dict[str, Passage] | None = None, year_part: str | None = None,
             levels: Sequence[str] = ()) -> list[tuple[str, float]]:
        """(passage id, score) best first. BM25 reads `text` plus `terms` (Chinese words for an
        English query); vectors embed `vector_text` or `text`.

        In hybrid mode, when `entities` is a list, the entity hits (node id, cosine) are appended
        to it so that ask can reuse them; when `read` is a dict, the passages read while ranking
        go into it, so that hits() need not read them again.
        """
        depth = max(self.depth, k)
        use_vec = mode in ("hybrid", "vector") and self._vectors_usable(mode)
        scope = self._scope(text, terms, places, years, year_part, levels) if mode == "hybrid" and use_vec else set()
        reach = max(depth, self.scope_depth) if scope else depth
        lexical: list[tuple[str, float]] = []
        ents: list[tuple[str, float]] = []

        def lexical_part() -> list[tuple[str, float]]:
            if mode not in ("hybrid", "bm25"):
                return []
            tokens = list(self.tokenizer(text))
            words = text
            if terms:
                tokens += [t for t in self.tokenizer(" ".join(terms)) if t not in tokens]
                # Stores that analyse the text themselves (Neo4j's cjk analyzer) read the terms here.
                words = text + " " + " ".join(terms)
            said = self._said_by_reports(places)
            if said:
                tokens, words = unsaid(tokens, words, said)
            if not tokens:
                return []
            return self.store.lexical_search(words, tokens, reach if mode == "hybrid" else k, filters)

        want_entities = (use_vec and mode == "hybrid" and use_entities
                         and (self.translated_weights if terms else self.weights)[2] > 0)

        def query_vectors() -> tuple[np.ndarray, np.ndarray]:
            vtext = vector_text or text
            two = want_entities and bool(entity_text) and entity_text != vtext
            qv, *rest = self._qvec.get_many([vtext, entity_text] if two else [vtext])
            return qv, (rest[0] if rest else qv)

        def vector_part(qv: np.ndarray) -> list[tuple[str, float]]:
            return self.store.vector_search(qv, reach if mode == "hybrid" else k, filters)

        def entity_part(ev: np.ndarray) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
            near, of = self.store.entity_vector_passages(ev, self.entity_k, self.entity_max_passages)
            return near, self._entity_passages(near, of, filters, depth)

        vector: list[tuple[str, float]] = []
        by_entity: list[tuple[str, float]] = []
        if use_vec and mode == "hybrid" and self.store.parallel_reads:
            # A store across the network waits on round trips: the words, the passage vectors and
            # the entity lookup go at once (no task waits on another, so the pool cannot starve).
            pending_lex = _POOL.submit(lexical_part)
            qv, ev = query_vectors()
            pending_ent = _POOL.submit(entity_part, ev) if want_entities else None
            vector = vector_part(qv)
            ents, by_entity = pending_ent.result() if pending_ent else ([], [])
            lexical = pending_lex.result()
        else:
            lexical = lexical_part()
            if use_vec:
                qv, ev = query_vectors()
                vector = vector_part(qv)
                if want_entities:
                    ents, by_entity = entity_part(ev)
        if entities is not None:
            entities.extend(ents)
        if mode == "bm25" or (mode == "hybrid" and not use_vec):
            return lexical[:k]
        if mode == "vector":
            return vector[:k]
        w = self.translated_weights if terms else self.weights
        lists = [(lexical[:depth], w[0]), (vector[:depth], w[1]), (by_entity, w[2])]
        if scope:
            lists += [(within(lexical, scope, depth), w[0] * self.scope_weight),
                      (within(vector, scope, depth), w[1] * self.scope_weight)]
        lists = [(lst, w) for lst, w in lists if lst]
        if len(lists) == 1:
            return lists[0][0][:k]
        fused = rrf([lst for lst, _ in lists], k=self.rrf_k, weights=[w for _, w in lists])
        return self._priors(fused, text, terms, role, places, years, quantity, term_sets, read, year_part,
                            levels)[:k]

    def _scope(self, text: str, terms: Sequence[str], places: Sequence[str], years: Sequence[int],
               year_part: str | None = None, levels: Sequence[str] = ()) -> set[str]:
        """The reports a query names (grade 1), whose own ranking joins the fusion (graph.search.scope)."""
        if self.scope_weight <= 0 or self.report_weight <= 0 or not (places or years or terms or text):
            return set()
        grades = self._report_grades(text, terms, places, years, year_part, levels)
        return {rid for rid, g in grades.items() if g >= 1.0}

    def _other_places(self, places: Sequence[str]) -> set[str]:
        """Reports of jurisdictions unrelated to the places a query names (graph.search.other_places)."""
        if not places:
            return set()
        reports = self._report_map()
        key = (self._reports_at, self._reports_version, tuple(places))
        if self._last_others is None or self._last_others[0] != key:
            self._last_others = (key, other_place_reports(reports, places, parent_place))
        return self._last_others[1]

    def _said_by_reports(self, places: Sequence[str]) -> list[str]:
        """The place a query names when reports of the store speak for it: its names need not be
        matched in the text (the report grades prefer those reports), else every passage that
        writes 福田 outranks the Futian passage that answers without naming its own district. A
        query naming two places (Shenzhen in Guangdong's report) keeps them: one is its content."""
        if not places or not self.drop_said_places:
            return []
        return list(places) if one_place_said(self._report_map(), places) else []

    def _report_grades(self, text: str, terms: Sequence[str], places: Sequence[str] = (),
                       years: Sequence[int] = (), year_part: str | None = None,
                       levels: Sequence[str] = ()) -> dict[str, float]:
        """Reports the query names by place, body or year, graded (graph.search.collection_rank). The
        last answer is kept: ask reads it twice (ranking, then whether the answer's passage may lead)."""
        reports = self._report_map()
        key = (self._reports_at, self._reports_version, text, tuple(terms), tuple(places), tuple(years),
               self.parent_grade, self.child_grade, self.neighbour_grade, year_part, self.other_part_grade,
               tuple(levels), self.level_grade)
        last = self._last_grades
        if last is not None and last[0] == key:
            return last[1]
        words = [*self.tokenizer(text), *terms]
        grades = report_grades(reports, words, places, years, self.parent_grade, self.child_grade,
                               self.neighbour_grade, year_part, self.other_part_grade, levels, self.level_grade)
        self._last_grades = (key, grades)
        return grades

    def _priors(self, fused: list[tuple[str, float]], text: str, terms: Sequence[str],
                role: str | None, places: Sequence[str] = (), years: Sequence[int] = (),
                quantity: bool = False, term_sets: Sequence[Sequence[str]] = (),
                read: dict[str, Passage] | None = None, year_part: str | None = None,
                levels: Sequence[str] = ()) -> list[tuple[str, float]]:
        """More rank-fusion lists over the fused head, each in fused order: the passages of the
        reports the query names, of the newest of those when it names no year, of the role it asks
        about (shortcomings -> problem sections, next steps -> plans), the passages that hold the
        longest unbroken run of the query, and, for a question asking for a figure, those that put
        a number after its words (graph.search.proximity)."""
        if not fused:
            return fused
        grades = self._report_grades(text, terms, places, years, year_part, levels) if self.report_weight > 0 else {}
        named = {rid for rid, g in grades.items() if g >= 1.0}
        role = role if self.role_weight > 0 else None
        segs = segments(text) if self.phrase_weight > 0 else []
        figure_words = ([w for w in dict.fromkeys((*self.tokenizer(text), *terms)) if len(w) >= 2 and not w.isascii()]
                        if quantity and self.figure_weight > 0 else [])
        term_sets = [ts for ts in term_sets if ts] if len(term_sets) >= 2 and self.together_weight > 0 else []
        if (not grades and not role and not segs and not figure_words and not term_sets
                and not (places and self.other_place_factor < 1.0)):
            return fused
        head = fused[: self.depth * 2]
        of = {p.id: p for p in self.store.get_passages([pid for pid, _ in head])}
        if read is not None:
            read.update(of)
        order = [pid for pid, _ in head if pid in of]
        newest = (newest_of_series(self._report_map(), named)
                  if named and not years and self.recent_weight > 0 else set())
        lists = [
            *(([pid for pid in order if grades.get(of[pid].report) == g], self.report_weight * g)
              for g in sorted(set(grades.values()), reverse=True)),
            ([pid for pid in order if of[pid].report in newest], self.recent_weight),
            ([pid for pid in order if role and of[pid].role == role], self.role_weight),
        ]
        if figure_words:
            counts = {pid: words_with_figures(figure_words, of[pid].text) for pid in order}
            lists.append((sorted((pid for pid in order if counts[pid]), key=lambda pid: -counts[pid]),
                          self.figure_weight))
        bonus: dict[str, float] = {}
        for ids, weight in lists:
            for rank, pid in enumerate(ids, 1):
                bonus[pid] = bonus.get(pid, 0.0) + weight / (self.rrf_k + rank)
        # The unbroken run is a score, not a rank: the whole phrase earns what a first place would,
        # two thirds of it (2/3)^2 of that.
        for pid in order if segs else ():
            share = longest_run(segs, of[pid].text, PHRASE_MIN_RUN)
            if share:
                bonus[pid] = bonus.get(pid, 0.0) + self.phrase_weight * share * share / (self.rrf_k + 1)
        # An English question's phrases met in one clause: all of them earn what a first place would.
        for pid, share in zip(order, self._together_shares(term_sets, [of[pid].text for pid in order])):
            if share:
                bonus[pid] = (bonus.get(pid, 0.0) + self.together_weight * share * share / (self.rrf_k + 1)
                              * self._named_share(grades, of[pid].report))
        # A heading or a menu line (「深圳市坪山区人民政府」) states no fact; BM25 ranks it high for the
        # place's name alone, so it keeps only part of its score.
        out = [(pid, (sc + bonus.get(pid, 0.0)) * (self.short_factor if pid in of and len(of[pid].text) < SHORT_PASSAGE
                                                    else 1.0)) for pid, sc in fused]
        # A passage of another jurisdiction than the one the query names speaks of that other place.
        others = self._other_places(places) if self.other_place_factor < 1.0 else set()
        if others:
            out = [(pid, sc * self.other_place_factor if report_of_passage(pid) in others else sc) for pid, sc in out]
        out.sort(key=lambda t: -t[1])
        return out

    def _named_share(self, grades: dict[str, float], report: str) -> float:
        """The share of the phrases-together bonus a passage keeps: all of it when the query names no report,
        else `unnamed_together_share` plus the rest by its report's grade (a Guangdong passage writing
        经济总量, 增速 and 上年 side by side is no answer to "Beijing economic output and growth rate")."""
        if not grades:
            return 1.0
        low = self.unnamed_together_share
        return low + (1.0 - low) * grades.get(report, 0.0)

    def _together_shares(self, term_sets: Sequence[Sequence[str]], texts: Sequence[str]) -> list[float]:
        """Per text, the share of an English question's phrases standing together in it (0 under two),
        each phrase weighted by its rarity in the store when `together_idf` and the store can say."""
        if not term_sets:
            return [0.0] * len(texts)
        weights = (phrase_weights(term_sets, self.tokenizer, self.store.term_passages, self._passage_count())
                   if self.together_idf else None)
        if weights is None:
            return [n / len(term_sets) if n >= 2 else 0.0 for n in together_counts(term_sets, texts)]
        return together_shares(term_sets, texts, weights)

    def _passage_count(self) -> int:
        """Passages in the store, read once per store version."""
        version = self.store.version
        if self._passages_at is None or self._passages_at[0] != version:
            self._passages_at = (version, int(self.store.stats()["passages"]))
        return self._passages_at[1]

    def _entity_passages(self, ents: list[tuple[str, float]], of: dict[str, list[str]],
                         filters: Filters | None, depth: int) -> list[tuple[str, float]]:
        """Passages (`of` each entity, GraphStore.entity_vector_passages) of the nearest entities,
        nearest first. Entities named in many passages (a city, the State Council) say nothing
        about which passage is meant and are left out."""
        if not ents:
            return []
        out: list[tuple[str, float]] = []
        seen: set[str] = set()
        for eid, score in ents:
            for pid in of.get(eid, ()):
                if pid not in seen:
                    seen.add(pid)
                    out.append((pid, score))
        if filters is not None and not filters.is_empty() and out:
            keep = self._passing(out, filters)
            out = [x for x in out if x[0] in keep]
        return out[:depth]

    def _passing(self, ranked: list[tuple[str, float]], f: Filters) -> set[str]:
        """The passages among `ranked` that pass the filters, decided as the stores decide."""
        passages = self.store.get_passages([pid for pid, _ in ranked])
        reports = self._report_map()
        report_id = None
        if f.report:
            r = self.store.find_report(f.report)
            report_id = r.id if r else f.report
        keep = set()
        for p in passages:
            rep = reports.get(p.report)
            if report_id and p.report != report_id:
                continue
            if f.year is not None and p.year != f.year:
                continue
            if f.role and p.role != f.role:
                continue
            if f.author and not (rep and rep.author and f.author in rep.author):
                continue
            keep.add(p.id)
        if f.label and keep:
            in_p = self.store.nodes_in_passages(sorted(keep))
            labelled = set()
            for pid, nids in in_p.items():
                if any(n.label == f.label for n in self.store.get_nodes(nids)):
                    labelled.add(pid)
            keep &= labelled
        return keep

    def hits(self, ranked: list[tuple[str, float]], read: dict[str, Passage] | None = None) -> list[Hit]:
        """One batched passage read for the whole page of results, of the passages not in `read`
        (those rank() read already: a round trip less for a store across the network)."""
        if not ranked:
            return []
        passages = {pid: read[pid] for pid, _ in ranked if read and pid in read}
        missing = [pid for pid, _ in ranked if pid not in passages]
        if missing:
            passages.update((p.id, p) for p in self.store.get_passages(missing))
        reports = self._report_map()
        out = []
        for pid, score in ranked:
            p = passages.get(pid)
            if p is None:  # removed between ranking and reading
                continue
            r = reports.get(p.report)
            if r is None:
                self._reports_at = -1.0  # a report we have not seen yet: refresh next time
                r = self.store.find_report(p.report)
            out.append(Hit(
                passage=p.id, report=p.report, file=r.file if r else "", title=r.title if r else "",
                section=p.section, role=p.role, year=p.year, text=p.text, start=p.start, end=p.end,
                score=score))
        return out

    # -- public API ----------------------------------------------------------------------
    def warm(self) -> None:
        """Load what the first query would otherwise wait for: the tokenizer's dictionaries, the
        analyzer's English-Chinese dictionary (a few seconds), the model and the store indexes.
        Servers call this once at start-up."""
        self.tokenizer("预热")
        self.analyzer("Which sister cities?")
        # a Chinese question loads jieba's part-of-speech tables (~0.8 s): under 16 readers the
        # first searches of a server that skipped this took 3 s
        self.analyzer("哪些部门开展了检查？")
        if self._qvec is not None:
            self._qvec.get("warm up")
        self._report_map()

    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> SearchResult:
        query = self._check(query, k, filters, mode, "query")
        intent = self._intent(query)
        terms = list(getattr(intent, "terms", None) or []) if mode != "vector" else []
        # Entity lookup costs a second matrix product; on the gold questions it moves Chinese
        # passage ranking not at all (MRR 0.914 without, 0.910 with) but English a lot (0.568 ->
        # 0.625), so plain searches use it only for queries without Chinese. ask always does: it
        # also ranks answers (Chinese answer hit@3 0.778 -> 0.844).
        vtext, etext = self._vector_texts(query, intent)
        read: dict[str, Passage] = {}
        ranked = self.rank(query, k + COLLAPSE_SPARE, filters, mode, terms=terms,
                           use_entities=not _has_cjk(query), role=getattr(intent, "role", None),
                           vector_text=vtext, entity_text=etext, read=read, **self._collection(intent))
        return SearchResult(query=query, hits=self.collapsed(self.hits(ranked, read))[:k], mode=mode)

    @staticmethod
    def _collection(intent) -> dict:
        """The places and years a query names, for preferring their reports, and whether it asks for a figure."""
        return {**SearchService._named(intent),
                "quantity": bool(getattr(intent, "quantity", False)),
                # an English question's phrases in Chinese, places left to the report priors above
                "term_sets": [g.terms for g in getattr(intent, "term_groups", None) or [] if g.source != TermSource.PLACE]}

    @staticmethod
    def _named(intent) -> dict:
        """The places and years a query names, and which report of a named year it means."""
        return {"places": list(getattr(intent, "places", None) or []), "years": list(getattr(intent, "years", None) or []),
                "year_part": getattr(intent, "year_part", None), "levels": list(getattr(intent, "levels", None) or [])}

    def collapsed(self, hits: list[Hit]) -> list[Hit]:
        """Near-duplicates of one series across years folded into the best-ranked one (also_in)."""
        reports = self._report_map()
        return collapse_series(hits, lambda rid: series_key(reports.get(rid)),
                               lambda rid: getattr(reports.get(rid), "year", None))

    def _vector_texts(self, query: str, intent) -> tuple[str, str]:
        """What to embed for passages and for entities. The model ranks Chinese passages poorly
        against an English question (gold English MRR 0.08) and far better against its Chinese
        terms (0.44); short entity texts it matches across languages well, so entities are
        looked up with the question as asked."""
        terms = list(getattr(intent, "terms", None) or []) if intent is not None else []
        if terms and self.embed_terms:
            return " ".join(terms), query
        return query, query

    def _intent(self, query: str):
        """What the analyzer reads in a plain search: Chinese words for an English query, and the
        passage role it is about; an analyzer that cannot read it gives nothing."""
        try:
            return self._translated(self.analyzer(query))
        except ValueError:
            return None

    def _translated(self, intent):
        """An English question's Chinese search words chosen by the searched reports, when the
        analyzer offers several senses per phrase and the store can say which it holds."""
        groups = getattr(intent, "term_groups", None)
        chosen = self._chooser.choose_groups(groups) if groups else None
        if chosen is None:
            return intent
        return dataclasses.replace(intent, terms=list(dict.fromkeys(t for g in chosen for t in g.terms)),
                                   term_groups=proximity_groups(groups, chosen))

    def _labelled(self, intent):
        """An English question whose noun no cue list knows, with the label the graph's names give it."""
        nouns = getattr(intent, "asked_nouns", None)
        if not nouns or getattr(intent, "label", None):
            return intent
        found = self._labeler.label(nouns)
        if found is None:
            return intent
        return dataclasses.replace(intent, label=found.label, label_from="graph",
                                   kind=list(getattr(intent, "kind", None) or []) or list(found.kind))

    def ask(self, question: str, k: int = 10, filters: Filters | None = None,
            mode: str = "hybrid") -> AskResult:
        question = self._check(question, k, filters, mode, "question")
        if self.aggregator is not None:
            rows = self.aggregator.ask(question, k, filters)
            if rows is not None:
                return rows
        intent = self._labelled(self._translated(self.analyzer(question)))
        focus = getattr(intent, "focus", "") or question
        # BM25 searches the focus (question words only add noise to word matching); the embedding
        # model was trained on whole questions, so it reads the question as asked.
        entities: list[tuple[str, float]] = []
        terms = list(getattr(intent, "terms", None) or [])
        vtext, etext = self._vector_texts(question, intent)
        read: dict[str, Passage] = {}
        ranked = self.rank(focus, k + COLLAPSE_SPARE, filters, mode, vector_text=vtext, entities=entities,
                           terms=terms, role=getattr(intent, "role", None), entity_text=etext,
                           read=read, **self._collection(intent))
        hits = self.collapsed(self.hits(ranked, read))[:k]
        label, answers = self._answers(intent, question, focus, hits, k, entities, terms)
        # A noun-phrase query names its answer; the passage holding the phrase unbroken already leads.
        leads = self.answer_leads and (self.translated_answer_leads or not terms)
        if leads and getattr(intent, "form", None) != QueryForm.PHRASE:
            grades = self._report_grades(focus, terms, **self._named(intent))
            hits = lead_with_answer(hits, answers, lambda rid: grades.get(rid, 0.0))
        return AskResult(question=question, label=label, answers=answers, passages=hits,
                         focus=focus, lang=getattr(intent, "lang", "zh"))

    def _answer_factors(self, intent, focus: str, terms: list[str], hits: list[Hit]) -> dict[str, float]:
        """Passage id -> share of its weight as evidence for answers: a passage of a report the
        question does not name (Shenzhen's, for 「Which Guangdong city…」) keeps `unnamed_answer_share`."""
        if self.unnamed_answer_share >= 1.0:
            return {}
        grades = self._report_grades(focus, terms, **self._named(intent))
        if not grades:
            return {}
        low = self.unnamed_answer_share
        return {h.passage: low + (1.0 - low) * grades.get(h.report, 0.0) for h in hits}

    def _answers(self, intent, question: str, focus: str, hits: list[Hit], k: int,
                 entities: list[tuple[str, float]], terms: list[str]):
        """The asked label and its answers. When the question's noun can mean more than one label
        (机构: Agency or Organization), the evidence decides: the label whose best answer is best
        supported wins."""
        label = getattr(intent, "label", None)
        if not label:
            return label, []
        # One read of what the passages hold serves every label tried (it was one per label).
        kw = dict(limit=k, looked_up=entities, terms=terms, kind=list(getattr(intent, "kind", None) or []),
                  noun=getattr(intent, "noun", ""), partner=bool(getattr(intent, "partner", False)),
                  phrase=getattr(intent, "form", None) == QueryForm.PHRASE,
                  actor_cues=list(getattr(intent, "actor_cues", None) or []),
                  context=self._ranker.context(hits) if hits else None,
                  passage_factor=self._answer_factors(intent, focus, terms, hits))
        best = (label, self._ranker.rank(label, question, focus, hits, **kw))
        for alt in getattr(intent, "alt_labels", None) or []:
            other = self._ranker.rank(alt, question, focus, hits, **kw)
            if other and (not best[1] or other[0].score > best[1][0].score * ALT_LABEL_MARGIN):
                best = (alt, other)
        return best
