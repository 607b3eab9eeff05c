"""Reading a Neo4j database written by the first data model, for `govgraph neo4j-migrate`.

Model 1 kept, on every entity and relation, parallel lists `reports` and `contrib` (one JSON
string per report with its name, aliases, props and evidence). Reports, passages, vectors and
the meta node look the same in both models, so only entities and relations are read here;
migration exports what this reader sees (a jsonl file with vectors, kept as the backup), empties
the database and imports the file through the current model.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

from govgraph.ingest.batch import Edge, Evidence, Node, ReportInfo
from .merge import merge_edge, merge_node
from .neo4j_store import Neo4jStore

_PAGE = 1000
_ITER_NODES = """
MATCH (n:Entity) WHERE n.id > $after
RETURN n {.id, .label, .name, .reports, .contrib} AS n ORDER BY n.id LIMIT $page
"""
_ITER_EDGES = """
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
OPTIONAL MATCH (a)-[r]->(b:Entity)
RETURN a.id AS source_page, CASE WHEN r IS NULL THEN null ELSE [b.id, type(r), r {.reports, .contrib}] END AS e
"""


def _parts(props: dict[str, Any]) -> list[dict]:
    pairs = sorted(zip(props.get("reports") or [], props.get("contrib") or []), key=lambda rc: rc[0])
    return [json.loads(c) for _, c in pairs]


def _evidence(c: dict) -> list[Evidence]:
    return [Evidence.from_dict(e) for e in c.get("evidence") or []]


def legacy_node(props: dict[str, Any]) -> Node:
    node: Node | None = None
    for c in _parts(props):
        part = Node(props["id"], props["label"], c.get("name") or props["name"], list(c.get("aliases") or []),
                    c.get("name_en"), dict(c.get("props") or {}), _evidence(c))
        node = part if node is None else merge_node(node, part)
    return node or Node(props["id"], props["label"], props["name"])


def legacy_edge(source: str, target: str, rel_type: str, props: dict[str, Any]) -> Edge:
    edge: Edge | None = None
    for c in _parts(props):
        part = Edge(source, target, rel_type, dict(c.get("props") or {}), _evidence(c))
        edge = part if edge is None else merge_edge(edge, part)
    return edge or Edge(source, target, rel_type)


class LegacyNeo4jReader(Neo4jStore):
    """A model-1 database read through the store interface (what the export uses)."""

    def __init__(self, uri: str, user: str | None = None, password: str | None = None, **kw):
        super().__init__(uri, user, password, allow_old_model=True, **kw)

    def iter_nodes(self) -> Iterator[Node]:
        after = ""
        while True:
            rows = self._read(_ITER_NODES, after=after, page=_PAGE)
            for row in rows:
                yield legacy_node(row["n"])
            if len(rows) < _PAGE:
                return
            after = rows[-1]["n"]["id"]

    def iter_edges(self) -> Iterator[Edge]:
        after = ""
        while True:
            rows = self._read(_ITER_EDGES, after=after, page=_PAGE)
            sources = set()
            for row in rows:
                sources.add(row["source_page"])
                if row["e"] is not None:
                    target, rel_type, props = row["e"]
                    yield legacy_edge(row["source_page"], target, rel_type, props)
            if len(sources) < _PAGE:
                return
            after = max(sources)


def migrate(uri: str, user: str | None, password: str | None, backup: Path,
            tokenize: Callable[[str], list[str]], on_report: Callable[[ReportInfo], None] | None = None) -> int:
    """Rewrite a model-1 database in the current model; returns the number of reports. The export
    is written (and checked by reading it back) before anything is deleted, and stays as the backup:
    if the import fails half-way, `govgraph import BACKUP --neo4j URI` into the emptied database
    finishes it."""
    from govgraph.graph.export.jsonl_vectors import write_jsonl_with_vectors
    from .jsonl_import import import_plan, plan_import

    old = LegacyNeo4jReader(uri, user, password)
    try:
        write_jsonl_with_vectors(old, backup)
        plan = plan_import(backup, tokenize)
        old.clear()
    finally:
        old.close()
    new = Neo4jStore(uri, user, password)
    try:
        return import_plan(new, plan, on_report=on_report)
    finally:
        new.close()


def is_current(uri: str, user: str | None, password: str | None) -> bool:
    """True when the database holds no reports or was written by the current model."""
    from . import neo4j_cypher as Q
    store = Neo4jStore(uri, user, password, allow_old_model=True)
    try:
        row = store._read(Q.DATA_MODEL_OF)
        return not row or not row[0]["has_reports"] or row[0]["version"] == Q.DATA_MODEL
    finally:
        store.close()
