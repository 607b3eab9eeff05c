"""Several reports per transaction in a Neo4j bulk write (issue 18).

A put of one report in its own transaction paid a commit (26% of a put's server time at 1x,
session 7), the write lock's round trip and one round trip per statement, whatever the report's
size. In a bulk (GraphStore.begin_bulk: an ingest of a folder, an import) the store queues the
puts (`PutQueue`) and writes a group of them in one transaction; each report stays atomic to its
caller: a group that fails is written again one report per transaction, so only the bad report
fails, and a report is reported done (a `PutResult`) only after the transaction that holds it
committed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .base import PutResult, StoreUnavailable

# A group is written once it holds this many reports or rows (passages, entities and statements:
# what the server keeps in the transaction's memory until it commits; the test server's heap is
# 1 GB, and a corpus report is ~300 passages of 1,024 floats, 8 KB each as parameters).
GROUP_REPORTS = 8
GROUP_ROWS = 12_000


@dataclass
class PreparedPut:
    """One report's rows, checked and encoded, ready for a write transaction."""
    rid: str
    report: dict[str, Any]                  # the Report node's properties
    passages: list[dict[str, Any]]          # Passage rows
    entities: list[dict[str, Any]]          # MERGE_ENTITIES rows
    shown: list[dict[str, Any]]             # STORE_SHOWN rows (neo4j_brief)
    repeats: list[str]                      # entities read from their MENTIONS (neo4j_brief)
    statements: list[dict[str, Any]]        # MERGE_RELATIONS rows
    author: str | None
    policies: list[str]
    entity_vectors: list[dict[str, Any]]    # FINISH_PUTS rows: id, v
    model: str | None                       # the vectors' model, None for a put without vectors
    dim: int | None

    @property
    def rows(self) -> int:
        return len(self.passages) + len(self.entities) + len(self.statements)


@dataclass
class PutQueue:
    """The puts of a bulk not yet written, in the order they came."""
    puts: list[PreparedPut] = field(default_factory=list)

    def holds(self, rid: str) -> bool:
        return any(p.rid == rid for p in self.puts)

    def add(self, put: PreparedPut) -> None:
        self.puts.append(put)

    def full(self) -> bool:
        return len(self.puts) >= GROUP_REPORTS or sum(p.rows for p in self.puts) >= GROUP_ROWS

    def take(self) -> list[PreparedPut]:
        puts, self.puts = self.puts, []
        return puts


def latest_entity_vectors(puts: list[PreparedPut]) -> list[dict[str, Any]]:
    """Each entity's vector once, from the highest report id among the puts (the one a store
    keeps, neo4j_cypher.FINISH_PUTS): a hub named by every report of a group is written once."""
    best: dict[str, dict[str, Any]] = {}
    for p in puts:
        for row in p.entity_vectors:
            if row["id"] not in best or best[row["id"]]["rid"] <= p.rid:
                best[row["id"]] = {**row, "rid": p.rid}
    return list(best.values())


def commit_group(puts: list[PreparedPut], write: Callable[[list[PreparedPut]], None]) -> list[PutResult]:
    """Write `puts` in one transaction (`write`); when it fails, each again in its own, so only the
    reports that fail alone fail. A server that cannot be reached fails them all at once (each
    retry would wait out the connection timeout for the same answer)."""
    if not puts:
        return []
    try:
        write(puts)
        return [PutResult(p.rid) for p in puts]
    except Exception as e:  # noqa: BLE001 - every put gets its own outcome; none is lost
        if len(puts) == 1 or isinstance(e, StoreUnavailable):
            return [PutResult(p.rid, e) for p in puts]
    out = []
    for p in puts:
        try:
            write([p])
            out.append(PutResult(p.rid))
        except Exception as e:  # noqa: BLE001 - this report alone fails
            out.append(PutResult(p.rid, e))
    return out
