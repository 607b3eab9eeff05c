"""`govgraph neo4j-migrate`: rewrite a Neo4j database of the old data model (per-entity report
lists) in the current one (docs/neo4j.md). Registered on the typer app of cli.py (one import line).
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from .cli import EXIT_USAGE, Neo4jOpt, _fail, _guard, _print_json, app, err


@app.command("neo4j-migrate")
@_guard
def neo4j_migrate(
    neo4j: Optional[str] = Neo4jOpt,
    backup: Optional[Path] = typer.Option(None, "--backup", help="Where the export of the old database is "
                                          "kept (default: govgraph-neo4j-backup-<time>.jsonl here)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of lines."),
):
    """Export the old database with its vectors (kept as the backup), empty it and import the export
    in the current model. A database already in the current model is left alone, except that
    entities written before views' fields and their degree were kept on them are given them
    (docs/neo4j.md).

    Example: `govgraph neo4j-migrate --neo4j bolt://host:7687`
    """
    from govgraph.graph.store.neo4j_legacy import is_current, migrate
    from govgraph.ingest.tokenize import tokenize
    uri = neo4j or os.environ.get("GOVGRAPH_NEO4J_URI")
    if not uri:
        _fail("give --neo4j URI or set GOVGRAPH_NEO4J_URI", EXIT_USAGE)
    user, password = os.environ.get("GOVGRAPH_NEO4J_USER"), os.environ.get("GOVGRAPH_NEO4J_PASSWORD")
    if is_current(uri, user, password):
        from govgraph.graph.store.neo4j_store import Neo4jStore
        store = Neo4jStore(uri, user, password)
        try:
            filled = store.fill_shown()
            degrees = store.fill_degrees()
        finally:
            store.close()
        if as_json:
            _print_json({"migrated": 0, "backup": None, "filled": filled, "degrees": degrees})
        else:
            err.print("nothing to migrate: the database is empty or already in the current model"
                      + (f"; {filled} entities were given the fields views read" if filled else "")
                      + (f"; {degrees} entities were given their kept degree" if degrees else ""))
        return
    path = backup or Path(f"govgraph-neo4j-backup-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}.jsonl")
    if path.exists():
        _fail(f"{path} exists; name another --backup file", EXIT_USAGE)

    def said(r):
        if not as_json:
            err.print(f"migrated {escape(r.file)}", highlight=False)

    n = migrate(uri, user, password, path, tokenize, on_report=said)
    if as_json:
        _print_json({"migrated": n, "backup": str(path)})
    else:
        err.print(f"done: {n} reports in the current model; the old database's export is kept in {escape(str(path))}")
