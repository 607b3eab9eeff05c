"""`export --format csv`: a folder that `neo4j-admin database import full` loads as it is.

One file per node label (`nodes-<Label>.csv`: `id:ID`, `:LABEL`, typed properties) and
one per relationship type (`relationships-<TYPE>.csv`: `:START_ID`, `:END_ID`, `:TYPE`),
each with its own header row, plus `import.sh` with the exact command. Column types are
inferred over every row of a file, so `year:int` only when every year is an integer.
"""
from __future__ import annotations

import csv
import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from govgraph.graph.store.base import GraphStore
from .output import atomic_path
from .properties import column_type, edge_properties, node_properties, scalar_text, to_json_quote_safe
from .records import GraphRecords, collect

NODE_PREFIX = "nodes-"
REL_PREFIX = "relationships-"
# neo4j-admin's default; another is chosen only if some list element contains it.
DELIMITER_CHOICES = (";", "|", "\x1f")


@dataclass
class CsvExport:
    folder: Path
    node_files: dict[str, Path] = field(default_factory=dict)
    relationship_files: dict[str, Path] = field(default_factory=dict)
    array_delimiter: str = ";"
    command: list[str] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0

    def summary(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "edges": self.edges, "folder": str(self.folder),
                "files": sorted(p.name for p in [*self.node_files.values(), *self.relationship_files.values()])}


def _cell(v: Any, col_type: str, delim: str) -> str | None:
    if v is None:
        return None
    if col_type.endswith("[]"):
        return delim.join(scalar_text(x) for x in v) if v else None
    if col_type == "string" and not isinstance(v, str):
        return to_json_quote_safe(v)
    return scalar_text(v)


def _choose_delimiter(rows: Iterable[dict[str, Any]]) -> str:
    used: set[str] = set()
    for row in rows:
        for v in row.values():
            if isinstance(v, list):
                for x in v:
                    if isinstance(x, str):
                        used.update(c for c in DELIMITER_CHOICES if c in x)
    for c in DELIMITER_CHOICES:
        if c not in used:
            return c
    raise ValueError("every array delimiter neo4j-admin could use occurs inside a list value")


def _header(name: str, col_type: str) -> str:
    return name if col_type == "string" else f"{name}:{col_type}"


def _write_file(path: Path, fixed: list[str], rows: list[tuple[list[str], dict[str, Any]]],
                first: list[str], delim: str) -> None:
    """Rows are (fixed cells, properties); property columns: `first` in order, then sorted."""
    keys = {k for _, props in rows for k in props}
    order = [k for k in first if k in keys] + sorted(k for k in keys if k not in first and k != "evidence")
    if "evidence" in keys:
        order.append("evidence")
    types = {k: column_type(p[k] for _, p in rows if p.get(k) is not None) for k in order}
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(fixed + [_header(k, types[k]) for k in order])
        for cells, props in rows:
            w.writerow(cells + [_cell(props.get(k), types[k], delim) for k in order])


def _safe_name(s: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in s)


def _admin_delimiter(d: str) -> str:
    return d if d.isprintable() and not d.isspace() else f"U+{ord(d):04X}"


def write_neo4j_csv(records: GraphRecords, folder: str | os.PathLike) -> CsvExport:
    if hasattr(folder, "write"):
        raise ValueError("--format csv writes a folder of files; give a folder path, not a stream")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValueError(f"csv output {folder} is a file; give a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ValueError(f"cannot create csv output folder {folder}: {e.strerror or e}") from e

    node_rows: dict[str, list] = {}
    for n in records.nodes:
        props = node_properties(n, to_json_quote_safe)
        node_rows.setdefault(n["label"], []).append(([n["id"], n["label"]], props))
    rel_rows: dict[str, list] = {}
    for e in records.edges:
        cells = [e["source"], e["target"], e["type"]]
        rel_rows.setdefault(e["type"], []).append((cells, edge_properties(e, to_json_quote_safe)))

    delim = _choose_delimiter(p for rows in [*node_rows.values(), *rel_rows.values()] for _, p in rows)
    result = CsvExport(folder, array_delimiter=delim, nodes=len(records.nodes), edges=len(records.edges))
    for label, rows in sorted(node_rows.items()):
        # `id` is written by the id:ID column, which neo4j-admin also stores as property id.
        stripped = [(cells, {k: v for k, v in p.items() if k != "id"}) for cells, p in rows]
        path = folder / f"{NODE_PREFIX}{_safe_name(label)}.csv"
        _write_file(path, ["id:ID", ":LABEL"], stripped, ["name", "aliases", "name_en"], delim)
        result.node_files[label] = path
    for type_, rows in sorted(rel_rows.items()):
        path = folder / f"{REL_PREFIX}{_safe_name(type_)}.csv"
        _write_file(path, [":START_ID", ":END_ID", ":TYPE"], rows, [], delim)
        result.relationship_files[type_] = path

    keep = {p.name for p in [*result.node_files.values(), *result.relationship_files.values()]}
    for old in folder.glob("*.csv"):
        # Files of a label that is gone since a previous export would be imported too.
        if old.name.startswith((NODE_PREFIX, REL_PREFIX)) and old.name not in keep:
            old.unlink(missing_ok=True)

    result.command = [
        "neo4j-admin", "database", "import", "full",
        "--overwrite-destination=true", "--id-type=string", "--multiline-fields=true",
        "--legacy-style-quoting=false",
        f"--array-delimiter={_admin_delimiter(delim)}",
        *[f"--nodes={p.name}" for p in result.node_files.values()],
        *[f"--relationships={p.name}" for p in result.relationship_files.values()],
    ]
    _write_import_script(folder, result.command)
    return result


def _write_import_script(folder: Path, command: list[str]) -> None:
    # The program and subcommand on the first line, one option a line after it.
    head = " ".join(command[:4])
    args = " \\\n  ".join([head, *(shlex.quote(a) for a in command[4:])])
    script = (
        "#!/bin/sh\n"
        "# Load this folder into an empty Neo4j 5 database (the server must be stopped):\n"
        "#   sh import.sh [DATABASE]      (default database: neo4j)\n"
        "# then start Neo4j; with a database other than the default, CREATE DATABASE it first.\n"
        "set -e\n"
        'cd "$(dirname "$0")"\n'
        f'{args} \\\n  "${{1:-neo4j}}"\n'
    )
    path = folder / "import.sh"
    with atomic_path(path) as tmp:
        tmp.write_text(script, encoding="utf-8")
        os.chmod(tmp, 0o755)


def export_neo4j_csv(store: GraphStore, folder) -> CsvExport:
    return write_neo4j_csv(collect(store), folder)
