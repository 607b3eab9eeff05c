"""Indexes the embedded store derives from its report segments.

Built once after a batch of writes and pickled beside the manifest, so a reopen reads one
file instead of merging every report again.
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from govgraph.ingest.batch import Edge, GraphBatch, Node, Passage, ReportInfo
from govgraph.ingest.vocabulary import Label, RelType, Role
from .base import Adjacency, Filters, Vectors
from .merge import canonical_edge, merge_aliases

# Row codes of the p_role array, in the vocabulary's order (achievement 0 … other 3).
ROLE_CODES: dict[Role, int] = {role: code for code, role in enumerate(Role)}


# Bumped whenever DerivedIndex changes shape, so snapshots pickled by older code are rebuilt.
DERIVED_FORMAT = 2


class EntityGraph(nx.MultiDiGraph):
    """The entity graph, which also lends its own adjacency dicts to walks (base.Adjacency):
    networkx keeps them in `_succ`/`_pred` and documents them for subclasses like this one."""

    def plain_adjacency(self) -> Adjacency:
        return Adjacency(self._succ, self._pred)

    @classmethod
    def adopt(cls, graph: nx.MultiDiGraph) -> "EntityGraph":
        """A snapshot pickled before this class existed holds a plain MultiDiGraph: the same
        state (this class adds only a method), so it is adopted instead of rebuilding the index."""
        if not isinstance(graph, cls):
            graph.__class__ = cls
        return graph


@dataclass
class DerivedIndex:
    format: int = DERIVED_FORMAT
    reports: dict[str, ReportInfo] = field(default_factory=dict)
    passages: dict[str, Passage] = field(default_factory=dict)
    report_passages: dict[str, list[str]] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple, Edge] = field(default_factory=dict)
    graph: EntityGraph = field(default_factory=EntityGraph)
    degree: dict[str, int] = field(default_factory=dict)
    node_reports: dict[str, set] = field(default_factory=dict)
    node_years: dict[str, set] = field(default_factory=dict)
    passage_nodes: dict[str, list[str]] = field(default_factory=dict)
    materialised: Counter = field(default_factory=Counter)
    # Row-aligned arrays for search: row i is passage_ids[i].
    passage_ids: list[str] = field(default_factory=list)
    p_report: np.ndarray | None = None
    p_year: np.ndarray | None = None
    p_role: np.ndarray | None = None
    p_author: np.ndarray | None = None
    p_labels: dict[str, np.ndarray] = field(default_factory=dict)
    passage_matrix: np.ndarray | None = None
    entity_ids: list[str] = field(default_factory=list)
    entity_labels: np.ndarray | None = None
    entity_matrix: np.ndarray | None = None
    bm25: object | None = None
    bm25_vocab: dict | None = None
    report_codes: dict[str, int] = field(default_factory=dict)
    author_codes: dict[str, int] = field(default_factory=dict)

    def edge_keys_of(self, node_id: str) -> list[tuple]:
        g = self.graph
        if node_id not in g:
            return []
        keys = [(s, k, t) for s, t, k in g.out_edges(node_id, keys=True)]
        keys += [(s, k, t) for s, t, k in g.in_edges(node_id, keys=True) if s != t]
        return keys

    def stats(self) -> dict:
        labels = Counter(n.label for n in self.nodes.values())
        labels[Label.REPORT] = len(self.reports)
        labels[Label.PASSAGE] = len(self.passages)
        types = Counter(e.type for e in self.edges.values())
        types.update(self.materialised)
        return {
            "reports": len(self.reports),
            "passages": len(self.passages),
            "nodes": {k: v for k, v in sorted(labels.items()) if v},
            "edges": {k: v for k, v in sorted(types.items()) if v},
        }

    def passage_mask(self, f: Filters) -> np.ndarray:
        n = len(self.passage_ids)
        mask = np.ones(n, dtype=bool)
        if f.report:
            mask &= self.p_report == self.report_codes.get(f.report, -2)
        if f.author:
            codes = [c for a, c in self.author_codes.items() if f.author in a]
            mask &= np.isin(self.p_author, codes) if codes else False
        if f.year is not None:
            mask &= self.p_year == int(f.year)
        if f.role:
            mask &= self.p_role == ROLE_CODES.get(f.role, -2)
        if f.label:
            lm = self.p_labels.get(f.label)
            mask &= lm if lm is not None else False
        return mask

    def bm25_scores(self, tokens: list[str]) -> np.ndarray | None:
        return bm25_scores(self.bm25, self.bm25_vocab, tokens, len(self.passage_ids))

    def top_passages(self, scores: np.ndarray, k: int, mask: np.ndarray | None,
                     positive_only: bool = False) -> list[tuple[str, float]]:
        idx = top_indices(scores, k, mask, positive_only)
        return [(self.passage_ids[i], float(scores[i])) for i in idx]


def bm25_scores(bm25, vocab: dict | None, tokens: list[str], passage_count: int) -> np.ndarray | None:
    """BM25 scores of every passage for the tokens the index knows (zeros when it knows none)."""
    if bm25 is None:
        return None
    known = [t for t in tokens if t in vocab]
    if not known:
        return np.zeros(passage_count, dtype=np.float32)
    return np.asarray(bm25.get_scores(known), dtype=np.float32)


def top_indices(scores: np.ndarray, k: int, mask: np.ndarray | None, positive_only: bool = False) -> list[int]:
    """Positions of the k best finite scores, best first (ties in position order), inside `mask`."""
    if len(scores) == 0 or k <= 0:
        return []
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    if positive_only:
        scores = np.where(scores > 0, scores, -np.inf)
    k = min(k, len(scores))
    idx = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
    idx = idx[np.argsort(-scores[idx], kind="stable")]
    return [int(i) for i in idx if np.isfinite(scores[i])]


def _add_evidence(into: list, seen: set, more) -> None:
    """merge_evidence without rebuilding `seen` from `into`: append what is new, in order."""
    for e in more:
        k = (e.passage, e.start, e.end)
        if k not in seen:
            seen.add(k)
            into.append(e)


@dataclass
class _Merging:
    """What build_derived gathers while it reads the segments, before the index's final form."""
    node_reports: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    node_years: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    passage_nodes: dict[str, dict] = field(default_factory=lambda: defaultdict(dict))  # ordered sets
    cites: set = field(default_factory=set)
    node_seen: dict[str, set] = field(default_factory=dict)   # evidence keys already on each merged node
    edge_seen: dict[tuple, set] = field(default_factory=dict)  # … and on each merged edge
    tokens: list[list[str]] = field(default_factory=list)     # row-aligned with the passages
    p_vecs: list[np.ndarray] = field(default_factory=list)
    e_vecs: dict[str, np.ndarray] = field(default_factory=dict)


