"""Exports of the whole graph with its evidence: jsonl, GraphML, neo4j-admin CSV, Cypher."""
from __future__ import annotations

from typing import Any, Callable

from govgraph.graph.store.base import GraphStore
from .records import GraphRecords, collect

FORMATS = ("jsonl", "graphml", "csv", "cypher")


def _writers() -> dict[str, Callable[[GraphRecords, Any], Any]]:
    from .cypher import write_cypher
    from .graphml import write_graphml
    from .jsonl import write_jsonl
    from .neo4j_csv import write_neo4j_csv
    return {"jsonl": write_jsonl, "graphml": write_graphml, "csv": write_neo4j_csv, "cypher": write_cypher}


def export(store: GraphStore, fmt: str, out) -> dict[str, Any]:
    """Write the store in `fmt` to `out` (a path, a folder for csv, or a writable stream).

    Returns a summary: {"nodes", "edges", ...}.
    """
    if not isinstance(fmt, str) or fmt.lower() not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    fmt = fmt.lower()
    if fmt == "csv" and hasattr(out, "write"):
        raise ValueError("export format csv writes a folder of files; give a folder path, not a stream")
    result = _writers()[fmt](collect(store), out)
    return result.summary() if hasattr(result, "summary") else result


__all__ = ["FORMATS", "GraphRecords", "collect", "export"]
