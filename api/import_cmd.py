"""`govgraph import FILE.jsonl`: move a collection between stores without re-reading its reports.

Registered on the typer app of cli.py (one import line there).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from .cli import EXIT_FAILED, EXIT_USAGE, Neo4jOpt, StoreOpt, WaitOpt, _ctx, _fail, _guard, _print_json, app, err


@app.command("import")
@_guard
def import_collection(
    file: Path = typer.Argument(..., help="A `govgraph export --format jsonl [--with-vectors]` file."),
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, wait: Optional[float] = WaitOpt,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of lines."),
):
    """Load an exported collection into an empty store (embedded or Neo4j), vectors included when
    the export has them; exporting the store again gives the same file.

    Example: `govgraph export --with-vectors -o all.jsonl && govgraph import all.jsonl --neo4j bolt://host:7687`
    """
    from govgraph.graph.store.jsonl_import import ImportFileError, import_plan, plan_import
    from govgraph.ingest.tokenize import tokenize
    if not file.is_file():
        _fail(f"no file {file}", EXIT_USAGE)
    try:
        plan = plan_import(file, tokenize)
    except ImportFileError as e:
        _fail(str(e), EXIT_FAILED)
    ctx = _ctx(store, neo4j, wait=wait)
    if ctx.store.reports():
        _fail(f"the target store already holds {len(ctx.store.reports())} reports; import into an empty store",
              EXIT_USAGE)

    def said(r):
        if not as_json:
            err.print(f"imported {escape(r.file)}", highlight=False)

    n = import_plan(ctx.store, plan, on_report=said)
    ctx.close()
    if as_json:
        _print_json({"reports": n, "model": plan.model})
    else:
        err.print(f"done: {n} reports" + (f" with vectors of {plan.model}" if plan.model else ""))
