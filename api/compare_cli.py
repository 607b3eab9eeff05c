"""`govgraph compare TOPIC` and `govgraph eval aggregation`: cross-agency comparison on the command line.

Registered on the typer apps of api/cli.py by importing this module there.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .cli import EXIT_USAGE, JsonOpt, Neo4jOpt, StoreOpt, _ctx, _fail, _guard, _print_json, app, eval_app, out

# Rows of agencies compare the acting bodies; rows of places answer 哪些区 (see docs/compare.md).
_LABEL_SCOPE = {"Agency": "agency", "Place": "district"}


@app.command()
@_guard
def compare(
    topic: str = typer.Argument(..., help="A topic (国际化街区, talent housing) or a question (哪些区推进了…)."),
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
    label: Optional[str] = typer.Option(None, "--label", help="Agency (rows are agencies) or Place (districts)."),
    scope: Optional[str] = typer.Option(None, "--scope", help="agency, district, city or province."),
    years: Optional[str] = typer.Option(None, "--years", help="Only reports of these years, e.g. 2018-2025."),
    as_json: bool = JsonOpt,
):
    """One row per agency (or district) whose reports do or plan the topic: years, reports, evidence.

    Example: `govgraph compare 国际化街区 --scope district --years 2018-2025 --json`
    """
    from govgraph.graph.search.aggregate import Status, parse_years
    if label is not None and label not in _LABEL_SCOPE:
        _fail(f"--label: must be Agency or Place, got {label!r}", EXIT_USAGE)
    try:
        span = parse_years(years)
        res = _ctx(store, neo4j).compare.compare_text(topic, scope or _LABEL_SCOPE.get(label or ""), years=span)
    except ValueError as e:
        _fail(str(e), EXIT_USAGE)
    if as_json:
        _print_json(res.to_dict())
        return
    cols = sorted({y for r in res.rows for y in r.years})
    t = Table("name", "reports", *[str(y) for y in cols], "best sentence", show_lines=True)
    for r in res.rows:
        marks = {m.year: ("●" if m.status is Status.DONE else "○") for m in r.mentions}
        best = r.best(1)[0].text[:80] if r.mentions else ""
        t.add_row(r.name, str(len(r.reports)), *[marks.get(y, "") for y in cols], best)
    out.print(f"{res.topic}: {len(res.rows)} rows ({res.scope}); ● done ○ planned or mentioned")
    out.print(t)


@eval_app.command("aggregation")
@_guard
def eval_aggregation(store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
                     gold: Path = typer.Option(Path("tests/gold/aggregation.jsonl"), help="Gold questions."),
                     split: str = typer.Option("all", help="all, dev or test."),
                     as_json: bool = JsonOpt):
    """Set precision and recall of aggregation answers (哪些区…), by split and language.

    The store must hold every corpus report. Example: `govgraph eval aggregation --store ./all --split test`
    """
    from govgraph.graph.search.eval_aggregate import evaluate_aggregation, format_aggregation
    try:
        res = evaluate_aggregation(_ctx(store, neo4j).search, gold, split=split)
    except ValueError as e:
        _fail(str(e), EXIT_USAGE)
    if as_json:
        _print_json(res)
    else:
        out.print(format_aggregation(res), highlight=False)
