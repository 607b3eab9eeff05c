"""The one interface every store serves; the contract tests run against each backend."""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Collection, Iterable, Iterator, Mapping

import numpy as np

from govgraph.ingest.batch import REL_TYPES, Edge, GraphBatch, Node, Passage, ReportInfo

if TYPE_CHECKING:
    import networkx as nx


class StoreError(RuntimeError):
    """The store cannot serve (server down, bad credentials, corrupt folder)."""


class StoreUnavailable(StoreError):
    """The backing server cannot be reached right now; callers may retry later."""


@dataclass
class Filters:
    """Filters every search accepts. `label` keeps passages that mention an entity of that label."""
    report: str | None = None
    author: str | None = None
    year: int | None = None
    label: str | None = None
    role: str | None = None

    def is_empty(self) -> bool:
        return not any((self.report, self.author, self.year, self.label, self.role))


@dataclass
class Vectors:
    """Embeddings that go with one batch, in the order of batch.passages / entity ids."""
    model: str
    passages: np.ndarray                      # (len(batch.passages), dim)
    entity_ids: list[str] = field(default_factory=list)
    entities: np.ndarray | None = None        # (len(entity_ids), dim)


@dataclass
class NodeBrief:
    """What a view shows of an entity, read without its evidence: a hub named by hundreds of
    reports costs its own row, not every report's spans. The name, aliases, English name and
    props are the full Node's (the same merge); `degree` counts its relations (in + out, a loop
    twice), the count views rank by."""
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    props: dict = field(default_factory=dict)
    degree: int = 0

    @staticmethod
    def of(n: Node, degree: int) -> "NodeBrief":
        return NodeBrief(n.id, n.label, n.name, list(n.aliases), n.name_en, dict(n.props), degree)


@dataclass
class Subgraph:
    nodes: list[Node] | list[NodeBrief]   # views give briefs; their edges carry the evidence shown
    edges: list[Edge]
    truncated: bool = False


def first_evidence(edges: Iterable[Edge], max_evidence: int | None) -> list[Edge]:
    """The edges with at most `max_evidence` pieces of evidence each, the first in merged order
    (None keeps all)."""
    if max_evidence is None:
        return list(edges)
    return [Edge(e.source, e.target, e.type, e.props, e.evidence[:max_evidence]) for e in edges]


def text_at_offsets(passages: list[Passage], chars: int = 0) -> str:
    """A report's text rebuilt from its passages: each at its offsets, blanks between (a line
    break where a gap starts), so every passage and piece of evidence slices it exactly."""
    n = max([chars, *(p.end for p in passages)])
    buf = [" "] * n
    last = 0
    for p in sorted(passages, key=lambda p: p.start):
        if p.start > last:
            buf[last] = "\n"
        buf[p.start:p.end] = p.text
        last = p.end
    return "".join(buf)


@dataclass
class AnswerContext:
    """What ranking the answers to a question reads about its retrieved passages, in one call.

    - `in_passages`: passage id -> ids of the entities with evidence in it (as nodes_in_passages);
    - `nodes`: those entities, and the other ends of `edges`, with their names and aliases but
      evidence only in the given passages and no props;
    - `spread`: entity id -> how many passages name it anywhere in the store (a hub's is large);
    - `edges`: entity id -> its relations with evidence in the given passages (evidence limited
      to them, no props), as edges_near orders them; nothing for an entity of more than
      max_degree edges.
    """
    in_passages: dict[str, list[str]]
    nodes: dict[str, Node]
    spread: dict[str, int]
    edges: dict[str, list[Edge]]


@dataclass(frozen=True)
class PutResult:
    """How a queued put (GraphStore.queue_batch) ended: committed (error None) or failed."""
    report: str
    error: Exception | None = None


@dataclass(frozen=True)
class Adjacency:
    """Read-only neighbour maps of a store's entity graph: succ[u][v] and pred[v][u] are mappings
    whose keys are the relation types from u to v. Plain dicts, no per-neighbour view objects:
    networkx's views made a walk through a hub ten times slower (ego.py)."""
    succ: Mapping[str, Mapping[str, Mapping[str, object]]]
    pred: Mapping[str, Mapping[str, Mapping[str, object]]]