def build_derived(segments: dict[str, tuple[GraphBatch, Vectors | None]], with_graph: bool = True) -> DerivedIndex:
    """The index over all segments, read in report-id order so the result does not depend on write order.
    `with_graph=False`: degrees only, no networkx graph (the store on disk builds its own on demand;
    the graph was a seventh of the build)."""
    d = DerivedIndex()
    acc = _Merging()
    have_vectors = bool(segments) and all(v is not None for _, v in segments.values())
    for rid in sorted(segments):
        batch, vec = segments[rid]
        pyear = add_report(d, acc, rid, batch)
        merge_nodes(d, acc, rid, batch.nodes, pyear)
        merge_edges(d, acc, batch.edges)
        if have_vectors:
            collect_vectors(acc, vec)
    finish_mentions(d, acc)
    if with_graph:
        build_graph(d)
    else:
        count_degrees(d)
    fill_passage_columns(d)
    fill_label_masks(d)
    if have_vectors and acc.p_vecs:
        stack_vectors(d, acc)
    if d.passage_ids and any(acc.tokens):
        build_bm25(d, acc.tokens)
    return d


def add_report(d: DerivedIndex, acc: _Merging, rid: str, batch: GraphBatch) -> dict[str, int | None]:
    """The report, its passages (in order) and its implied AUTHORED / HAS_PASSAGE edges; returns each
    passage's year, which dates the entities it names."""
    rep = batch.report
    d.reports[rid] = rep
    d.report_codes[rid] = len(d.report_codes)
    if rep.author:
        d.author_codes.setdefault(rep.author, len(d.author_codes))
    ids = []
    pyear = {}
    for p in batch.passages:
        d.passages[p.id] = p
        ids.append(p.id)
        pyear[p.id] = p.year
        acc.tokens.append(batch.tokens.get(p.id, []))
    d.report_passages[rid] = ids
    d.materialised[RelType.HAS_PASSAGE] += len(ids)
    if rep.author_id:
        d.materialised[RelType.AUTHORED] += 1
    return pyear


def merge_nodes(d: DerivedIndex, acc: _Merging, rid: str, nodes: list[Node], pyear: dict[str, int | None]) -> None:
    """One report's entities merged into the index, and where (report, passages, years) each is named."""
    for n in nodes:
        cur = d.nodes.get(n.id)
        if cur is None:
            d.nodes[n.id] = Node(n.id, n.label, n.name, list(n.aliases), n.name_en, dict(n.props),
                                 list(n.evidence))
            acc.node_seen[n.id] = {(e.passage, e.start, e.end) for e in n.evidence}
        else:
            # merge_node's rules, applied in place: rebuilding a hub's evidence list on every
            # report that names it made this loop quadratic in the hub's evidence
            cur.aliases = merge_aliases(cur.name, cur.aliases, n.aliases)
            cur.name_en = cur.name_en or n.name_en
            for k, v in n.props.items():
                cur.props.setdefault(k, v)
            _add_evidence(cur.evidence, acc.node_seen[n.id], n.evidence)
        acc.node_reports[n.id].add(rid)
        for ev in n.evidence:
            acc.passage_nodes[ev.passage][n.id] = None
            y = pyear.get(ev.passage)
            if y is not None:
                acc.node_years[n.id].add(y)
        if n.label == Label.POLICY:
            acc.cites.add((rid, n.id))


