"""The HTTP API and the web UI, over one store.

Every error is `application/problem+json`; user input never yields a 500.
"""
from __future__ import annotations

import hmac
import threading
import logging
import shutil
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from govgraph.graph.store.base import Filters, StoreError, StoreUnavailable
from govgraph.ingest.batch import ENTITY_LABELS, ROLES
from . import schemas as S
from .context import Context, Settings
from .routes import answer_graph as answer_graph_routes
from .routes import foreign as foreign_routes
from .serialize import edge_out, node_out

log = logging.getLogger("govgraph.api")
WEB = Path(__file__).resolve().parent.parent / "web"
PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str = "") -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail},
                        status_code=status, media_type=PROBLEM)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    ctx = Context(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warm:
            # Off the event loop: /health answers while the model and dictionaries load.
            threading.Thread(target=ctx.warm, name="govgraph-warm", daemon=True).start()
        yield
        ctx.close()

    problem_doc = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    errors = {400: "Not possible on this store", 401: "Token missing or wrong", 403: "Writing is disabled",
              404: "Unknown id", 413: "Upload too large", 422: "Invalid parameter", 503: "Store unavailable"}
    app = FastAPI(title="govgraph", version="0.1.0", lifespan=lifespan,
                  description="Knowledge graph and semantic search over Chinese government reports. "
                              "Every node and edge carries the report, passage and offsets it came from.",
                  responses={code: {"model": S.Problem, "description": text, "content": problem_doc}
                             for code, text in errors.items()})
    app.state.ctx = ctx
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Authorization", "Content-Type"])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        titles = {404: "Not found", 405: "Method not allowed", 413: "Payload too large",
                  401: "Unauthorized", 403: "Forbidden", 422: "Invalid parameter", 400: "Bad request"}
        return problem(exc.status_code, titles.get(exc.status_code, "Error"), str(exc.detail or ""))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{loc}: {e.get('msg')}")
        return problem(422, "Invalid parameter", "; ".join(parts))

    @app.exception_handler(StoreUnavailable)
    async def _down(request: Request, exc: StoreUnavailable):
        return problem(503, "Store unavailable", str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError):
        return problem(503, "Store error", str(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return problem(500, "Internal error", "the server hit an unexpected error; it has been logged")

    def store():
        return ctx.store

    # Factories, not shared objects: FastAPI binds a reused Query() to the first parameter's name.
    max_q = settings.max_query_chars

    def Q():
        return Query(..., min_length=1, max_length=max_q, description="Query text, Chinese or English.")

    def K():
        return Query(10, ge=1, le=settings.max_k)

    def Label():
        return Query(None, pattern="^(" + "|".join(ENTITY_LABELS) + ")$")

    def Role():
        return Query(None, pattern="^(" + "|".join(ROLES) + ")$")

    def Year():
        return Query(None, ge=1900, le=2200)

    def Short():
        return Query(None, max_length=200)

    def filters(report: Optional[str] = Short(), author: Optional[str] = Short(), year: Optional[int] = Year(),
                label: Optional[str] = Label(), role: Optional[str] = Role()) -> Filters:
        return Filters(report=report, author=author, year=year, label=label, role=role)

    # -- pages -------------------------------------------------------------------------
    if (WEB / "static").is_dir():
        app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        page = WEB / "index.html"
        if not page.exists():
            return PlainTextResponse("govgraph API is running; the web UI is not built. See /docs.")
        return FileResponse(page, media_type="text/html")

    # -- reading -----------------------------------------------------------------------
    @app.get("/health", response_model=S.Health)
    def health():
        s = store().stats()
        return {"status": "ok", "store": store().kind, "reports": s["reports"], "passages": s["passages"],
                "nodes": sum(s["nodes"].values()), "edges": sum(s["edges"].values()), "model": store().model}

    @app.get("/stats", response_model=S.Stats)
    def stats():
        return store().stats()

    @app.get("/search", response_model=S.SearchOut)
    def search(q: str = Q(), k: int = K(), f: Filters = Depends(filters),
               mode: str = Query("hybrid", pattern="^(hybrid|bm25|vector)$")):
        try:
            return ctx.search.search(q, k=k, filters=f, mode=mode).to_dict()
        except ValueError as e:  # the service names the parameter it refused
            raise HTTPException(422, str(e)) from e

    @app.get("/ask", response_model=S.AskOut)
    def ask(q: str = Q(), k: int = K(), f: Filters = Depends(filters)):
        try:
            return ctx.search.ask(q, k=k, filters=f).to_dict()
        except ValueError as e:
            raise HTTPException(422, str(e)) from e

    @app.get("/entities", response_model=S.EntityPage)
    def entities(label: Optional[str] = Label(), report: Optional[str] = Short(), year: Optional[int] = Year(),
                 prefix: Optional[str] = Short(), offset: int = Query(0, ge=0, le=1_000_000),
                 limit: int = Query(50, ge=1, le=500)):
        total, items = store().find_nodes(label, report, year, prefix, offset, limit)
        return {"total": total, "offset": offset, "limit": limit,
                "items": [{**node_out(n), "degree": len(store().edges_of(n.id))} for n in items]}

    def _node_or_404(entity_id: str):
        n = store().get_node(entity_id)
        if n is None:
            raise HTTPException(404, f"no entity with id '{entity_id}'")
        return n

    @app.get("/entities/{entity_id}", response_model=S.EntityOut)
    def entity(entity_id: str):
        n = _node_or_404(entity_id)
        edges = store().edges_of(n.id)
        other_ids = list({e.target if e.source == n.id else e.source for e in edges})
        others = {o.id: o for o in store().get_nodes(other_ids)}
        neighbors: dict[str, list] = {}
        for e in edges:
            out_dir = e.source == n.id
            o = others.get(e.target if out_dir else e.source)
            if o is not None:
                neighbors.setdefault(e.type, []).append(
                    {"id": o.id, "label": o.label, "name": o.name, "direction": "out" if out_dir else "in"})
        reports = {r.id: r for r in store().reports()}
        pas = {p.id: p for p in store().get_passages(list({ev.passage for ev in n.evidence}))}
        evidence = []
        for ev in n.evidence:
            p, r = pas.get(ev.passage), reports.get(ev.report)
            evidence.append({**ev.to_dict(), "title": r.title if r else None,
                             "section": p.section if p else None, "year": p.year if p else None})
        return {**node_out(n), "evidence": evidence, "neighbors": neighbors}

    @app.get("/entities/{entity_id}/neighbors", response_model=S.SubgraphOut)
    def neighbors(entity_id: str, depth: int = Query(1, ge=1, le=settings.max_depth),
                  labels: Optional[str] = Query(None, max_length=200),
                  limit: int = Query(300, ge=1, le=2000)):
        from govgraph.graph.analytics.ego import ego_network
        _node_or_404(entity_id)
        sg = ego_network(store(), entity_id, depth=depth, labels=_labels(labels), max_nodes=limit)
        return _subgraph(sg)

    @app.get("/subgraph", response_model=S.SubgraphOut)
    def subgraph(ids: Optional[str] = Query(None, max_length=20000), report: Optional[str] = Short(),
                 year: Optional[int] = Year(), labels: Optional[str] = Query(None, max_length=200),
                 role: Optional[str] = Role(), limit: int = Query(300, ge=1, le=2000)):
        from govgraph.graph.views import among, overview
        if ids:
            sg = among(store(), [i for i in ids.split(",") if i], limit=limit)
        else:
            sg = overview(store(), report=report, year=year, labels=_labels(labels), role=role, limit=limit)
        return _subgraph(sg)

    @app.get("/paths", response_model=S.PathsOut)
    def paths(source: str = Query(..., max_length=200), target: str = Query(..., max_length=200),
              max_len: int = Query(6, ge=1, le=10)):
        from govgraph.graph.analytics.paths import shortest_paths
        _node_or_404(source)
        _node_or_404(target)
        try:
            found = shortest_paths(store(), source, target, max_len=max_len)
        except ValueError as e:
            raise HTTPException(422, str(e)) from e
        out = []
        for p in found:
            out.append({"nodes": [node_out(n) for n in p.nodes],
                        "edges": [edge_out(e, 3) for h in p.hops for e in h.edges]})
        return {"paths": out}

    @app.get("/partners", response_model=S.SubgraphOut)
    def partners():
        from govgraph.graph.analytics.partners import partner_network
        return _subgraph(partner_network(store()))

    app.include_router(foreign_routes.router)
    app.include_router(answer_graph_routes.router)

    @app.get("/reports", response_model=S.ReportList)
    def reports():
        items = []
        for r in sorted(store().reports(), key=lambda r: r.file):
            items.append({**r.to_dict(), "passages": len(store().passages_of(r.id))})
        return {"items": items}

    @app.get("/reports/{report_id}", response_model=S.ReportOut)
    def report(report_id: str):
        r = store().find_report(report_id)
        if r is None:
            raise HTTPException(404, f"no report '{report_id}'")
        passages = store().passages_of(r.id)
        text = store().report_text(r.id)
        in_p = store().nodes_in_passages([p.id for p in passages])
        nodes = {n.id: n for n in store().get_nodes(list({i for ids in in_p.values() for i in ids}))}
        mentions, seen = [], set()
        for n in nodes.values():
            for ev in n.evidence:
                if ev.report == r.id and (n.id, ev.start) not in seen:
                    seen.add((n.id, ev.start))
                    s, e = _name_span(text, ev, n)
                    mentions.append({"entity": n.id, "label": n.label, "name": n.name, "start": s, "end": e})
        mentions.sort(key=lambda m: (m["start"], -m["end"]))
        return {**r.to_dict(), "passages": [p.to_dict() for p in passages], "text": text,
                "mentions": mentions}

    @app.get("/export", response_class=Response,
             responses={200: {"description": "The graph as a file",
                              "content": {"application/x-ndjson": {"schema": {"type": "string"}},
                                          "application/xml": {"schema": {"type": "string"}},
                                          "text/plain": {"schema": {"type": "string"}}}}})
    def export(format: str = Query("jsonl", pattern="^(jsonl|graphml|cypher)$")):
        import io
        from govgraph.graph.export import export as do_export
        buf = io.StringIO()
        do_export(store(), format, buf)
        media = {"jsonl": "application/x-ndjson", "graphml": "application/xml", "cypher": "text/plain"}[format]
        return Response(buf.getvalue(), media_type=media + "; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="govgraph.{format}"'})

    # -- writing (token-protected) -----------------------------------------------------
    def require_token(authorization: Optional[str] = Header(None)):
        token = settings.ingest_token
        if not token:
            raise HTTPException(403, "writing is disabled: set GOVGRAPH_INGEST_TOKEN to enable it")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required")

    @app.post("/ingest", response_model=S.IngestOut, dependencies=[Depends(require_token)])
    async def ingest(files: list[UploadFile] = File(...)):
        from .ingest_service import ingest_paths
        from .uploads import save_uploads
        tmp = Path(tempfile.mkdtemp(prefix="govgraph-upload-"))
        try:
            saved = await save_uploads(files, tmp, settings.max_upload_bytes)

            def work():
                # Reuse the loaded model; an empty store starts with the default one, a store
                # built without vectors stays without.
                embedder = ctx.embedder or (ctx.new_embedder() if not store().reports() else None)
                return ingest_paths(store(), saved, embedder=embedder)
            # Parsing and embedding take seconds of CPU: off the event loop, so readers keep being answered.
            summary = await run_in_threadpool(work)
            ctx.refresh()
            return summary.to_dict()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @app.delete("/reports/{report_id}", response_model=S.RemovedOut, dependencies=[Depends(require_token)])
    def delete_report(report_id: str):
        r = store().find_report(report_id)
        if r is None:
            raise HTTPException(404, f"no report '{report_id}'")
        store().remove_report(r.id)
        store().flush()
        ctx.refresh()
        return {"removed": r.id, "file": r.file}

    @app.post("/cypher", response_model=S.CypherOut)
    def cypher(body: S.CypherIn):
        from govgraph.graph.store.readonly_cypher import CypherRefused, run_read_only
        if store().kind != "neo4j":
            raise HTTPException(400, "Cypher queries need the Neo4j store (start with --neo4j)")
        try:
            return run_read_only(store(), body.query, body.params)
        except CypherRefused as e:
            raise HTTPException(422, f"query refused: {e}") from e

    return app


def _labels(s: str | None) -> list[str] | None:
    if not s:
        return None
    out = [x.strip() for x in s.split(",") if x.strip()]
    bad = [x for x in out if x not in ENTITY_LABELS]
    if bad:
        raise HTTPException(422, f"labels: unknown label(s) {', '.join(bad)}")
    return out


def _subgraph(sg) -> dict:
    return {"nodes": [node_out(n) for n in sg.nodes], "edges": [edge_out(e, 3) for e in sg.edges],
            "truncated": bool(sg.truncated)}


def _name_span(text: str, ev, node) -> tuple[int, int]:
    """Mark the name inside the evidence sentence when it is there, else the whole evidence."""
    for name in (node.name, *node.aliases):
        i = ev.text.find(name)
        if i >= 0:
            return ev.start + i, ev.start + i + len(name)
    return ev.start, ev.end
