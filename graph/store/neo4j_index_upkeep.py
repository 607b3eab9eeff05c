"""Keeping Neo4j's vector indexes in few Lucene segments after a bulk ingest (issue 18).

Every committed put adds one small Lucene segment to each vector index, and Neo4j 5.26 merges
vector segments only when 50 of a size have gathered (`internal.dbms.index.vector.
standard_merge_factor`, default 50). A query searches every segment's HNSW graph in turn: after
the corpus went in one report per commit, the passage index held 56 segments and a query took
245-340 ms whatever k, against 51 ms once rebuilt (7 segments; session 5, load ~23).

So `flush` (the end of a multi-file ingest, an import, a migration) rebuilds both vector indexes
when the puts since the last rebuild are many, both absolutely and as a share of the store:
the rebuild reads every vector again (32 s for 21,104 passage vectors at load ~23), so it is
paid once per bulk ingest, not once per report, and a store four times as large rebuilds a
quarter as often for the same number of new reports. The rebuild is a drop and a create (Neo4j
allows one vector index per label and property, so there is no shadow index to swap in), and the
call waits until both are ONLINE. Meanwhile a search from another process finds no vector index:
`vector_search` then answers with no hits (Neo4jStore.vector_search), so hybrid search falls back
to its word hits and never errors.
"""
from __future__ import annotations

from neo4j import ManagedTransaction, Session

from .base import StoreError
from .neo4j_cypher import GET_META, TAKE_WRITE_LOCK
from .neo4j_schema import VECTOR_INDEXES, create_vector_index

# Rebuild when at least this many puts with vectors went in since the last rebuild...
REBUILD_MIN_PUTS = 8
# ...and they are at least this share of the reports in the store.
REBUILD_SHARE = 0.25
# A rebuild of the 4x corpus (84,000 passage vectors) must finish; a failed one is reported.
REBUILD_TIMEOUT_S = 3600

# Counted in the put's last statement (neo4j_cypher.FINISH_PUTS); read and reset under the write
# lock, so of two processes flushing at once only one rebuilds.
CLAIM_REBUILD = """
MATCH (m:GovgraphMeta {id: 'store'})
WITH m, coalesce(m.vector_puts, 0) AS puts, COUNT { (:Report) } AS reports
WITH m, puts, reports, puts >= $min_puts AND puts >= $share * reports AS due
CALL (m, due) {
  WITH m, due WHERE due
  SET m.vector_puts = 0
}
RETURN due, puts, reports
"""


def claim_rebuild(tx: ManagedTransaction) -> bool:
    """Whether a rebuild is due; if so, this caller has claimed it (the counter is reset)."""
    tx.run(TAKE_WRITE_LOCK).consume()
    row = tx.run(CLAIM_REBUILD, min_puts=REBUILD_MIN_PUTS, share=REBUILD_SHARE).single()
    return bool(row and row["due"])


def deferral_due(vector_puts: int, reports: int) -> bool:
    """In a bulk write (GraphStore.begin_bulk), whether the vector puts since the last rebuild
    (this one counted) already make a rebuild due at the flush, by CLAIM_REBUILD's rule: the
    indexes are then dropped at once and the rest of the bulk goes in unindexed, since the flush
    reads every vector again anyway. The rule only grows truer as puts go on, so the flush finds
    the rebuild due (and rebuilds in any case when this process dropped the indexes)."""
    return vector_puts >= REBUILD_MIN_PUTS and vector_puts >= REBUILD_SHARE * reports


def drop_vector_indexes(session: Session) -> None:
    for name in VECTOR_INDEXES:
        session.run(f"DROP INDEX {name} IF EXISTS").consume()


def rebuild_vector_indexes(session: Session, timeout_s: int = REBUILD_TIMEOUT_S) -> bool:
    """Drop and recreate the vector indexes (for the dimension the meta node keeps) and wait
    until they are ONLINE. False when the store holds no vectors."""
    row = session.run(GET_META).single()
    if not row or not row["dim"]:
        return False
    drop_vector_indexes(session)
    for name, label in VECTOR_INDEXES.items():
        create_vector_index(session, name, label, int(row["dim"]))
    for name in VECTOR_INDEXES:
        session.run("CALL db.awaitIndex($name, $timeout)", name=name, timeout=int(timeout_s)).consume()
    states = {r["name"]: r["state"] for r in session.run(
        "SHOW VECTOR INDEXES YIELD name, state WHERE name IN $names RETURN name, state", names=list(VECTOR_INDEXES))}
    if any(states.get(name) != "ONLINE" for name in VECTOR_INDEXES):
        raise StoreError(f"rebuilding the Neo4j vector indexes left them {states}; searches use words "
                         "only until they are ONLINE (reconnecting recreates a missing one)")
    return True


def is_missing_index(e: Exception) -> bool:
    """A vector query that found its index dropped or still populating (a rebuild under way)."""
    msg = (getattr(e, "message", None) or str(e)).lower()
    return "index" in msg and any(w in msg for w in ("no such", "not online", "does not exist", "populating"))