def merge_edges(d: DerivedIndex, acc: _Merging, edges: list[Edge]) -> None:
    """One report's relations merged into the index, one edge per (source, type, target)."""
    for e in edges:
        e = canonical_edge(e)
        cur = d.edges.get(e.key)
        if cur is None:
            d.edges[e.key] = Edge(e.source, e.target, e.type, dict(e.props), list(e.evidence))
            acc.edge_seen[e.key] = {(x.passage, x.start, x.end) for x in e.evidence}
        else:  # merge_edge's rules, in place (see merge_nodes)
            for k, v in e.props.items():
                cur.props.setdefault(k, v)
            _add_evidence(cur.evidence, acc.edge_seen[e.key], e.evidence)


def collect_vectors(acc: _Merging, vec: Vectors) -> None:
    acc.p_vecs.append(vec.passages)
    if vec.entities is not None:
        for i, eid in enumerate(vec.entity_ids):
            acc.e_vecs[eid] = vec.entities[i]


def finish_mentions(d: DerivedIndex, acc: _Merging) -> None:
    """Where each entity is named, in final form, and the MENTIONED_IN / CITES counts stores materialise."""
    d.node_reports = dict(acc.node_reports)
    d.node_years = dict(acc.node_years)
    d.passage_nodes = {k: list(v) for k, v in acc.passage_nodes.items()}
    d.materialised[RelType.MENTIONED_IN] = sum(len(v) for v in d.passage_nodes.values())
    d.materialised[RelType.CITES] = len(acc.cites)


def build_graph(d: DerivedIndex) -> None:
    """The entity graph for analytics, and every entity's degree in it."""
    g = EntityGraph()
    g.add_nodes_from((n.id, {"label": n.label, "name": n.name}) for n in d.nodes.values())
    # Keyed by type: a store keeps at most one edge per (source, type, target).
    g.add_edges_from((e.source, e.target, e.type, {"type": e.type, "evidence": e.evidence, "props": e.props})
                     for e in d.edges.values())
    d.graph = g
    d.degree = dict(g.degree())


def count_degrees(d: DerivedIndex) -> None:
    """Every entity's degree as build_graph's networkx graph counts it (in + out; a loop twice)."""
    degree = dict.fromkeys(d.nodes, 0)
    for e in d.edges.values():
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    d.degree = degree


def fill_passage_columns(d: DerivedIndex) -> None:
    """Row-aligned report, year, role and author codes: search filters passages with array masks."""
    d.passage_ids = list(d.passages)
    n = len(d.passage_ids)
    d.p_report = np.fromiter((d.report_codes[p.report] for p in d.passages.values()), np.int32, n)
    d.p_year = np.fromiter((p.year if p.year is not None else -1 for p in d.passages.values()), np.int32, n)
    d.p_role = np.fromiter((ROLE_CODES.get(p.role, ROLE_CODES[Role.OTHER]) for p in d.passages.values()), np.int8, n)
    d.p_author = np.fromiter((d.author_codes.get(d.reports[p.report].author or "", -1)
                              for p in d.passages.values()), np.int32, n)


def fill_label_masks(d: DerivedIndex) -> None:
    """For each label, which passage rows name an entity of it (the `label` search filter)."""
    n = len(d.passage_ids)
    row = {pid: i for i, pid in enumerate(d.passage_ids)}
    labels: dict[str, np.ndarray] = {}
    for pid, nids in d.passage_nodes.items():
        i = row.get(pid)
        if i is None:
            continue
        for nid in nids:
            lab = d.nodes[nid].label
            arr = labels.get(lab)
            if arr is None:
                arr = labels[lab] = np.zeros(n, dtype=bool)
            arr[i] = True
    d.p_labels = labels


def stack_vectors(d: DerivedIndex, acc: _Merging) -> None:
    """The passage and entity vectors as contiguous float32 matrices, rows aligned with their id lists."""
    d.passage_matrix = np.ascontiguousarray(np.vstack(acc.p_vecs).astype(np.float32))
    ids = [i for i in d.nodes if i in acc.e_vecs]
    if ids:
        d.entity_ids = ids
        d.entity_matrix = np.ascontiguousarray(np.vstack([acc.e_vecs[i] for i in ids]).astype(np.float32))
        d.entity_labels = np.array([d.nodes[i].label for i in ids])


def build_bm25(d: DerivedIndex, tokens: list[list[str]]) -> None:
    import bm25s  # imported late: building without passages needs no BM25
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    bm = bm25s.BM25()
    bm.index(tokens, show_progress=False)
    d.bm25 = bm
    d.bm25_vocab = bm.vocab_dict


def bm25_term_rows(bm25, vocab: dict | None, tokens: list[str]) -> dict[str, np.ndarray]:
    """Passage rows holding each known token: a column of bm25s' sparse token-by-passage scores."""
    if bm25 is None or vocab is None:
        return {}
    sc = bm25.scores
    out = {}
    for t in tokens:
        col = vocab.get(t)
        if col is not None:
            out[t] = sc["indices"][sc["indptr"][col]:sc["indptr"][col + 1]]
    return out
