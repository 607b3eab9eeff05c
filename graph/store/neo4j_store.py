"""The Neo4j store: the same contract as the embedded store, served by a Neo4j 5 server.

Each batch goes in as one transaction of a few `UNWIND` statements that first strip the
report's previous contribution, so a failed put leaves the previous state. Search runs on
Neo4j's own indexes: the `cjk` full-text analyzer for words and HNSW vector indexes for
embeddings.

The driver is made lazily and thrown away after a connection failure, so a server that
comes back is used again on the next call.
"""
from __future__ import annotations

import logging
import os
import re
import threading
import time
from typing import Any, Callable, Iterator

import numpy as np
from neo4j import READ_ACCESS, GraphDatabase, ManagedTransaction
from neo4j import exceptions as nx

from govgraph.ingest.batch import ENTITY_LABELS, LABELS, REL_TYPES, Edge, GraphBatch, Node, Passage, ReportInfo
from . import neo4j_cypher as Q
from . import neo4j_brief as B
from . import neo4j_bulk_rows as R
from . import neo4j_view_cypher as V
from . import neo4j_view_paths as P
from .base import (AnswerContext, Filters, GraphStore, NodeBrief, PutResult, StoreError, StoreUnavailable, Subgraph,
                   Vectors)
from .neo4j_bulk import PreparedPut, PutQueue, commit_group
from .neo4j_bulk_rows import GroupRows
from .neo4j_group_writer import GroupWriter
from .neo4j_codec import (check_evidence, edge_from, entity_row, merge_batch_edges, merge_batch_nodes, node_from,
                          passage_from, passage_row, report_from, report_props, statement_row)
from .neo4j_codec import brief_from, shown_edge_from
from .neo4j_params import quiet
from .neo4j_index_upkeep import (claim_rebuild, deferral_due, drop_vector_indexes, is_missing_index,
                                 rebuild_vector_indexes)
from .neo4j_schema import (ENTITY_NAME_INDEX, ENTITY_VECTOR_INDEX, PASSAGE_TEXT_INDEX, PASSAGE_VECTOR_INDEX,
                           PASSAGE_WORDS_INDEX, ensure_schema,
                           ensure_vector_indexes, vector_dimensions, VECTOR_INDEXES)

log = logging.getLogger(__name__)

ENV_URI = "GOVGRAPH_NEO4J_URI"
ENV_USER = "GOVGRAPH_NEO4J_USER"
ENV_PASSWORD = "GOVGRAPH_NEO4J_PASSWORD"

_PAGE = 1000
_ALL = 2**31 - 1  # "every statement's spans": $k slices a list, and Cypher indexes are 32-bit
_SKELETON_PAGE = 20000
# Lucene query syntax characters; escaped so a user's words are searched, never parsed.
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_query(text: str) -> str:
    # Lower case also defuses AND/OR/NOT; the cjk analyzer lower-cases what it indexes anyway.
    return _LUCENE_SPECIAL.sub(r"\\\1", text.lower()).strip()


MODEL_TTL = 5.0
# Hits a term query of term_passages may return: every passage holding the word (21,104 passages in
# the whole corpus; its commonest words are in a few thousand).
_TERM_LIMIT = 1_000_000
_NO_IDS = np.empty(0, dtype=str)


