"""Answers to a question: entities of the asked label that the retrieved passages support.

A candidate earns score in two ways, each weighted by the rank of the passage that supports it:
- it is mentioned in the passage (MENTIONED_IN);
- it is an end of a relation whose evidence lies in the passage: the agency that CARRIED_OUT a
  measure, ORGANIZED an event, the city it is PARTNER_OF, the policy a measure IMPLEMENTS.
  Chinese reports leave the actor unsaid, so the author agency often appears only this way.
Relations weigh more than bare mentions, and both weigh more when the sentence they stand in
shares words with the question. Entities the question itself names are what it asks about, not
the answer, and are pushed down. Nothing outside the retrieved passages can become an answer.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Mapping, Sequence

from govgraph.ingest.batch import Edge, Evidence, Node
from govgraph.ingest.vocabulary import RelType
from ..store.base import AnswerContext, GraphStore
from .answer_clause import ClauseMatcher
from .answer_names import fold_short_names
from .cut_names import whole_name
from .results import Answer, Hit
from .text_answers import COOPERATE, PARTNER, WITH, TextSpan, text_spans

# How much a relation says about its end being the answer, by type and by which end is asked
# ("src" = the answer is the source). Structural ties (LOCATED_IN, PART_OF) say little.
REL_WEIGHT: dict[tuple[RelType, str], float] = {
    (RelType.CARRIED_OUT, "src"): 1.6, (RelType.ORGANIZED, "src"): 1.6, (RelType.ISSUED, "src"): 1.2,
    (RelType.PARTICIPATED_IN, "src"): 1.1, (RelType.COOPERATED_WITH, "src"): 1.1, (RelType.COOPERATED_WITH, "dst"): 1.1,
    (RelType.PARTNER_OF, "src"): 1.6, (RelType.PARTNER_OF, "dst"): 1.6, (RelType.HELD_AT, "dst"): 1.4,
    (RelType.VISITED, "dst"): 1.3, (RelType.VISITED, "src"): 0.9, (RelType.HEADS, "src"): 1.6, (RelType.HEADS, "dst"): 0.8,
    (RelType.IMPLEMENTS, "dst"): 1.5, (RelType.IMPLEMENTS, "src"): 1.0, (RelType.CARRIED_OUT, "dst"): 1.0,
    (RelType.ORGANIZED, "dst"): 1.2, (RelType.PARTICIPATED_IN, "dst"): 1.0, (RelType.ISSUED, "dst"): 1.3,
    (RelType.HELD_AT, "src"): 1.0, (RelType.LOCATED_IN, "src"): 0.4, (RelType.LOCATED_IN, "dst"): 0.3,
    (RelType.PART_OF, "src"): 0.5, (RelType.PART_OF, "dst"): 0.4, (RelType.CITES, "dst"): 0.8,
}
MENTION_WEIGHT = 1.0
NAMED_IN_QUESTION = 0.25
MAX_EVIDENCE = 5
# The entity nearest the question by vector gets up to this much more score (1/rank decay).
LOOKUP_BOOST = 1.0
# A relation whose other end the question names (who heads 外办? -> the HEADS edge into 区政府外办)
# says more than one to an entity the question never mentions.
OTHER_END_ASKED = 1.5
# Entities with more than this many edges are skipped as expansion points: a hub such as a
# city government reaches its edges in these passages from their other, smaller end anyway.
HUB_DEGREE = 400
# An answer whose name ends in the noun the question asks with (哪个乐团 -> …爱乐乐团) is of the
# kind asked for; one that does not may still be (高校 -> 深圳大学), so this lifts, never filters.
KIND_MATCH = 1.5
# A noun-phrase query names what it is after (合肥滨湖科学城实体化改革实施方案): the entity it names
# is the answer, not the topic, and ranks this much higher instead of lower.
NAMED_BY_PHRASE = 2.0
# 谁牵头 -> an entity written right before the cue verb (由市教育局牵头, 北京冬奥组委主办的) is the
# actor asked for; a list before the verb (由福田区外事办、香蜜湖街道办牵头) counts as a whole.
ACTOR_CUE = 3.0
ACTOR_GAP = 16
# An entity written in the clause of a passage that holds most of the question's words
# (graph/search/answer_clause.py) is what that passage says the question of.
MATCHED_CLAUSE = 1.5

_SENTENCE_END = re.compile(r"[。！？；;!?\n]")
# 与哪些…合作 -> an entity after 与/同 and before a verb of cooperation in its clause is the partner
# asked for; a list of partners (与A、B、C开展合作) counts as a whole.
PARTNER_CUE = 2.0
PARTNER_GAP = 24
_CLOSING_QUOTES = "”’」』\"'"
_CLAUSE_END = re.compile(r"[，,。！？；;!?\n：:]")


def _specificity(spread: int) -> float:
    """Entities named everywhere (a head of state quoted in every preamble, the province itself)
    are seldom what a question is after: 0.8 for an entity in one passage (`spread`), 0.63 in
    four, 0.4 in a hundred."""
    return 1.0 / (1.0 + 0.25 * math.log2(1 + spread))


# What the sentence around a candidate shares with the question counts more than which passage it
# stands in: on the dev half, (0.1 + overlap) with a slow decay over passages (4 / (rank + 4)) against
# (0.5 + overlap) and 2 / (rank + 2) took answer hit@3 from 0.788 to 0.833 on the gold store and from
# 0.788 to 0.803 on the whole corpus (English questions gained, Chinese stayed 0.762).
SENTENCE_BASE = 0.1
SENTENCE_POWER = 1.0
PASSAGE_DECAY = 4.0


def sentence_weight(overlap: float) -> float:
    """How much a sentence sharing `overlap` (0-1) of the question's words says for what it names."""
    return (SENTENCE_BASE + overlap) ** SENTENCE_POWER


