"""`export --format cypher`: a script of parameterless statements for cypher-shell or a driver.

Constraints come first, then nodes, then relationships, all with MERGE, so running the
script twice leaves the same graph. Every string is escaped, newlines included, so each
statement sits on one line ending in `;`: a runner may split on lines (`iter_statements`)
as well as cypher-shell splits on `;`.

Rows travel packed in one string literal per statement,
    UNWIND split('<row>\\u001e<row>…', '\\u001e') AS line WITH split(line, '\\u001f') AS f
    MERGE (n:Agency {id: f[0]}) SET n.name = f[1], n.year = toInteger(f[2]), …
because Neo4j compiles a statement full of literal maps anew each time (measured ~10x
slower), while a single literal is turned into a parameter and every batch of a label
reuses one cached plan. Columns are typed as in the CSV export; `\\u001c` stands for
null. A row whose text holds one of these separator characters goes in a plain
`UNWIND [{…}] AS row` statement instead.
"""
from __future__ import annotations

import math
import re
from typing import Any, Iterator

from .output import text_output
from .properties import column_type, edge_properties, node_properties, scalar_text, to_json
from .records import GraphRecords

# Rows per statement, and a size bound so batches of long passages stay well under what
# a Bolt message or cypher-shell buffers comfortably.
BATCH_ROWS = 500
BATCH_CHARS = 256_000

ROW_SEP, FIELD_SEP, NULL, ITEM_SEP = "\x1e", "\x1f", "\x1c", "\x1d"
_SEPARATORS = re.compile("[\x1c-\x1f]")
_CONVERT = {"int": "toInteger", "long": "toInteger", "double": "toFloat", "boolean": "toBoolean"}

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


# -- packed rows -------------------------------------------------------------------------------

def _field_text(v: Any, col_type: str) -> str:
    if v is None:
        return NULL
    if col_type.endswith("[]"):
        return ITEM_SEP.join(scalar_text(x) for x in v)
    if col_type == "string" and not isinstance(v, str):
        return to_json(v)
    return scalar_text(v)


def _field_expr(i: int, col_type: str) -> str:
    f = f"f[{i}]"
    if col_type.endswith("[]"):
        conv = _CONVERT.get(col_type[:-2])
        items = f"split({f}, '\\u001d')"
        if conv:
            items = f"[x IN {items} | {conv}(x)]"
        return f"CASE {f} WHEN '\\u001c' THEN null WHEN '' THEN [] ELSE {items} END"
    conv = _CONVERT.get(col_type)
    return f"CASE {f} WHEN '\\u001c' THEN null ELSE {conv}({f}) END" if conv else \
        f"CASE {f} WHEN '\\u001c' THEN null ELSE {f} END"


class _Table:
    """Rows of one statement shape: fixed leading fields, then typed property columns."""

    def __init__(self, fixed: int, props: list[dict[str, Any]], first: list[str]):
        keys = {k for p in props for k in p}
        self.columns = [k for k in first if k in keys] + sorted(k for k in keys if k not in first)
        self.types = {k: column_type(p[k] for p in props if p.get(k) is not None) for k in self.columns}
        self.fixed = fixed

    def line(self, lead: list[str], props: dict[str, Any]) -> str | None:
        """The packed row, or None when its text holds a separator character."""
        fields = lead + [_field_text(props.get(k), self.types[k]) for k in self.columns]
        if any(_SEPARATORS.search(x) for x in fields if x != NULL):
            return None
        return FIELD_SEP.join(fields)

    def sets(self, var: str) -> str:
        return ", ".join(f"{var}.{cypher_name(k)} = {_field_expr(self.fixed + i, self.types[k])}"
                         for i, k in enumerate(self.columns))


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


def _unwind_packed(lines: list[str]) -> str:
    return f"UNWIND split({cypher_string(ROW_SEP.join(lines))}, '\\u001e') AS line WITH split(line, '\\u001f') AS f "


def statements(records: GraphRecords) -> Iterator[str]:
    """Every statement of the script, without the trailing `;`."""
    labels = sorted({n["label"] for n in records.nodes})
    for label in labels:
        yield (f"CREATE CONSTRAINT {cypher_name(constraint_name(label))} IF NOT EXISTS "
               f"FOR (n:{cypher_name(label)}) REQUIRE n.id IS UNIQUE")

    by_label: dict[str, list[dict[str, Any]]] = {}
    for n in records.nodes:
        props = node_properties(n)
        props.pop("id")
        by_label.setdefault(n["label"], []).append({"id": n["id"], "props": props})
    for label in labels:
        rows = by_label[label]
        table = _Table(1, [r["props"] for r in rows], ["name", "aliases", "name_en"])
        packed, odd = [], []
        for r in rows:
            line = table.line([r["id"]], r["props"])
            if line is None:
                odd.append(cypher_value({"id": r["id"], **r["props"]}))
            else:
                packed.append(line)
        node = f"MERGE (n:{cypher_name(label)} {{id: f[0]}})"
        sets = table.sets("n")
        for batch in _batches(packed):
            yield _unwind_packed(batch) + node + (f" SET {sets}" if sets else "")
        for batch in _batches(odd):
            yield f"UNWIND [{', '.join(batch)}] AS row MERGE (n:{cypher_name(label)} {{id: row.id}}) SET n += row"

    label_of = records.labels()
    by_shape: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for e in records.edges:
        try:
            shape = (e["type"], label_of[e["source"]], label_of[e["target"]])
        except KeyError as missing:
            raise ValueError(f"{e['type']} edge {e['source']} -> {e['target']} ends at unknown node {missing}")
        by_shape.setdefault(shape, []).append({"s": e["source"], "t": e["target"], "p": edge_properties(e)})
    for (type_, sl, tl) in sorted(by_shape):
        rows = by_shape[(type_, sl, tl)]
        table = _Table(2, [r["p"] for r in rows], [])
        packed, odd = [], []
        for r in rows:
            line = table.line([r["s"], r["t"]], r["p"])
            if line is None:
                odd.append(cypher_value(r))
            else:
                packed.append(line)
        # Labels on both ends let the id constraints' indexes find them.
        ends = f"MATCH (a:{cypher_name(sl)} {{id: f[0]}}) MATCH (b:{cypher_name(tl)} {{id: f[1]}}) "
        rel = f"MERGE (a)-[r:{cypher_name(type_)}]->(b)"
        sets = table.sets("r")
        for batch in _batches(packed):
            yield _unwind_packed(batch) + ends + rel + (f" SET {sets}" if sets else "")
        for batch in _batches(odd):
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