class Neo4jStore(GraphStore):
    parallel_reads = True
    kind = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, connect: bool = True,
                 connection_timeout: float = 5.0, retry_seconds: float = 5.0, allow_old_model: bool = False):
        """`connect=False` defers reaching the server to the first call. A database written by the
        old data model is refused (StoreError naming the migration command) unless
        `allow_old_model` (the migration itself opens it so)."""
        if not uri or not uri.strip():
            raise StoreError(f"no Neo4j URI given: pass one or set {ENV_URI}")
        self.uri = uri.strip()
        self.user = user or None
        self.database = database or None
        self._auth = (user, password or "") if user else None
        self._timeout = connection_timeout
        self._retry = retry_seconds
        self._driver = None
        self._dims: dict[str, int] = {}
        self._lock = threading.RLock()
        self._model_seen: tuple[str | None, float] | None = None
        self._allow_old_model = allow_old_model
        # True once every passage has its words; else when it was last found that some lacks them
        self._words_seen: bool | float | None = None
        self._terms: dict[str, tuple[float, np.ndarray]] = {}  # token -> (read at, passage ids): _term_ids
        # A bulk write (begin_bulk) until its flush; `_deferred` once it dropped the vector indexes.
        self._bulk = False
        self._deferred = False
        # Its puts not yet written (neo4j_bulk), and the results of those written by a direct
        # write (put_batch, remove_report) before the caller asked for them.
        self._queue = PutQueue()
        self._settled: list[PutResult] = []
        self._writer = GroupWriter()  # a full group is written on its thread (neo4j_group_writer)
        # Milliseconds the server spent on reads (planning, running, streaming), summed from each
        # result's summary: benchmarks read it before and after a call, to tell the server's
        # time from the client's (the driver decoding rows, the machine's load).
        self.server_ms = 0.0
        if connect:
            self._connect()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **kw) -> "Neo4jStore":
        env = os.environ if environ is None else environ
        uri = env.get(ENV_URI)
        if not uri:
            raise StoreError(f"{ENV_URI} is not set: point it at a Neo4j server, e.g. bolt://127.0.0.1:7687")
        return cls(uri, env.get(ENV_USER), env.get(ENV_PASSWORD), **kw)

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r})"

    # -- connection ------------------------------------------------------------------------
    def _connect(self):
        with self._lock:
            if self._driver is not None:
                return self._driver
            try:
                drv = GraphDatabase.driver(
                    self.uri, auth=self._auth, connection_timeout=self._timeout,
                    max_transaction_retry_time=self._retry, notifications_min_severity="OFF",
                    user_agent="govgraph")
            except (nx.ConfigurationError, ValueError) as e:
                raise StoreError(f"invalid Neo4j URI {self.uri!r}: {e}") from e
            try:
                drv.verify_connectivity()
                with drv.session(database=self.database) as s:
                    ensure_schema(s)
                    self._dims = vector_dimensions(s)
                    self._restore_vector_indexes(s)
                    if not self._allow_old_model:
                        self._refuse_old_model(s)
            except Exception as e:
                drv.close()
                raise self._translate(e) from e
            self._driver = drv
            return drv

    def _restore_vector_indexes(self, session) -> None:
        """A rebuild cut short between its drop and its create (neo4j_index_upkeep) left vectors
        without an index: make it again from the dimension the meta node keeps."""
        row = session.run(Q.GET_META).single()
        if row and row["dim"] and set(self._dims) != set(VECTOR_INDEXES):
            ensure_vector_indexes(session, int(row["dim"]))
            self._dims = vector_dimensions(session)

    def _refuse_old_model(self, session) -> None:
        row = session.run(Q.DATA_MODEL_OF).single()
        if row and row["has_reports"] and row["version"] != Q.DATA_MODEL:
            raise StoreError(
                f"Neo4j at {self.uri} holds reports written by an older govgraph data model "
                f"(version {row['version'] or 1}; this one reads version {Q.DATA_MODEL}): migrate it with "
                f"`govgraph neo4j-migrate --neo4j {self.uri}` (it rewrites every report in place)")

    def _drop_driver(self) -> None:
        with self._lock:
            drv, self._driver = self._driver, None
        if drv is not None:
            try:
                drv.close()
            except Exception:  # closing a driver whose server vanished may fail; it is gone either way
                pass

    def _translate(self, e: Exception) -> Exception:
        if isinstance(e, StoreError):
            return e
        if isinstance(e, (nx.ServiceUnavailable, nx.SessionExpired, nx.IncompleteCommit, OSError)):
            self._drop_driver()
            return StoreUnavailable(f"Neo4j at {self.uri} is unreachable ({_first_line(e)}); "
                                    f"start the server or check {ENV_URI}")
        if isinstance(e, nx.AuthError) or (isinstance(e, nx.Neo4jError)
                                            and (e.code or "").startswith("Neo.ClientError.Security.")):
            self._drop_driver()
            who = f"user {self.user!r}" if self.user else "no user given"
            return StoreError(f"Neo4j at {self.uri} rejected the credentials ({who}): {_first_line(e)}; "
                              f"check {ENV_USER} and {ENV_PASSWORD}")
        if isinstance(e, nx.Neo4jError):
            return StoreError(f"Neo4j at {self.uri} refused the request: {e.code}: {_first_line(e)}")
        if isinstance(e, nx.DriverError):
            self._drop_driver()
            return StoreError(f"Neo4j driver error talking to {self.uri}: {_first_line(e)}")
        return e

    def _call(self, work: Callable[[ManagedTransaction], Any], write: bool = False) -> Any:
        drv = self._connect()
        try:
            with drv.session(database=self.database) as s:
                return s.execute_write(work) if write else s.execute_read(work)
        except Exception as e:
            err = self._translate(e)
            if err is e:
                raise
            raise err from e

    def _schema(self, fn: Callable) -> Any:
        """Schema changes run outside data transactions, as Neo4j requires."""
        drv = self._connect()
        try:
            with drv.session(database=self.database) as s:
                return fn(s)
        except Exception as e:
            err = self._translate(e)
            if err is e:
                raise
            raise err from e

    def _read(self, query: str, *, plain: bool = False, **params) -> list[dict]:
        """The rows of a read. plain: the values as the driver decoded them, for queries that
        return only scalars and lists of them (the views): `Result.data()` walks every nested
        value to turn graph types into dicts, which was half the client's time of an overview
        (cProfile, 10 reports: 2.4 of 4.5 s).

        A read is one statement, run as an auto-commit transaction: one round trip where a
        managed transaction (BEGIN, RUN, COMMIT) took three; a bare `RETURN 1` took 4.9 ms p50
        (16 ms p95) against 14.4 (40) ms, 100 of each alternated at load 12 on 2 cores. A
        failure the driver would retry (the server gone, a transient error) falls back to the
        managed transaction, which retries for up to `retry_seconds` as every read did before."""
        def work(tx) -> list[dict]:
            result = tx.run(query, **quiet(params))
            rows = [dict(zip(r.keys(), r)) for r in result] if plain else result.data()
            summary = result.consume()
            self.server_ms += (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
            return rows
        drv = self._connect()
        try:
            with drv.session(database=self.database, default_access_mode=READ_ACCESS) as s:
                return work(s)
        except Exception as e:
            if not _retryable(e):
                err = self._translate(e)
                if err is e:
                    raise
                raise err from e
        return self._call(work)

    def round_trip(self) -> None:
        """One bare `RETURN 1` in a read transaction: the floor under every call (benchmarks)."""
        self._read("RETURN 1 AS one")

    def close(self) -> None:
        unreported = [r.report for r in self._writer.close()]
        if unreported:  # the group in flight: written, but no settle_queued or flush asked for its results
            log.warning("Neo4j store closed with %d written put(s) not reported: %s", len(unreported),
                        ", ".join(unreported))
        if self._queue.puts:  # never reported done: nothing a caller was told is lost
            log.warning("Neo4j store closed with %d queued put(s) not written (no settle_queued or flush): %s",
                        len(self._queue.puts), ", ".join(p.rid for p in self._queue.take()))
        self._drop_driver()

    def clear(self) -> None:
        """Delete every node and relationship (indexes stay). For tests and benchmarks."""
        def wipe(s):
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
        self._forget_reads()
        self._schema(wipe)

    def _forget_reads(self) -> None:
        """Drop what reads keep for MODEL_TTL (the store's model, each word's passages): this
        process's own write or removal shows at once; another process's within MODEL_TTL."""
        self._model_seen = None
        with self._lock:
            self._terms = {}

    # -- writing -------------------------------------------------------------------------------
    def put_batch(self, batch: GraphBatch, vectors: Vectors | None = None) -> None:
        self._settle_first()
        self._write_group([self._prepare(batch, vectors)])

    def queue_batch(self, batch: GraphBatch, vectors: Vectors | None = None) -> list[PutResult]:
        """In a bulk, the put joins a group written in one transaction (neo4j_bulk); outside one,
        it is written now."""
        if not self._bulk:
            return super().queue_batch(batch, vectors)
        put = self._prepare(batch, vectors)
        done, self._settled = self._settled + self._writer.finished(), []
        if self._queue.holds(put.rid):  # a second put of one report goes after the first
            done += self._hand_off()
        self._queue.add(put)
        if self._queue.full():
            done += self._hand_off()
        return done

    def _hand_off(self) -> list[PutResult]:
        """The queued group goes to the writing thread, its rows folded here first; returns the
        results of the group written before it (neo4j_group_writer). A fold that fails is left to
        the thread, where the group's write fails and each report is tried alone (commit_group)."""
        puts = self._queue.take()
        try:
            rows: GroupRows | None = GroupRows.of(puts)
        except Exception:  # noqa: BLE001 - reported per report by the write below
            rows = None
        return self._writer.submit(
            lambda: commit_group(puts, lambda ps: self._write_group(ps, rows if ps is puts else None)))

    def settle_queued(self) -> list[PutResult]:
        done, self._settled = self._settled, []
        return done + self._writer.wait() + commit_group(self._queue.take(), self._write_group)

    def _settle_first(self) -> None:
        """A direct write goes after the puts queued before it; their results wait for the next
        queue_batch or settle_queued."""
        if self._queue.puts or self._writer.busy():
            self._settled += self._writer.wait() + commit_group(self._queue.take(), self._write_group)

    def _prepare(self, batch: GraphBatch, vectors: Vectors | None) -> PreparedPut:
        """The batch checked and encoded as rows; bad input raises here, before any write."""
        rid = batch.report.id
        nodes = merge_batch_nodes(batch.nodes)
        edges = merge_batch_edges(batch.edges)
        ids = {n.id for n in nodes}
        for n in nodes:
            if n.label not in ENTITY_LABELS:
                raise ValueError(f"report {rid}: node {n.id} has unknown label {n.label!r}")
        for e in edges:
            if e.source not in ids or e.target not in ids:
                raise ValueError(f"report {rid}: edge {e.source} -{e.type}-> {e.target} names an entity "
                                 "that is not in the batch")
            if e.type not in Q.ENTITY_REL_TYPES:
                raise ValueError(f"report {rid}: edge {e.source} -> {e.target} has unknown type {e.type!r}")

        p_vecs, e_rows, dim = self._vector_rows(batch, vectors)
        if dim is not None and not self._deferred and self._dims.get(PASSAGE_VECTOR_INDEX) != dim:
            self._schema(lambda s: ensure_vector_indexes(s, dim))
            self._dims = {PASSAGE_VECTOR_INDEX: dim, ENTITY_VECTOR_INDEX: dim}

        for n in nodes:
            check_evidence(batch.report, f"entity {n.id}", n.evidence)
        for e in edges:
            check_evidence(batch.report, f"relation {e.source} -{e.type}-> {e.target}", e.evidence)
        return PreparedPut(
            rid=rid, report=report_props(batch.report),
            passages=[passage_row(p, p_vecs[i] if p_vecs is not None else None, batch.tokens.get(p.id))
                      for i, p in enumerate(batch.passages)],
            entities=[entity_row(n) for n in nodes],
            shown=[B.write_row(n, rid) for n in nodes if not B.repeats_an_alias(n.aliases)],
            repeats=[n.id for n in nodes if B.repeats_an_alias(n.aliases)],
            statements=[statement_row(e, rid) for e in edges],
            author=batch.report.author_id if batch.report.author_id in ids else None,
            policies=[n.id for n in nodes if n.label == "Policy"],
            entity_vectors=e_rows, model=vectors.model if vectors is not None else None, dim=dim)

    def _write_group(self, puts: list[PreparedPut], rows: GroupRows | None = None) -> None:
        """The puts in one transaction (`rows`: theirs, folded before); raises if any fails (then
        none is written)."""
        rows = rows or GroupRows.of(puts)
        try:
            head = self._call(lambda tx: self._write_puts(tx, puts, rows), write=True)
        finally:
            self._forget_reads()  # a search during the write may have seen the old model or words
        new = sum(1 for p in puts if p.rid not in head["existing"])
        with_vectors = sum(1 for p in puts if p.model is not None)
        if (self._bulk and not self._deferred and with_vectors
                and deferral_due(head["vector_puts"] + with_vectors, head["reports"] + new)):
            self._schema(drop_vector_indexes)
            self._deferred = True

    def _write_puts(self, tx: ManagedTransaction, puts: list[PreparedPut], rows: GroupRows) -> dict:
        head = tx.run(Q.BEGIN_PUTS, rids=[p.rid for p in puts]).single()
        model, dim = head["model"], head["dim"]
        for p in puts:
            if p.model is not None and model not in (None, p.model):
                raise StoreError(f"Neo4j at {self.uri} holds vectors of model {model!r}; "
                                 f"clear it to use {p.model!r}")
            if p.dim is not None and dim not in (None, p.dim):  # checked here while no index does it
                raise StoreError(f"Neo4j at {self.uri} holds {dim}-dimensional vectors, "
                                 f"report {p.rid} brings {p.dim}: clear the database to change the model")
            model, dim = model or p.model, dim or p.dim
        for rid in head["existing"]:
            _strip(tx, rid)
        _write_new_reports(tx, rows)
        return head

    @staticmethod
    def _vector_rows(batch: GraphBatch, vectors: Vectors | None):
        if vectors is None:
            return None, [], None
        pv = np.array(vectors.passages, dtype=np.float64)  # a copy: the group is written later, on a thread
        if pv.ndim != 2 or pv.shape[0] != len(batch.passages):
            raise ValueError(f"report {batch.report.id}: {pv.shape} passage vectors for "
                             f"{len(batch.passages)} passages")
        dim = int(pv.shape[1])
        e_rows = []
        if vectors.entities is not None and len(vectors.entity_ids):
            ev = np.array(vectors.entities, dtype=np.float64)
            if ev.shape != (len(vectors.entity_ids), dim):
                raise ValueError(f"report {batch.report.id}: entity vectors {ev.shape} do not match "
                                 f"{len(vectors.entity_ids)} ids of dimension {dim}")
            e_rows = [{"id": i, "v": v} for i, v in zip(vectors.entity_ids, ev)]
        # Rows of the float64 arrays, not lists: the driver packs an ndarray as the list of its
        # values (the same bytes), and vectors held as Python floats (tolist) made the garbage
        # collector walk every float at each full collection (offline, the corpus prepared and
        # folded with every group kept: 8.0 s of CPU with the collector on, 2.0-2.7 s with it off).
        # Main's writer Python against this session's, alternated: 9.7-10.1 s -> 7.8-7.9 s.
        return list(pv), e_rows, dim

    def remove_report(self, report_id: str) -> bool:
        self._settle_first()
        r = self.find_report(report_id)
        if r is None:
            return False

        def work(tx: ManagedTransaction) -> bool:
            tx.run(Q.TAKE_WRITE_LOCK).consume()
            _strip(tx, r.id)
            tx.run(Q.CLEAR_META_IF_EMPTY).consume()
            return True

        try:
            return self._call(work, write=True)
        finally:
            self._forget_reads()

    def begin_bulk(self) -> None:
        """The bulk's puts given to queue_batch are written several to a transaction (neo4j_bulk).
        Once they make a rebuild due at its flush, the vector indexes are dropped until then
        (neo4j_index_upkeep.deferral_due): the puts skip the index upkeep that the rebuild redoes."""
        self._bulk = True

    def flush(self) -> None:
        """Puts are durable at commit; after many of them (a multi-file ingest, an import) the
        vector indexes are rebuilt into few segments (or made, when the bulk dropped them), and
        this returns once they are ONLINE (neo4j_index_upkeep: why, when, and what a concurrent
        search sees). Puts still queued are written first; if any of them fails, this raises
        StoreError naming them after the rebuild (settle_queued gives each put's result)."""
        failed = [r for r in self.settle_queued() if r.error is not None]
        self._writer.close()
        due = self._call(claim_rebuild, write=True)
        deferred, self._bulk, self._deferred = self._deferred, False, False
        if due or deferred:
            self._schema(rebuild_vector_indexes)
            self._dims = self._schema(vector_dimensions)
        if failed:
            raise StoreError(f"{len(failed)} queued report(s) were not written: "
                             + "; ".join(f"{r.report}: {_first_line(r.error)}" for r in failed))

    # -- reports and passages -----------------------------------------------------------------
    @property
    def model(self) -> str | None:
        """Every search asks which model the vectors come from; one round trip answers for a few
        seconds (this store's own writes forget it at once; another writer's show within MODEL_TTL)."""
        seen = self._model_seen
        now = time.monotonic()
        if seen is not None and now - seen[1] < MODEL_TTL:
            return seen[0]
        rows = self._read(Q.GET_META)
        model = rows[0]["model"] if rows else None
        self._model_seen = (model, now)
        return model

    def reports(self) -> list[ReportInfo]:
        return [report_from(row["r"]) for row in self._read(Q.REPORTS, plain=True)]

    def find_report(self, ref: str) -> ReportInfo | None:
        rows = self._read(Q.FIND_REPORT, ref=ref, name=_file_name(ref))
        return report_from(rows[0]["r"]) if rows else None

    def report_by_sha(self, sha256: str) -> ReportInfo | None:
        rows = self._read(Q.REPORT_BY_SHA, sha=sha256)
        return report_from(rows[0]["r"]) if rows else None

    def passages_of(self, report_id: str) -> list[Passage]:
        return [passage_from(row["p"]) for row in self._read(Q.PASSAGES_OF, rid=report_id)]

    def passage_counts(self) -> dict[str, int]:
        return {row["rid"]: row["n"] for row in self._read(Q.PASSAGE_COUNTS)}

    def get_passages(self, ids: list[str]) -> list[Passage]:
        return [passage_from(row["p"]) for row in self._read(Q.GET_PASSAGES, plain=True, ids=list(ids))]

    def iter_passages(self) -> Iterator[Passage]:
        after = ""
        while True:
            rows = self._read(Q.ITER_PASSAGES, after=after, page=_PAGE)
            for row in rows:
                yield passage_from(row["p"])
            if len(rows) < _PAGE:
                return
            after = rows[-1]["p"]["id"]

    def passage_vectors(self, ids):
        rows = self._read(Q.PASSAGE_VECTORS, ids=list(ids))
        return {r["id"]: np.asarray(r["v"], dtype=np.float32) for r in rows}

    def entity_vectors(self, ids):
        rows = self._read(Q.ENTITY_VECTORS, ids=list(ids))
        return {r["id"]: np.asarray(r["v"], dtype=np.float32) for r in rows}

    # -- entities and relations -----------------------------------------------------------------
    def get_nodes(self, ids: list[str]) -> list[Node]:
        return [_node(row) for row in self._read(Q.GET_NODES, ids=list(ids))]

    def find_nodes(self, label: str | list[str] | None = None, report: str | None = None, year: int | None = None,
                   prefix: str | None = None, offset: int = 0, limit: int = 50, *,
                   role: str | None = None) -> tuple[int, list[Node]]:
        total, rows = self._find(Q.find_nodes_query, label, report, year, prefix, offset, limit, role)
        return total, [_node(row) for row in rows]

    def _find(self, make_query, label, report, year, prefix, offset, limit, role) -> tuple[int, list[dict]]:
        rid = None
        if report:
            r = self.find_report(report)
            rid = r.id if r else report
        labels = [label] if isinstance(label, str) else sorted(set(label)) if label else None
        query = make_query(bool(labels), bool(rid), bool(role), year is not None, bool(prefix))
        rows = self._read(query, labels=labels, rid=rid, role=role or None,
                          year=int(year) if year is not None else None,
                          prefix=prefix.lower() if prefix else None,
                          offset=max(0, int(offset)), limit=max(0, int(limit)))
        if not rows:
            return 0, []
        return rows[0]["total"], [row for row in rows if row["id"] is not None]

    def edges_of(self, node_id: str) -> list[Edge]:
        return [_edge(row) for row in self._read(Q.EDGES_OF, id=node_id)]

    def edges_of_many(self, node_ids: list[str]) -> dict[str, list[Edge]]:
        """edges_of for many nodes in one round trip (answer ranking uses it)."""
        out: dict[str, list[Edge]] = {i: [] for i in node_ids}
        for row in self._read(Q.EDGES_OF_MANY, ids=list(node_ids)):
            out[row["of"]].append(_edge(row))
        return out

    def relations_of_many(self, node_ids: list[str]) -> dict[str, list[tuple[str, str, str]]]:
        """The (type, source, target) of every relation of each node, without evidence: one round
        trip that reads no statement (ego walks fetch evidence only for what they keep)."""
        out: dict[str, list[tuple[str, str, str]]] = {i: [] for i in node_ids}
        for row in self._read(Q.RELS_OF_MANY, ids=list(node_ids)):
            out[row["of"]].append((row["type"], row["s"], row["t"]))
        return out

    def neighbours_of_many(self, node_ids, types=None, labels=None, limit=None):
        out: dict[str, list[str]] = {i: [] for i in node_ids}
        for row in self._read(V.NEIGHBOURS_OF_MANY, ids=list(dict.fromkeys(node_ids)),
                              types=None if types is None else sorted(set(types)),
                              labels=None if labels is None else sorted(set(labels)),
                              limit=_ALL if limit is None else max(0, int(limit))):
            out[row["id"]] = row["others"]
        return out

    def entity_passages(self, node_ids, max_passages):
        rows = self._read(Q.ENTITY_PASSAGES, ids=list(dict.fromkeys(node_ids)), max=int(max_passages))
        return {row["id"]: row["passages"] for row in rows}

    def edges_among(self, node_ids, report=None, max_evidence=None):
        ids = sorted(set(node_ids))
        if max_evidence is None:
            return [_edge(row) for row in self._read(Q.EDGES_AMONG, ids=ids, rid=report or None)]
        if report:
            return self._shown(V.EDGES_OF_REPORT_SHOWN, max_evidence, ids=ids, rid=report)
        return self._shown(V.EDGES_AMONG_SHOWN, max_evidence, ids=ids, rid=None)

    def get_edges(self, keys, max_evidence=None):
        keys = [list(k) for k in keys]
        return self._shown(V.GET_EDGES_SHOWN, _ALL if max_evidence is None else max_evidence, keys=keys)

    def _shown(self, query: str, k: int, **params) -> list[Edge]:
        """Relations read with the spans of their first k statements only (neo4j_view_cypher),
        cut to k pieces of evidence."""
        k = max(0, int(k))
        return self._shown_edges(self._read(query, plain=True, k=k, **params), k)

    def _shown_edges(self, rows: list[dict], k: int) -> list[Edge]:
        edges = [shown_edge_from(r["s"], r["t"], r["type"], r["props"], r["spans"], k) for r in rows]
        # If the first k statements held fewer than k spans while more statements exist (a report
        # stating the relation without a span), that relation is read whole and cut.
        short = [i for i, (e, r) in enumerate(zip(edges, rows)) if len(e.evidence) < k < r["statements"]]
        if short:
            keys = [[edges[i].type, edges[i].source, edges[i].target] for i in short]
            for i, r in zip(short, self._read(V.GET_EDGES_SHOWN, plain=True, keys=keys, k=_ALL)):
                edges[i] = shown_edge_from(r["s"], r["t"], r["type"], r["props"], r["spans"], k)
        return edges

    def one_hop(self, node_id, types, labels, max_nodes, max_evidence):
        """One round trip (neo4j_view_cypher.ONE_HOP) where the walk took four."""
        k = _ALL if max_evidence is None else max(0, int(max_evidence))
        rows = self._read(V.ONE_HOP, plain=True, id=node_id, types=None if types is None else sorted(types),
                          labels=None if labels is None else sorted(labels), limit=max_nodes + 1,
                          room=max_nodes - 1, k=k)
        if not rows:
            return Subgraph([], [])
        return Subgraph(self._brief_lists(rows[0]["briefs"]), self._edge_lists(rows[0]["edges"], k),
                        rows[0]["truncated"])

    def report_overview(self, report, labels, year, role, limit, max_evidence):
        """One round trip (neo4j_view_cypher.report_overview_query) where overview took four."""
        k = max(0, int(max_evidence))
        labels = sorted(set(labels)) if labels else None
        row = self._read(V.report_overview_query(bool(labels), bool(role), year is not None), plain=True,
                         ref=report, name=_file_name(report), labels=labels, role=role or None,
                         year=int(year) if year is not None else None, prefix=None, offset=0,
                         limit=max(0, int(limit)), k=k)[0]
        files = dict(row["files"])
        for edge in row["edges"]:
            for span in edge[V.SPANS_AT]:
                span[1] = files.get(span[0])
        return Subgraph(self._brief_lists(row["briefs"]), self._edge_lists(row["edges"], k), (row["total"] or 0) > limit)

    def briefs_and_hops(self, ids, hops, max_evidence=None):
        k = _ALL if max_evidence is None else max(0, int(max_evidence))
        row = self._read(V.BRIEFS_AND_HOPS, plain=True, ids=list(ids), hops=[list(h) for h in hops], k=k)[0]
        return self._brief_lists(row["briefs"]), self._edge_lists(row["edges"], k)

    def _brief_lists(self, rows: list[list]) -> list[NodeBrief]:
        """Briefs sent as lists in V.BRIEF_COLUMNS order."""
        return self._briefs([dict(zip(V.BRIEF_COLUMNS, b)) for b in rows])

    def _edge_lists(self, rows: list[list], k: int) -> list[Edge]:
        """Relations sent as lists in V.EDGE_COLUMNS order, as views list them: by (type, s, t)."""
        edges = sorted((dict(zip(V.EDGE_COLUMNS, e)) for e in rows), key=lambda r: (r["type"], r["s"], r["t"]))
        return self._shown_edges(edges, k)

    def relations_of_type(self, rel_type):
        if rel_type not in Q.ENTITY_REL_TYPES:
            raise ValueError(f"unknown relation type {rel_type!r}; expected one of {', '.join(Q.ENTITY_REL_TYPES)}")
        return [(str(rel_type), r["s"], r["t"]) for r in self._read(V.relations_of_type_query(rel_type))]

    def get_briefs(self, ids: list[str]) -> list[NodeBrief]:
        """Entities as views show them, from the fields kept on each node (neo4j_brief)."""
        return self._briefs(self._read(B.NODE_SHOWN, plain=True, ids=list(ids)))

    def find_briefs(self, label=None, report=None, year=None, prefix=None, offset=0, limit=50, *, role=None):
        total, rows = self._find(V.find_briefs_query, label, report, year, prefix, offset, limit, role)
        return total, self._briefs(rows)

    def _briefs(self, rows: list[dict]) -> list[NodeBrief]:
        """Briefs from neo4j_brief.SHOWN_ROW rows; an entity written before those fields existed is
        merged from its MENTIONS (one more round trip, only when there is one)."""
        old = [r["id"] for r in rows if not B.has_shown(r)]
        merged = {r["id"]: _brief(r) for r in self._read(V.NODE_BRIEFS, ids=old)} if old else {}
        return [merged[r["id"]] if r["id"] in merged else B.brief_of(r) for r in rows]

    def fill_shown(self, page: int = 2000) -> int:
        """Give every entity written before neo4j_brief existed its shown fields; returns how many."""
        done, after = 0, ""
        while True:
            ids = [r["id"] for r in self._read(B.MISSING, after=after, page=page)]
            if not ids:
                return done
            self._call(lambda tx: B.refresh(tx, ids), write=True)
            done += len(ids)
            after = ids[-1]

    def fill_degrees(self, page: int = 5000) -> int:
        """Give every entity written before its degree was kept (neo4j_cypher.DEGREE) the count of
        its relations; returns how many."""
        done = 0
        while True:
            filled = self._call(lambda tx: tx.run(Q.FILL_DEGREES, page=page).single()["filled"], write=True)
            if not filled:
                return done
            done += filled

    def answer_context(self, passage_ids: list[str], max_degree: int | None = None) -> AnswerContext:
        """One round trip (Q.ANSWER_CONTEXT) that sends only the passages' evidence."""
        pids = list(dict.fromkeys(passage_ids))
        # plain: the row holds lists and maps of scalars only; result.data() walking them took a
        # third of the call's client time (4 asks, load 18: 124-322 -> 73-205 ms, server 43-128).
        row = self._read(Q.ANSWER_CONTEXT, plain=True, pids=pids, max_degree=max_degree)[0]
        in_passages: dict[str, list[str]] = {pid: [] for pid in pids}
        for pid, nid in row["pairs"]:
            if nid is not None:
                in_passages[pid].append(nid)
        edges: dict[str, list[Edge]] = {}
        for of, s, t, rel_type, parts in row["edges"]:
            edges.setdefault(of, []).append(edge_from(s, t, rel_type, parts))
        return AnswerContext(
            in_passages={pid: sorted(set(nids)) for pid, nids in in_passages.items()},
            nodes={nid: node_from(nid, label, name, parts) for nid, label, name, parts, _ in row["nodes"]},
            spread={nid: spread for nid, _, _, _, spread in row["nodes"]},
            edges=edges)

    def edges_near(self, node_ids, reports=None, max_degree=None):
        out: dict[str, list[Edge]] = {}
        for row in self._read(Q.EDGES_NEAR, ids=list(node_ids), max_degree=max_degree,
                              reports=None if reports is None else sorted(set(reports))):
            out.setdefault(row["of"], []).append(_edge(row))
        return out

    def shortest_path_ids(self, source: str, target: str, n: int, max_len: int) -> list[list[str]] | None:
        """Up to `n` simple paths as id lists, shortest first, found by Cypher over the relations
        (direction ignored); no graph is read into Python. The shortest ones by allShortestPaths
        (fast through hubs); only when fewer than n exist, the next lengths one at a time by
        Yen's deviations of the paths known (neo4j_view_paths): one bounded allShortestPaths per
        distinct prefix, all in one statement. Paths of one length come in id order."""
        limit = 64 * n
        rows = self._read(V.all_shortest_paths_query(max_len, limit), plain=True, source=source, target=target)
        known = sorted({tuple(r["ids"]) for r in rows})
        if len(known) >= n or not known:
            return [list(p) for p in known[:n]]
        hops = len(known[0]) - 1
        while len(known) < n and hops < max_len:
            hops += 1
            spurs = P.spurs(known, hops)
            rows = self._read(V.spur_paths_query(max_len, limit), plain=True, target=target,
                              spurs=[[sp.start, list(sp.banned), list(sp.avoid), sp.hops] for sp in spurs])
            longer: set[tuple[str, ...]] = set()
            for row in rows:
                longer |= P.deviations(spurs[row["i"]], row["found"], hops)
            if any(len(r["found"]) >= limit for r in rows) and len(known) + len(longer) < n:
                # A spur cut at `limit` walks (parallel relations repeat a node sequence) may hide
                # paths of this length: the walks below find them, however slowly.
                return self._shortest_walks(source, target, n, max_len, hops)
            known += sorted(longer)
        return [list(p) for p in known[:n]]

    def _shortest_walks(self, source: str, target: str, n: int, max_len: int, cap_hops: int) -> list[list[str]]:
        """SHORTEST k walks under a hop cap, raised while walks run out (the fallback of
        shortest_path_ids; its only way before session 12)."""
        cap, k = cap_hops, n
        while True:
            rows = self._read(Q.shortest_paths_query(k, cap), source=source, target=target)
            paths: list[list[str]] = []
            for row in rows:
                ids = row["ids"]
                if len(set(ids)) == len(ids) and ids not in paths:
                    paths.append(ids)
            paths.sort(key=len)
            if len(paths) >= n:
                return paths[:n]
            # Walks that repeat a node sequence (two relation types on one hop) crowd out longer
            # paths: ask for more while walks remain under the cap (then these k are the k shortest
            # of all), and raise the cap when they run out.
            if len(rows) == k:
                if k >= 64 * n:
                    return paths
                k *= 4
            elif cap < max_len:
                cap += 1
            else:
                return paths

    def iter_nodes(self) -> Iterator[Node]:
        after = ""
        while True:
            rows = self._read(Q.ITER_NODES, after=after, page=_PAGE)
            for row in rows:
                yield _node(row)
            if len(rows) < _PAGE:
                return
            after = rows[-1]["id"]

    def iter_edges(self) -> Iterator[Edge]:
        after = ""
        while True:
            rows = self._read(Q.ITER_EDGES, after=after, page=_PAGE)
            sources = set()
            for row in rows:
                sources.add(row["source_page"])
                if row["t"] is not None:
                    yield edge_from(row["source_page"], row["t"], row["type"], row["parts"])
            if len(sources) < _PAGE:
                return
            after = max(sources)

    def skeleton(self) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        """Every entity as (id, label, name) and every relation as (source, target, type), no
        evidence: what networkx needs for communities and centrality, read in pages."""
        nodes, edges = [], []
        after = ""
        while True:
            rows = self._read(Q.SKELETON_NODES, after=after, page=_SKELETON_PAGE)
            nodes.extend((r["id"], r["label"], r["name"]) for r in rows)
            if len(rows) < _SKELETON_PAGE:
                break
            after = rows[-1]["id"]
        after = ""
        while True:
            rows = self._read(Q.SKELETON_EDGES, after=after, page=_SKELETON_PAGE)
            sources = {r["a"] for r in rows}
            edges.extend((r["a"], r["b"], r["type"]) for r in rows if r["b"] is not None)
            if len(sources) < _SKELETON_PAGE:
                break
            after = max(sources)
        return nodes, edges

    def nodes_in_passages(self, passage_ids: list[str]) -> dict[str, list[str]]:
        out = {pid: [] for pid in passage_ids}
        for row in self._read(Q.NODES_IN_PASSAGES, plain=True, ids=list(passage_ids)):
            out[row["pid"]] = sorted(row["nodes"])
        return out

    def stats(self) -> dict:
        def work(tx: ManagedTransaction) -> dict:
            nodes = {lab: tx.run(Q.COUNT_LABEL.format(lab)).single()["n"] for lab in LABELS}
            edges = {t: tx.run(Q.COUNT_TYPE.format(t)).single()["n"] for t in REL_TYPES}
            return {
                "reports": nodes["Report"],
                "passages": nodes["Passage"],
                "nodes": {k: v for k, v in sorted(nodes.items()) if v},
                "edges": {k: v for k, v in sorted(edges.items()) if v},
            }
        return self._call(work)

    # -- search -------------------------------------------------------------------------------
    def _filter_params(self, filters: Filters | None) -> dict[str, Any]:
        f = filters or Filters()
        rid = None
        if f.report:
            r = self.find_report(f.report)
            rid = r.id if r else f.report
        return {"rid": rid, "author": f.author or None, "year": int(f.year) if f.year is not None else None,
                "role": f.role or None, "label": f.label or None}

    def _filtered_top(self, query: str, k: int, filtered: bool, params: dict[str, Any]
                      ) -> list[tuple[str, float]]:
        """Ask the index for more hits until k survive the filters or the index runs dry.

        Even unfiltered it asks for more than k: HNSW search is approximate, and widening its
        candidate list is what keeps a node whose vector was just replaced in the top k.
        """
        fetch = max(2 * k, k + 20) if not filtered else max(4 * k, 50)
        while True:
            rows = self._read(query, plain=True, fetch=fetch, **params)
            kept = [(r["id"], r["score"]) for r in rows if r["keep"]]
            if len(kept) >= k or len(rows) < fetch:
                return kept[:k]
            fetch *= 4

    def lexical_search(self, query: str, tokens: list[str], k: int, filters: Filters | None = None
                       ) -> list[tuple[str, float]]:
        """BM25 over the passages' words (the tokens, as the embedded store ranks them) when the
        database holds words, else over the text's character bigrams. Dev hybrid MRR on the whole
        corpus: 0.830 by bigrams, 0.839 by words (the embedded store 0.853; docs/neo4j.md)."""
        if tokens and self._holds_words():
            index, q = PASSAGE_WORDS_INDEX, " ".join(w for w in map(lucene_query, dict.fromkeys(tokens)) if w)
        else:
            index, q = PASSAGE_TEXT_INDEX, lucene_query(query if query and query.strip() else " ".join(tokens or []))
        if not q or k <= 0:
            return []
        filtered = filters is not None and not filters.is_empty()
        hits = self._filtered_top(Q.LEXICAL, k, filtered,
                                  {"index": index, "q": q, **self._filter_params(filters)})
        return [(pid, float(s)) for pid, s in hits]

    def term_passages(self, tokens: list[str]) -> dict[str, np.ndarray] | None:
        """Rows of the passages holding each whole word, from the words index: rows are numbered
        afresh by each call (what callers do with them is intersect and count within one answer).
        None while some passage was written before passages kept their words."""
        if not self._holds_words():
            return None
        held = self._term_ids(list(dict.fromkeys(tokens)))
        if not held:
            return {}
        _, dense = np.unique(np.concatenate(list(held.values())), return_inverse=True)
        out, at = {}, 0
        for term, ids in held.items():
            out[term] = np.sort(dense[at:at + len(ids)]).astype(np.int64)
            at += len(ids)
        return out

    def _term_ids(self, tokens: list[str]) -> dict[str, np.ndarray]:
        """The ids of the passages holding each token it holds. An English question asks for the same
        words up to three times (the senses' choice, the phrases' weights); the answers are kept for
        MODEL_TTL, as the model's name is: on the whole corpus they were 10-80 ms of a 60-200 ms ask."""
        now = time.monotonic()
        with self._lock:
            cache = self._terms = {t: v for t, v in self._terms.items() if now - v[0] < MODEL_TTL}
            out = {t: cache[t][1] for t in tokens if t in cache}
        terms = [{"term": t, "q": q} for t in tokens if t not in out and (q := lucene_query(t))]
        if terms:
            rows = self._read(Q.TERM_PASSAGES, index=PASSAGE_WORDS_INDEX, terms=terms, max=_TERM_LIMIT, plain=True)
            found = {r["term"]: np.asarray(r["ids"], dtype=str) for r in rows if r["ids"]}
            with self._lock:
                self._terms.update({t["term"]: (now, found.get(t["term"], _NO_IDS)) for t in terms})
            out.update(found)
        return {t: out[t] for t in tokens if t in out and len(out[t])}

    def _holds_words(self) -> bool:
        """Whether every passage has its words (the words index then finds every passage). Once
        yes, kept: this code writes them with every passage. No is asked again after MODEL_TTL: a
        database written before passages kept words is re-ingested or imported to have them."""
        if self._words_seen is True:
            return True
        now = time.monotonic()
        if self._words_seen is None or now - self._words_seen >= MODEL_TTL:
            if not self._read(Q.LACKS_WORDS):
                self._words_seen = True
                return True
            self._words_seen = now
        return False

    def entity_text_search(self, query: str, k: int, label: str | None = None) -> list[tuple[str, float]]:
        """Entities whose name, aliases or English name match the words (Neo4j only, not in the contract)."""
        q = lucene_query(query or "")
        if not q or k <= 0:
            return []
        hits = self._filtered_top(Q.ENTITY_TEXT, k, bool(label),
                                  {"index": ENTITY_NAME_INDEX, "q": q, "label": label or None})
        return [(nid, float(s)) for nid, s in hits]

    def _vector_ready(self, name: str) -> bool:
        if name not in self._dims:
            self._dims = self._schema(vector_dimensions)
        return name in self._dims

    def vector_search(self, vector: np.ndarray, k: int, filters: Filters | None = None
                      ) -> list[tuple[str, float]]:
        if k <= 0 or not self._vector_ready(PASSAGE_VECTOR_INDEX):
            return []
        v = np.asarray(vector, dtype=np.float64).ravel()
        _check_dim(v, self._dims[PASSAGE_VECTOR_INDEX])
        filtered = filters is not None and not filters.is_empty()
        hits = self._vector_top(Q.VECTOR, k, filtered,
                                {"index": PASSAGE_VECTOR_INDEX, "v": v.tolist(), **self._filter_params(filters)})
        return [(pid, _cosine(s)) for pid, s in hits]

    def entity_vector_search(self, vector: np.ndarray, k: int, label: str | None = None
                             ) -> list[tuple[str, float]]:
        if k <= 0 or not self._vector_ready(ENTITY_VECTOR_INDEX):
            return []
        v = np.asarray(vector, dtype=np.float64).ravel()
        _check_dim(v, self._dims[ENTITY_VECTOR_INDEX])
        hits = self._vector_top(Q.ENTITY_VECTOR, k, bool(label),
                                {"index": ENTITY_VECTOR_INDEX, "v": v.tolist(), "label": label or None})
        return [(nid, _cosine(s)) for nid, s in hits]

    def entity_vector_passages(self, vector, k, max_passages):
        """One round trip (Q.ENTITY_VECTOR_PASSAGES) where the base class takes two."""
        if k <= 0 or not self._vector_ready(ENTITY_VECTOR_INDEX):
            return [], {}
        v = np.asarray(vector, dtype=np.float64).ravel()
        _check_dim(v, self._dims[ENTITY_VECTOR_INDEX])
        try:
            rows = self._read(Q.ENTITY_VECTOR_PASSAGES, plain=True, index=ENTITY_VECTOR_INDEX, fetch=max(2 * k, k + 20),
                              k=int(k), v=v.tolist(), max=int(max_passages))
        except StoreError as e:
            if is_missing_index(e):  # a rebuild under way (neo4j_index_upkeep)
                return [], {}
            raise
        near = [(r["id"], _cosine(r["score"])) for r in rows]
        return near, {r["id"]: r["passages"] for r in rows if r["passages"]}

    def _vector_top(self, query: str, k: int, filtered: bool, params: dict[str, Any]) -> list[tuple[str, float]]:
        """No hits while another process rebuilds the index (neo4j_index_upkeep): search then
        answers from its word hits instead of failing."""
        try:
            return self._filtered_top(query, k, filtered, params)
        except StoreError as e:
            if is_missing_index(e):
                return []
            raise


def _file_name(ref: str) -> str:
    """A report reference's last path part: a report is found by its file name too."""
    return ref.replace("\\", "/").rsplit("/", 1)[-1]


def _node(row: dict) -> Node:
    return node_from(row["id"], row["label"], row["name"], row["parts"])


def _retryable(e: Exception) -> bool:
    """What a managed transaction would retry (or a socket that failed under the driver)."""
    return isinstance(e, OSError) or (isinstance(e, (nx.Neo4jError, nx.DriverError)) and e.is_retryable())


def _edge(row: dict) -> Edge:
    return edge_from(row["s"], row["t"], row["type"], row["parts"])


def _brief(row: dict) -> NodeBrief:
    return brief_from(row["id"], row["label"], row["name"], row["parts"], row["mentions"], row["degree"])


def _write_new_reports(tx: ManagedTransaction, rows: GroupRows) -> None:
    """The reports of one write (absent: _strip ran first), one statement per kind of item for
    all of them: what folds into entities and relations the reports share was folded in Python
    first (neo4j_bulk_rows.GroupRows), so each shared entity or relation is found and written once."""
    _run(tx, Q.CREATE_REPORTS, reports=rows.reports)
    existing: set[str] = set()
    for chunk in _chunks(rows.entities, 5000):
        existing.update(tx.run(Q.MERGE_ENTITIES, **quiet({"rows": chunk, "rids": rows.rids})).single()["existing"])
    for chunk in _chunks(R.folds_into(rows.shown, existing), 5000):
        _run(tx, B.STORE_SHOWN, rows=chunk)
    if rows.drop:
        _run(tx, B.DROP_SHOWN, ids=rows.drop)
    for query, with_props in ((Q.MERGE_BARE_RELATIONS, False), (Q.MERGE_RELATIONS, True)):
        for chunk in _chunks([r for r in rows.relations if bool(r["flat"]) == with_props], 5000):
            _run(tx, query, rows=chunk, rids=rows.rids)
    if rows.sources:
        _run(tx, Q.CREATE_SOURCES, rows=rows.sources)
    if rows.vectors or rows.vector_puts:
        _run(tx, Q.FINISH_PUTS, rows=rows.vectors, model=rows.model, dim=rows.dim, vector_puts=rows.vector_puts)


def _run(tx: ManagedTransaction, query: str, **params) -> None:
    """A write statement, its list parameters quiet (neo4j_params: the driver's debug repr of
    every parameter was 55% of the writer's CPU)."""
    tx.run(query, **quiet(params)).consume()


def _strip(tx: ManagedTransaction, rid: str) -> None:
    """Remove everything report `rid` contributed: its statements, MENTIONS, passages and the report.
    Relations and entities no other report supports go too; the entities that stay take their
    names from the reports left. A report not in the store matches nothing."""
    tx.run(Q.DELETE_STATEMENTS, rid=rid).consume()
    kept = tx.run(Q.DELETE_MENTIONS, rid=rid).single()
    if kept and kept["kept"]:
        tx.run(Q.RENAME_ENTITIES, ids=kept["kept"]).consume()
        B.refresh(tx, kept["kept"])
    tx.run(Q.DELETE_PASSAGES, rid=rid).consume()
    tx.run(Q.DELETE_REPORT, rid=rid).consume()


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _cosine(score: float) -> float:
    # Neo4j reports cosine similarity rescaled to [0, 1]; callers compare raw cosines across stores.
    return 2.0 * float(score) - 1.0


def _check_dim(v: np.ndarray, dim: int) -> None:
    if v.shape[0] != dim:
        raise ValueError(f"query vector has {v.shape[0]} dimensions, the Neo4j index holds {dim}")


def _first_line(e: Exception) -> str:
    # Only server errors carry `message`; asking a driver error for it raises a preview warning.
    msg = (e.message if isinstance(e, nx.Neo4jError) else None) or str(e) or type(e).__name__
    return msg.strip().splitlines()[0]