class GraphStore(ABC):
    """Nodes, edges, passages and vectors of every ingested report.

    Entities merge across reports by id; each keeps the evidence of every report that
    named it, so removing a report strips its evidence and drops what is left bare.
    """

    # True for a store whose reads wait on a server: search then runs its lists concurrently.
    parallel_reads: bool = False

    kind: str = "abstract"

    # -- writing ---------------------------------------------------------------------
    @abstractmethod
    def put_batch(self, batch: GraphBatch, vectors: Vectors | None = None) -> None:
        """Store a report, replacing all it contributed before (same report id), atomically."""

    @abstractmethod
    def remove_report(self, report_id: str) -> bool:
        """Delete a report, its passages, its evidence and whatever is left with none."""

    def flush(self) -> None:
        """Make every put durable (stores that write through may do nothing)."""

    def begin_bulk(self) -> None:
        """Many puts follow, and the caller calls flush() after them: a store may defer index
        upkeep to that flush (Neo4j's vector indexes). Default: nothing."""

    def queue_batch(self, batch: GraphBatch, vectors: Vectors | None = None) -> list[PutResult]:
        """put_batch for a bulk whose caller tells its user of each report once it is stored: the
        store may hold the batch back and write it later with others (Neo4j: several reports per
        transaction, maybe on a thread of its own). Returns the queued puts whose write ended since
        the last call, committed or failed, each atomic on its own; a batch refused at once (bad input, store down) raises as put_batch
        does and is not queued. Report a put done only from its PutResult. Default: put now."""
        self.put_batch(batch, vectors)
        return [PutResult(batch.report.id)]

    def settle_queued(self) -> list[PutResult]:
        """Write whatever queue_batch holds back; the results of the puts that ended. Call it
        before flush() (flush settles too, but drops the results)."""
        return []

    # -- reports and passages ----------------------------------------------------------
    @abstractmethod
    def reports(self) -> list[ReportInfo]: ...

    @abstractmethod
    def passages_of(self, report_id: str) -> list[Passage]: ...

    @abstractmethod
    def get_passages(self, ids: list[str]) -> list[Passage]: ...

    def passage_counts(self) -> dict[str, int]:
        """Passages per report id, for listings that must not read every passage to count them."""
        return {r.id: len(self.passages_of(r.id)) for r in self.reports()}

    def find_report(self, ref: str) -> ReportInfo | None:
        """A report by id, file name or path."""
        name = ref.replace("\\", "/").rsplit("/", 1)[-1]
        for r in self.reports():
            if ref in (r.id, r.file) or name == r.file:
                return r
        return None

    def report_by_sha(self, sha256: str) -> ReportInfo | None:
        for r in self.reports():
            if r.sha256 == sha256:
                return r
        return None

    def report_text(self, report_id: str) -> str:
        """The report's text; stores that keep only passages rebuild it at the same offsets."""
        r = self.find_report(report_id)
        return text_at_offsets(self.passages_of(r.id) if r else [], r.chars if r else 0)

    # -- entities and relations --------------------------------------------------------
    @abstractmethod
    def get_nodes(self, ids: list[str]) -> list[Node]:
        """Entity nodes with merged evidence, in the order given; unknown ids are left out."""

    def get_node(self, node_id: str) -> Node | None:
        found = self.get_nodes([node_id])
        return found[0] if found else None

    def get_briefs(self, ids: list[str]) -> list[NodeBrief]:
        """The light read views use: entities without evidence, in the order given; unknown ids
        are left out."""
        return [NodeBrief.of(n, self._degree(n.id)) for n in self.get_nodes(ids)]

    def _degree(self, node_id: str) -> int:
        return sum(2 if e.source == e.target else 1 for e in self.edges_of(node_id))

    def find_briefs(self, label: str | list[str] | None = None, report: str | None = None, year: int | None = None,
                    prefix: str | None = None, offset: int = 0, limit: int = 50, *,
                    role: str | None = None) -> tuple[int, list[NodeBrief]]:
        """find_nodes with the light read: the same entities in the same order, as briefs."""
        total, nodes = self.find_nodes(label, report, year, prefix, offset, limit, role=role)
        return total, self.get_briefs([n.id for n in nodes])

    @abstractmethod
    def find_nodes(self, label: str | list[str] | None = None, report: str | None = None, year: int | None = None,
                   prefix: str | None = None, offset: int = 0, limit: int = 50, *,
                   role: str | None = None) -> tuple[int, list[Node]]:
        """Entities filtered by label (one, or a list of which any will do), report, year,
        name/alias prefix and the role of a passage they stand in; best connected first;
        (total, page)."""

    @abstractmethod
    def edges_of(self, node_id: str) -> list[Edge]:
        """Every entity-to-entity edge touching the node, either direction."""

    def edges_of_many(self, node_ids: list[str]) -> dict[str, list[Edge]]:
        """edges_of for many nodes at once (every id a key); stores across a network answer in one
        round trip."""
        return {i: self.edges_of(i) for i in node_ids}

    def relations_of_many(self, node_ids: list[str]) -> dict[str, list[tuple[str, str, str]]]:
        """The (type, source, target) of every relation touching each node (every id a key), without
        evidence: walks that keep only some relations read the evidence of those alone."""
        return {i: [(e.type, e.source, e.target) for e in edges] for i, edges in self.edges_of_many(node_ids).items()}

    def neighbours_of_many(self, node_ids: list[str], types: Iterable[str] | None = None,
                           labels: Iterable[str] | None = None, limit: int | None = None) -> dict[str, list[str]]:
        """For each node (every id a key), its distinct neighbours either way, ordered by their first
        relation in (type, source, target) order: only through relations of `types` and to entities
        of `labels` when given, and the first `limit` of them. Walks that keep a few hundred
        neighbours of a hub of thousands read only those (Neo4j sorts and cuts in the server)."""
        type_set = None if types is None else set(types)
        rels = {i: sorted(r for r in found if type_set is None or r[0] in type_set)
                for i, found in self.relations_of_many(node_ids).items()}
        out: dict[str, list[str]] = {}
        for i, keys in rels.items():
            others = [o for o in dict.fromkeys(t if s == i else s for _, s, t in keys) if o != i]
            if labels is not None:
                wanted = set(labels)
                known = {b.id: b.label for b in self.get_briefs(others)}
                others = [o for o in others if known.get(o) in wanted]
            out[i] = others if limit is None else others[:limit]
        return out

    def one_hop(self, node_id: str, types: frozenset[str] | None, labels: frozenset[str] | None,
                max_nodes: int, max_evidence: int | None) -> "Subgraph | None":
        """ego_network at depth 1 in one call, when the store computes it where the data is (Neo4j:
        one Cypher statement); the same subgraph as the walk, empty for an unknown id. None lets
        ego_network walk the store itself."""
        return None

    def report_overview(self, report: str, labels: list[str] | None, year: int | None, role: str | None,
                        limit: int, max_evidence: int) -> "Subgraph | None":
        """graph.views.overview of one report in one call, when the store computes it where the data
        is (Neo4j: one Cypher statement); the same subgraph. None lets overview ask the store step
        by step."""
        return None

    def shortest_path_ids(self, source: str, target: str, n: int, max_len: int) -> list[list[str]] | None:
        """Up to `n` simple paths (entity ids, direction ignored), shortest first, when the store
        finds them itself (Neo4j: Cypher SHORTEST); None lets the caller use networkx."""
        return None

    def skeleton(self) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        """Every entity as (id, label, name) and every relation as (source, target, type), without
        evidence: the input of whole-graph analytics (communities, centrality)."""
        return ([(n.id, n.label, n.name) for n in self.iter_nodes()],
                [(e.source, e.target, e.type) for e in self.iter_edges()])

    def networkx_graph(self) -> "nx.MultiDiGraph | None":
        """The store's own entity graph when it keeps one in memory (networkx MultiDiGraph, nodes
        with attrs label and name, edges keyed by type with attrs type, evidence and props), lent
        read-only; None when it does not (callers then build one from iter_nodes/iter_edges)."""
        return None

    def adjacency(self) -> "Adjacency | None":
        """Plain-dict neighbour lists of networkx_graph() for walks that visit hubs, or None."""
        return None

    def entity_passages(self, node_ids: list[str], max_passages: int) -> dict[str, list[str]]:
        """For each entity named in at most `max_passages` passages, those passages' ids in
        reading order (report id, then place in the report); entities named more widely (a city,
        the State Council) are left out, and so are unknown ids."""
        out: dict[str, list[str]] = {}
        for n in self.get_nodes(node_ids):
            first: dict[str, tuple[str, int]] = {}
            for ev in n.evidence:
                key = (ev.report, ev.start)
                if ev.passage not in first or key < first[ev.passage]:
                    first[ev.passage] = key
            if len(first) <= max_passages:
                out[n.id] = sorted(first, key=first.get)
        return out

    def entity_vector_passages(self, vector: np.ndarray, k: int, max_passages: int
                               ) -> tuple[list[tuple[str, float]], dict[str, list[str]]]:
        """entity_vector_search(vector, k), then entity_passages of its hits: a store across the
        network answers both in one round trip (search waits on them in turn)."""
        near = self.entity_vector_search(vector, k)
        return near, (self.entity_passages([i for i, _ in near], max_passages) if near else {})

    def briefs_and_hops(self, ids: list[str], hops: list[tuple[str, str]],
                        max_evidence: int | None = None) -> tuple[list[NodeBrief], list[Edge]]:
        """What a path view shows: `ids` as briefs (unknown ones left out) and every relation
        between the two ends of each hop, either way, with its first `max_evidence` pieces of
        evidence. Neo4j answers in one statement, looking up each pair (not every relation of a
        hub on the path)."""
        pairs = {frozenset(h) for h in hops}
        ends = sorted({v for h in hops for v in h})
        edges = [e for e in self.edges_among(ends, max_evidence=max_evidence)
                 if frozenset((e.source, e.target)) in pairs]
        return self.get_briefs(ids), edges

    def edges_among(self, node_ids: list[str], report: str | None = None,
                    max_evidence: int | None = None) -> list[Edge]:
        """The edges whose two ends are both among `node_ids` (with evidence in `report` if given),
        each with its first `max_evidence` pieces of evidence (all when None): a view reads only
        the evidence it shows."""
        keep = set(node_ids)
        seen: dict[tuple, Edge] = {}
        for edges in self.edges_near(sorted(keep), reports=[report] if report else None).values():
            for e in edges:
                if e.source in keep and e.target in keep:
                    seen.setdefault(e.key, e)
        return first_evidence(seen.values(), max_evidence)

    def get_edges(self, keys: list[tuple[str, str, str]], max_evidence: int | None = None) -> list[Edge]:
        """Relations by (type, source, target), in the order given (unknown ones left out), each
        with its first `max_evidence` pieces of evidence (all when None): a view that chose its
        relations from their keys reads the evidence of those alone."""
        by_source: dict[str, dict[tuple, Edge]] = {}
        for _, s, _ in keys:
            if s not in by_source:
                by_source[s] = {(e.type, e.source, e.target): e for e in self.edges_of(s)}
        found = [by_source[k[1]].get(tuple(k)) for k in keys]
        return first_evidence([e for e in found if e is not None], max_evidence)

    def relations_of_type(self, rel_type: str) -> list[tuple[str, str, str]]:
        """Every relation of one type as (type, source, target), without evidence."""
        rel_type = str(rel_type)
        if rel_type not in REL_TYPES:
            raise ValueError(f"unknown relation type {rel_type!r}; expected one of {', '.join(REL_TYPES)}")
        return sorted((rel_type, s, t) for s, t, ty in self.skeleton()[1] if ty == rel_type)

    def edges_near(self, node_ids: list[str], reports: Iterable[str] | None = None,
                   max_degree: int | None = None) -> dict[str, list[Edge]]:
        """Edges of many nodes at once, for ranking answers: only edges with evidence in one of
        `reports` (when given), and nothing for a node with more than `max_degree` edges (a hub
        such as a city government, whose edges these passages reach from their other end)."""
        wanted = None if reports is None else set(reports)
        out: dict[str, list[Edge]] = {}
        for i in node_ids:
            edges = self.edges_of(i)
            if max_degree is not None and len(edges) > max_degree:
                continue
            out[i] = [e for e in edges if wanted is None or any(ev.report in wanted for ev in e.evidence)]
        return out

    def answer_context(self, passage_ids: list[str], max_degree: int | None = None) -> AnswerContext:
        """The entities and relations the passages hold, read for answer ranking (AnswerContext).
        Stores across a network answer in one round trip and send only the passages' evidence."""
        wanted = set(passage_ids)
        in_passages = self.nodes_in_passages(list(passage_ids))
        ids = list(dict.fromkeys(n for pid in passage_ids for n in in_passages.get(pid, ())))
        edges: dict[str, list[Edge]] = {}
        # evidence in the passages implies evidence in their reports: no report filter needed
        for nid, found in self.edges_near(ids, max_degree=max_degree).items():
            kept = [replace(e, props={}, evidence=[ev for ev in e.evidence if ev.passage in wanted]) for e in found]
            edges[nid] = [e for e in kept if e.evidence]
        ends = {i for es in edges.values() for e in es for i in (e.source, e.target)}
        full = self.get_nodes(list(dict.fromkeys([*ids, *sorted(ends - set(ids))])))
        return AnswerContext(
            in_passages=in_passages,
            nodes={n.id: replace(n, props={}, evidence=[ev for ev in n.evidence if ev.passage in wanted])
                   for n in full},
            spread={n.id: len({ev.passage for ev in n.evidence}) for n in full},
            edges=edges)

    @abstractmethod
    def iter_nodes(self) -> Iterator[Node]: ...

    @abstractmethod
    def iter_edges(self) -> Iterator[Edge]: ...

    @abstractmethod
    def iter_passages(self) -> Iterator[Passage]: ...

    @abstractmethod
    def nodes_in_passages(self, passage_ids: list[str]) -> dict[str, list[str]]:
        """For each passage id, the ids of entities with evidence in it."""

    @abstractmethod
    def stats(self) -> dict:
        """{"reports", "passages", "nodes": {label: n}, "edges": {type: n}} with the
        materialised AUTHORED, HAS_PASSAGE, MENTIONED_IN and CITES edges counted."""

    # -- search primitives -------------------------------------------------------------
    @abstractmethod
    def lexical_search(self, query: str, tokens: list[str], k: int, filters: Filters | None = None
                       ) -> list[tuple[str, float]]:
        """Best passages for the words: (passage id, score), best first."""

    @abstractmethod
    def vector_search(self, vector: np.ndarray, k: int, filters: Filters | None = None
                      ) -> list[tuple[str, float]]:
        """Nearest passages by cosine: (passage id, score), best first."""

    @abstractmethod
    def entity_vector_search(self, vector: np.ndarray, k: int, label: str | None = None
                             ) -> list[tuple[str, float]]:
        """Nearest entities by cosine: (node id, score), best first."""

    def term_passages(self, tokens: list[str]) -> dict[str, np.ndarray] | None:
        """For each token the lexical index holds, the passages holding it, as row numbers that
        stay valid while `version` does not move (tokens it does not hold are left out). None: this
        store cannot say cheaply, and English search words are then not chosen by the reports."""
        return None

    def lexical_vocabulary(self) -> Collection[str] | None:
        """Every token the lexical index holds, valid while `version` does not move. None: this store
        cannot say cheaply, and a search word the tokenizer glued into longer words (黄浦 in 黄浦江)
        then stays as it is (graph/search/crosslingual.py)."""
        return None

    @property
    def model(self) -> str | None:
        """Name of the embedding model the stored vectors came from, if any."""
        return None

    def passage_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored embedding of each passage that has one (exports move them between stores)."""
        return {}

    def entity_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """The stored embedding of each entity that has one."""
        return {}

    # -- generations: how long-lived readers notice writes made by other processes ------------
    @property
    def version(self) -> int | None:
        """The generation this object serves, changing with every write it knows of; None for a
        store that serves every committed write as soon as it is made (Neo4j)."""
        return None

    def committed_version(self) -> int | None:
        """The newest generation any process has committed, read cheaply. A reader whose
        `version` is behind it reopens the store to see those writes."""
        return self.version

    def committed_index_ready(self) -> bool:
        """Whether the newest committed generation's search index is saved already (a reader
        reopening then only reads it). A store without saved indexes is always ready."""
        return True

    def holds_cycles(self) -> bool:
        """Whether dropping this store leaves reference cycles that only the cyclic collector
        frees (a long-lived reader then runs one, see api/store_release.py)."""
        return False

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