def passage_weight(rank: int) -> float:
    """1 for the top passage, 4/5 for the second, 2/3 for the third…: evidence near the top counts more."""
    return PASSAGE_DECAY / (rank + PASSAGE_DECAY)


@dataclass
class _Candidate:
    node: Node
    score: float = 0.0
    evidence: dict[tuple, tuple[int, Evidence]] = field(default_factory=dict)
    via: set = field(default_factory=set)

    def add_evidence(self, rank: int, ev: Evidence) -> None:
        key = (ev.passage, ev.start, ev.end)
        old = self.evidence.get(key)
        if old is None or rank < old[0]:
            self.evidence[key] = (rank, ev)


class AnswerRanker:
    def __init__(self, store: GraphStore, tokenizer: Callable[[str], Sequence[str]]):
        self.store = store
        self.tokenizer = tokenizer
        self.clause_lift = MATCHED_CLAUSE
        self.whole_names = True
        self.term_topics = True
        self.partner_spans = True

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def _sentence(hit: Hit, ev: Evidence) -> str:
        """The sentence of the passage around an evidence span (the whole span if it is longer)."""
        text = hit.text
        a = max(0, ev.start - hit.start)
        b = min(len(text), max(a, ev.end - hit.start))
        left = a
        while left > 0 and not _SENTENCE_END.match(text[left - 1]):
            left -= 1
        m = _SENTENCE_END.search(text, b)
        right = m.end() if m else len(text)
        return text[left:right]

    @staticmethod
    def _overlap(words: list[str], text: str) -> float:
        if not words:
            return 0.0
        return sum(1 for w in words if w in text) / len(words)

    @staticmethod
    def _asked_about(node: Node, words: list[str], q: str) -> bool:
        """Does the question name this entity, wholly or by one of its words (外办 in 区政府外办)?"""
        names = [s for s in (node.name, *node.aliases, node.name_en or "") if s]
        return (any(len(s) >= 2 and s.casefold() in q for s in names)
                or any(w in s for w in words for s in names))

    @staticmethod
    def _mentions(c: "_Candidate", hit_of: dict[str, Hit]):
        """(hit, start, end) in the hit's text of each place the candidate's name is written inside
        its evidence. The extractor's evidence is a sentence for some mentions (「成功举办中非合作论坛北京
        峰会、…等重大主场外交活动。」), where the text after the evidence's end is the next sentence; the
        span itself when the name is not found in it."""
        names = sorted({s for s in (c.node.name, *c.node.aliases) if len(s) >= 2}, key=len, reverse=True)
        for _, ev in c.evidence.values():
            hit = hit_of.get(ev.passage)
            if hit is None:
                continue
            a, b = max(0, ev.start - hit.start), max(0, ev.end - hit.start)
            found = False
            for name in names:
                i = hit.text.find(name, a, max(b, a + len(name)))
                while i >= 0 and i + len(name) <= max(b, a + len(name)):
                    found = True
                    yield hit, i, i + len(name)
                    i = hit.text.find(name, i + 1, b)
                if found:
                    break
            if not found:
                yield hit, a, b

    @staticmethod
    def _before_cue(c: "_Candidate", hit_of: dict[str, Hit], cues: Sequence[str]) -> bool:
        """Is one of the candidate's mentions followed, within its sentence and a few characters
        (a list of co-leads), by a cue verb?"""
        for hit, _, b in AnswerRanker._mentions(c, hit_of):
            after = _SENTENCE_END.split(hit.text[b:b + ACTOR_GAP], 1)[0]
            if any(cue in after for cue in cues):
                return True
        return False

    @staticmethod
    def _partner_of(c: "_Candidate", hit_of: dict[str, Hit]) -> bool:
        """Is one of the candidate's mentions the object of 与/同 in a clause that goes on to a verb of
        cooperation (与香港大学、香港生产力促进局开展合作, 与法国伊西莱·莫利诺市建立友好关系)?"""
        for hit, a, b in AnswerRanker._mentions(c, hit_of):
            before = _CLAUSE_END.split(hit.text[max(0, a - PARTNER_GAP):a])[-1]
            after = _CLAUSE_END.split(hit.text[b:b + PARTNER_GAP], 1)[0]
            if WITH.search(before) and COOPERATE.search(after):
                return True
        return False

    @staticmethod
    def _listed_as_kind(c: "_Candidate", hit_of: dict[str, Hit], kind: Sequence[str]) -> bool:
        """Is one of the candidate's mentions an item of a list that the kind noun heads
        (「办好广交会、高交会、加博会等重大展会」, 「引进冯巩、濮存昕等文化名人」)? Between the mention and
        等 only further items stand: no comma or full stop."""
        if not kind:
            return False
        head = re.compile(r"^[^，,。；;！？!?：:]{0,40}?等[\u4e00-\u9fff]{0,4}?(?:" + "|".join(map(re.escape, kind)) + ")")
        return any(head.match(hit.text[b:]) for hit, _, b in AnswerRanker._mentions(c, hit_of))

    # -- ranking ---------------------------------------------------------------------------
    def context(self, hits: list[Hit]) -> AnswerContext:
        """What the store holds about the passages: read once per question, whatever labels are ranked."""
        return self.store.answer_context([h.passage for h in hits], max_degree=HUB_DEGREE)

    def rank(self, label: str, question: str, focus: str, hits: list[Hit], limit: int = 10,
             looked_up: list[tuple[str, float]] | None = None, terms: Sequence[str] = (),
             kind: Sequence[str] = (), phrase: bool = False,
             actor_cues: Sequence[str] = (), context: AnswerContext | None = None,
             passage_factor: Mapping[str, float] | None = None, noun: str = "",
             partner: bool = False) -> list[Answer]:
        """`looked_up`: entities nearest the question by vector, best first; those among the
        candidates rank higher (an English question's words meet the entity's English name there).
        `kind`: nouns naming the kind asked for (乐团, 峰会); names ending in one rank higher.
        `phrase`: the query is a noun phrase, so an entity it names is the answer.
        `actor_cues`: verbs right after the actor asked for (牵头, 主办).
        `context`: self.context(hits), when the caller ranks several labels over the same hits.
        `passage_factor`: passage id -> share of its weight (1 when absent); in a collection, the
        passages of reports the question does not name say less for their entities.
        `noun`: the noun the question asks with, generic or not (企业): a list the text closes with
        等 + it names answers the graph may lack.
        `partner`: the question asks for a partner (与哪些…合作): an entity written after 与 and before
        a verb of cooperation in its clause ranks higher."""
        if not hits or not label:
            return []
        ctx = context if context is not None else self.context(hits)
        rank_of = {h.passage: i for i, h in enumerate(hits)}
        hit_of = {h.passage: h for h in hits}
        factor = passage_factor or {}

        def weight(pid: str) -> float:
            return passage_weight(rank_of[pid]) * factor.get(pid, 1.0)
        # An English question meets the Chinese sentence through its translated terms.
        text = focus + (" " + " ".join(terms) if terms else "")
        words = sorted({w for w in self.tokenizer(text) if len(w) >= 2 and not w.isascii()})
        in_passages = ctx.in_passages
        ids = list(dict.fromkeys(n for pid in rank_of for n in in_passages.get(pid, ())))
        nodes = {i: ctx.nodes[i] for i in ids if i in ctx.nodes}
        cands: dict[str, _Candidate] = {}

        def cand(node: Node) -> _Candidate:
            c = cands.get(node.id)
            if c is None:
                c = cands[node.id] = _Candidate(node)
            return c

        # Mentions: each passage counts once per entity, however often it names it.
        for pid, nids in in_passages.items():
            r = rank_of[pid]
            for nid in nids:
                n = nodes.get(nid)
                if n is None or n.label != label:
                    continue
                evs = [e for e in n.evidence if e.passage == pid]
                if not evs:
                    continue
                near = max(self._overlap(words, self._sentence(hit_of[pid], e)) for e in evs)
                c = cand(n)
                c.score += weight(pid) * MENTION_WEIGHT * sentence_weight(near)
                c.via.add("MENTIONED_IN")
                for e in evs:
                    c.add_evidence(r, e)

        # Relations with evidence in the passages: reach the other end even if never named there.
        seen: set[tuple] = set()
        other_ids: set[str] = set()
        rel_hits: list[tuple[Edge, str, int, Evidence]] = []
        for nid, elist in ctx.edges.items():
            for e in elist:
                if e.key in seen:
                    continue
                seen.add(e.key)
                evs = [ev for ev in e.evidence if ev.passage in rank_of]
                if not evs:
                    continue
                best = min(evs, key=lambda ev: rank_of[ev.passage])
                for end, end_id in (("src", e.source), ("dst", e.target)):
                    if (e.type, end) not in REL_WEIGHT:
                        continue
                    rel_hits.append((e, end, rank_of[best.passage], best))
                    if end_id not in nodes:
                        other_ids.add(end_id)
        q = question.casefold()
        nodes.update({i: ctx.nodes[i] for i in sorted(other_ids) if i in ctx.nodes})
        for e, end, r, ev in rel_hits:
            end_id = e.source if end == "src" else e.target
            n = nodes.get(end_id)
            if n is None or n.label != label:
                continue
            near = self._overlap(words, self._sentence(hit_of[ev.passage], ev))
            other = nodes.get(e.target if end == "src" else e.source)
            c = cand(n)
            c.score += (weight(ev.passage) * REL_WEIGHT[(e.type, end)] * sentence_weight(near)
                        * (OTHER_END_ASKED if other is not None and self._asked_about(other, words, q) else 1.0))
            c.via.add(e.type)
            for x in e.evidence:
                if x.passage in rank_of:
                    c.add_evidence(rank_of[x.passage], x)

        boost = {eid: LOOKUP_BOOST / (1 + i) for i, (eid, _) in enumerate(looked_up or [])}
        heads = list_heads(kind, noun, terms)
        clauses = ClauseMatcher(hits, words) if self.clause_lift != 1.0 else None
        # An English question names in its Chinese terms what it is about ("French town" -> 法国,
        # "Futian" -> 福田区): an entity of exactly that name is its topic, as a Chinese question's is.
        named_terms = {t for t in terms if len(t) >= 2 and not t.isascii()} if self.term_topics else set()
        answers = []
        for c in cands.values():
            n = c.node
            named = (any(len(s) >= 2 and s.casefold() in q for s in (n.name, *n.aliases, n.name_en or ""))
                     or any(s in named_terms for s in (n.name, *n.aliases)))
            # a name the text quotes ends inside its quotes (“民营经济30条” is of the kind 30条)
            of_kind = (any(s.rstrip(_CLOSING_QUOTES).endswith(k) for k in kind for s in (n.name, *n.aliases))
                       or self._listed_as_kind(c, hit_of, heads))
            named_weight = (NAMED_BY_PHRASE if phrase else NAMED_IN_QUESTION) if named else 1.0
            actor = ACTOR_CUE if actor_cues and self._before_cue(c, hit_of, actor_cues) else 1.0
            if partner and self._partner_of(c, hit_of):
                actor *= PARTNER_CUE
            if clauses is not None and clauses.lifts((n.name, *n.aliases), {k[0] for k in c.evidence}):
                actor *= self.clause_lift
            score = (c.score * named_weight * (1.0 + boost.get(n.id, 0.0))
                     * _specificity(ctx.spread.get(n.id, 0)) * (KIND_MATCH if of_kind else 1.0) * actor)
            evs = [ev for _, ev in sorted(c.evidence.values(), key=lambda t: (t[0], t[1].start))]
            answers.append(Answer(id=n.id, label=n.label, name=n.name, score=score,
                                  evidence=evs[:MAX_EVIDENCE], aliases=list(n.aliases),
                                  name_en=n.name_en, via=sorted(c.via)))
        passage_names = ({s for x in nodes.values() for s in (x.name, *x.aliases)}
                         if partner and self.partner_spans else set())
        answers += self._span_answers(label, question, kind, noun, terms, phrase, hits, words, weight, answers,
                                      partner=partner and self.partner_spans, passage_names=passage_names)
        answers = fold_short_names(answers, MAX_EVIDENCE)
        answers.sort(key=lambda a: (-a.score, a.name))
        answers = answers[:limit]
        if self.whole_names:  # only the answers shown: reading each candidate's mentions cost ask p95 +7%
            answers = [self._whole_name(a, cands[a.id], hit_of, question) if a.id in cands else a for a in answers]
        return answers

    def _whole_name(self, answer: Answer, c: "_Candidate", hit_of: dict[str, Hit], question: str) -> Answer:
        """The answer under the name its passage writes, when the question shows the extractor cut its
        start (graph/search/cut_names.py)."""
        names = {c.node.name, *c.node.aliases}
        mentions = [(h, a, b) for h, a, b in self._mentions(c, hit_of) if h.text[a:b] in names]
        whole = whole_name(answer, mentions, question)
        if whole is not answer:
            whole = replace(whole, evidence=whole.evidence[:MAX_EVIDENCE])
        return whole

    def _span_answers(self, label: str, question: str, kind: Sequence[str], noun: str, terms: Sequence[str],
                      phrase: bool, hits: list[Hit],
                      words: list[str], weight: Callable[[str], float], known: list[Answer],
                      partner: bool = False, passage_names: set[str] | None = None) -> list[Answer]:
        """Spans of the passages that a pattern of the text names as of the asked kind
        (graph/search/text_answers.py), when no entity candidate holds that name; weighed as a
        mention of that kind would be. `partner`: the question asks for a partner, and
        `passage_names` names every entity of the passages, whatever its label."""
        names = {n for a in known for n in a.names()}
        by_name: dict[str, list[TextSpan]] = {}
        for sp in text_spans(label, question, kind, phrase, hits, list_heads([], noun, terms),
                             partner=partner, known=passage_names):
            if sp.name in names or (sp.how == "PHRASE" and any(sp.name in n for n in names)):
                continue
            by_name.setdefault(sp.name, []).append(sp)
        out = []
        for name, spans in by_name.items():
            best: dict[str, float] = {}
            for sp in spans:
                near = self._overlap(words, self._sentence(sp.hit, sp.evidence()))
                w = (weight(sp.hit.passage) * MENTION_WEIGHT * sentence_weight(near) * KIND_MATCH
                     * (NAMED_BY_PHRASE if sp.how == "PHRASE" else 1.0)
                     * (PARTNER_CUE if sp.how == PARTNER else 1.0))
                best[sp.hit.passage] = max(best.get(sp.hit.passage, 0.0), w)
            score = sum(best.values()) * _specificity(len(best))
            out.append(Answer(id=spans[0].id, label=label, name=name, score=score,
                              evidence=[sp.evidence() for sp in spans][:MAX_EVIDENCE],
                              via=sorted({f"TEXT_{sp.how}" for sp in spans}), entity=False))
        return out


