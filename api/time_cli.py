"""The time commands of `govgraph`: series, indicators, plans, diff, timeline, and `eval time`.

Registered on the typer app of api/cli.py (one import line there). An unknown series, report or entity
exits with status 4.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from govgraph.graph.time import NotFound, diff_view, indicators_view, plans_view, series_view, timeline_view
from .cli import EXIT_NOT_FOUND, EXIT_USAGE, JsonOpt, Neo4jOpt, StoreOpt, _ctx, _fail, _guard, _print_json, app, \
    eval_app, out

SeriesOpt = typer.Option(None, "--series", help="Series id, author or place (see `govgraph series`).")


def _run(fn, *args, **kw) -> dict:
    try:
        return fn(*args, **kw)
    except NotFound as e:
        _fail(str(e), EXIT_NOT_FOUND)


@app.command()
@_guard
def series(store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """Reports grouped into series (one body, one genre, over the years).

    Example: `govgraph series --json`
    """
    res = series_view(_ctx(store, neo4j).store)
    if as_json:
        _print_json(res)
        return
    t = Table("id", "author", "genre", "years", "reports")
    for s in res["series"]:
        t.add_row(s["id"], s["author"], s["genre"], " ".join(str(r["year"]) for r in s["reports"]),
                  str(len(s["reports"])))
    out.print(t)
    for u in res["unplaced"]:
        out.print(f"not in a series: {u['file']} ({u['reason']})", highlight=False)


@app.command()
@_guard
def indicators(series: Optional[str] = SeriesOpt, q: Optional[str] = typer.Option(None, "--q", help="Name contains."),
               year: Optional[int] = typer.Option(None, "--year"), store: Optional[str] = StoreOpt,
               neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """Indicators over the years, targets and results, with their evidence.

    Example: `govgraph indicators --series 坪山区 --q 地区生产总值 --json`
    """
    res = _run(indicators_view, _ctx(store, neo4j).store, series=series, q=q, year=year)
    if as_json:
        _print_json(res)
        return
    t = Table("indicator", "unit", "year", "kind", "value", "evidence")
    for ind in res["indicators"]:
        for p in ind["points"]:
            t.add_row(ind["name"], ind["unit"], str(p["year"]), p["kind"], f"{p['value']:g}", p["text"])
    out.print(t)


@app.command()
@_guard
def plans(series: Optional[str] = SeriesOpt, year: Optional[int] = typer.Option(None, "--year"),
          store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """Plan items of a year and what the next year's report says about them.

    Example: `govgraph plans --series 坪山区 --year 2023 --json`
    """
    res = _run(plans_view, _ctx(store, neo4j).store, series=series, year=year)
    if as_json:
        _print_json(res)
        return
    t = Table("year", "status", "plan", "follow-up")
    for p in res["plans"]:
        t.add_row(str(p["year"]), p["status"], p["text"][:60], (p["delivery"][0]["text"][:60] if p["delivery"] else ""))
    out.print(t)


@app.command()
@_guard
def diff(report_a: str = typer.Argument(..., help="Report id or file name."),
         report_b: str = typer.Argument(..., help="Report id or file name."),
         store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """Entities added, dropped and kept between two reports, by label.

    Example: `govgraph diff 2023年坪山区政府工作报告_2023.txt 2024年坪山区政府工作报告_2024.txt --json`
    """
    res = _run(diff_view, _ctx(store, neo4j).store, report_a, report_b)
    if as_json:
        _print_json(res)
        return
    t = Table("label", "added", "dropped", "kept")
    for lab in sorted(set(res["added"]) | set(res["dropped"]) | set(res["kept"])):
        t.add_row(lab, str(len(res["added"].get(lab, []))), str(len(res["dropped"].get(lab, []))),
                  str(len(res["kept"].get(lab, []))))
    out.print(t)


@app.command()
@_guard
def timeline(entity: str = typer.Argument(..., help="Entity id (see `govgraph entities`)."),
             store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """The years and reports that mention an entity.

    Example: `govgraph timeline place-0123456789abcdef --json`
    """
    res = _run(timeline_view, _ctx(store, neo4j).store, entity)
    if as_json:
        _print_json(res)
        return
    t = Table("year", "file", "mentions")
    for p in res["points"]:
        t.add_row(str(p["year"]), p["file"], str(p["mentions"]))
    out.print(t)


@eval_app.command("time")
def eval_time(gold: Path = typer.Option(Path("tests/gold/time"), help="Gold folder."),
              split: str = typer.Option("dev", help="dev, test, test2, test3 (held-out sets annotated after "
                                        "the first test run and in the fourth session) or all."),
              corpus: Optional[list[Path]] = typer.Option(None, help="Folders holding the gold reports "
                                                          "(default: ../shared/corpus-extra and ../shared/corpus)."),
              no_embed: bool = typer.Option(False, "--no-embed", help="Store no passage vectors: follow-up "
                                            "by shared words only, search by BM25."),
              as_json: bool = JsonOpt):
    """Indicator recall and precision, plan recall, follow-up accuracy and `reported` precision, and time
    questions with every year's evidence in the top 5, against tests/gold/time.

    Example: `govgraph eval time --split test`
    """
    from govgraph.graph.time.evaluate import evaluate, format_table
    from govgraph.ingest.pipeline import build_batch
    if not gold.is_dir():
        _fail(f"gold folder {gold} not found", EXIT_USAGE)
    if split not in ("dev", "test", "test2", "test3", "all"):
        _fail(f"--split: must be dev, test, test2, test3 or all, got {split!r}", EXIT_USAGE)
    from govgraph.graph.embedder import CachedEmbedder
    res = evaluate(gold, build_batch, split=split, roots=corpus or None,
                   search_for=lambda folder: _ctx(str(folder), None).search,
                   embedder=None if no_embed else CachedEmbedder())
    if as_json:
        _print_json(res)
    else:
        out.print(format_table(res), highlight=False)
