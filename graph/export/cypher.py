"""`export --format cypher`: a script of parameterless statements for cypher-shell or a driver.

Constraints come first, then nodes and relationships in batches of `UNWIND [...] AS row
MERGE ...` with literal maps, so running the script twice leaves the same graph. Every
string is escaped, newlines included, so each statement sits on one line ending in `;`:
a runner may split on lines (`iter_statements`) as well as cypher-shell splits on `;`.
"""
from __future__ import annotations

import math
import re
from typing import Any, Iterator

from graph.store.base import GraphStore
from .output import text_output
from .properties import edge_properties, node_properties
from .records import GraphRecords, collect

# Rows per UNWIND, and a size bound so passages with long texts stay well under what a
# Bolt message or cypher-shell buffers comfortably.
BATCH_ROWS = 500
BATCH_CHARS = 256_000

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Other control characters, the line/paragraph separators (which str.splitlines and some
# terminals take for line ends) and lone surrogates go as \uXXXX.
_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f'\\\\\u2028\u2029\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04x}"


def cypher_string(s: str) -> str:
    """A single-quoted Cypher literal that reads back as `s`, on one line."""
    # A regex finds the few characters to escape at C speed; most strings have none.
    return "'" + _SPECIAL.sub(_escape, s) + "'"


def cypher_name(name: str) -> str:
    """A label, type or map key: bare when it is an identifier, else backtick-quoted."""
    return name if _IDENT.match(name) else "`" + name.replace("`", "``") + "`"


def cypher_value(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else "null"
    if isinstance(v, str):
        return cypher_string(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(cypher_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{cypher_name(str(k))}: {cypher_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(v).__name__}")


def constraint_name(label: str) -> str:
    return "govgraph_" + re.sub(r"[^A-Za-z0-9_]", "_", label).lower() + "_id"


def _batches(rows: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for r in rows:
        if batch and (len(batch) >= BATCH_ROWS or size + len(r) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(r)
        size += len(r)
    if batch:
        yield batch


def statements(records: GraphRecords) -> Iterator[str]:
    """Every statement of the script, without the trailing `;`."""
    labels = sorted({n["label"] for n in records.nodes})
    for label in labels:
        yield (f"CREATE CONSTRAINT {cypher_name(constraint_name(label))} IF NOT EXISTS "
               f"FOR (n:{cypher_name(label)}) REQUIRE n.id IS UNIQUE")

    by_label: dict[str, list[str]] = {}
    for n in records.nodes:
        by_label.setdefault(n["label"], []).append(cypher_value(node_properties(n)))
    for label in labels:
        for batch in _batches(by_label[label]):
            yield (f"UNWIND [{', '.join(batch)}] AS row "
                   f"MERGE (n:{cypher_name(label)} {{id: row.id}}) SET n += row")

    label_of = records.labels()
    by_shape: dict[tuple[str, str, str], list[str]] = {}
    for e in records.edges:
        try:
            shape = (e["type"], label_of[e["source"]], label_of[e["target"]])
        except KeyError as missing:
            raise ValueError(f"{e['type']} edge {e['source']} -> {e['target']} ends at unknown node {missing}")
        row = {"s": e["source"], "t": e["target"], "p": edge_properties(e)}
        by_shape.setdefault(shape, []).append(cypher_value(row))
    for (type_, sl, tl) in sorted(by_shape):
        for batch in _batches(by_shape[(type_, sl, tl)]):
            # Labels on both ends let the id constraints' indexes find them.
            yield (f"UNWIND [{', '.join(batch)}] AS row "
                   f"MATCH (a:{cypher_name(sl)} {{id: row.s}}) MATCH (b:{cypher_name(tl)} {{id: row.t}}) "
                   f"MERGE (a)-[r:{cypher_name(type_)}]->(b) SET r += row.p")


def write_cypher(records: GraphRecords, out) -> dict[str, int]:
    n_statements = 0
    with text_output(out) as f:
        f.write(f"// govgraph export: {len(records.nodes)} nodes, {len(records.edges)} relationships.\n"
                "// One statement a line; run with: cypher-shell -f FILE\n")
        for stmt in statements(records):
            f.write(stmt + ";\n")
            n_statements += 1
    return {"nodes": len(records.nodes), "edges": len(records.edges), "statements": n_statements}


def iter_statements(lines) -> Iterator[str]:
    """Statements of a script written by `write_cypher` (or any one-statement-a-line script)."""
    for line in lines:
        s = line.strip()
        if not s or s.startswith("//"):
            continue
        yield s[:-1] if s.endswith(";") else s


def export_cypher(store: GraphStore, out) -> dict[str, int]:
    return write_cypher(collect(store), out)