def list_heads(kind: Sequence[str], noun: str, terms: Sequence[str]) -> list[str]:
    """Nouns that, closing a list (「A、B等重大主场外交活动」), make its items things the question asks
    for: the kind noun, the question's own noun even when generic (企业, 活动), and an English
    question's Chinese terms of three or more characters (主场外交; two-character terms such as
    重大 or 中国 close lists of anything)."""
    return list(dict.fromkeys([*kind, *([noun] if len(noun) >= 2 else []), *(t for t in terms if len(t) >= 3)]))


def lead_with_answer(hits: list[Hit], answers: list[Answer],
                     grade_of: Callable[[str], float] | None = None) -> list[Hit]:
    """The passage that names the best-supported answer goes first: the answer was ranked by what
    the sentence around it shares with the question, which a passage's BM25 and vector ranks see
    only as a whole (a passage of the same report about 企业扶持 outranks the one listing 正大集团、
    毕马威、日立集团 for 哪些涉外企业). Only a passage that writes the answer's name counts: an author
    agency reached through an unsaid actor is in every passage of its report. The others keep their
    order."""
    if not answers or not answers[0].evidence or not hits:
        return hits
    top = answers[0]
    where = top.evidence[0].passage
    i = next((j for j, h in enumerate(hits) if h.passage == where), None)
    if not i or not any(len(n) >= 2 and n in hits[i].text for n in top.names()):
        return hits
    if grade_of is not None and grade_of(hits[i].report) < grade_of(hits[0].report):
        return hits
    return [hits[i], *hits[:i], *hits[i + 1:]]
