"""The store as a whole: health, counts, export, and read-only Cypher on Neo4j."""
from __future__ import annotations

import io

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from .. import schemas as S
from ..context import AppContext

_EXPORT_MEDIA = {"jsonl": "application/x-ndjson", "graphml": "application/xml", "cypher": "text/plain"}
_EXPORT_DOC = {200: {"description": "The graph as a file",
                     "content": {media: {"schema": {"type": "string"}} for media in _EXPORT_MEDIA.values()}}}


def router(ctx: AppContext) -> APIRouter:
    r = APIRouter()

    @r.get("/health", response_model=S.Health)
    def health():
        store = ctx.store
        s = store.stats()
        return {"status": "ok", "store": store.kind, "reports": s["reports"], "passages": s["passages"],
                "nodes": sum(s["nodes"].values()), "edges": sum(s["edges"].values()), "model": store.model,
                "generation": store.version, "warm": ctx.warmed.is_set()}

    @r.get("/stats", response_model=S.Stats)
    def stats():
        return ctx.store.stats()

    @r.get("/export", response_class=Response, responses=_EXPORT_DOC)
    def export(format: str = Query("jsonl", pattern="^(jsonl|graphml|cypher)$")):
        from govgraph.graph.export import export as do_export
        buf = io.StringIO()
        do_export(ctx.store, format, buf)
        return Response(buf.getvalue(), media_type=_EXPORT_MEDIA[format] + "; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="govgraph.{format}"'})

    @r.post("/cypher", response_model=S.CypherOut)
    def cypher(body: S.CypherIn):
        from govgraph.graph.store.readonly_cypher import CypherRefused, run_read_only
        if ctx.store.kind != "neo4j":
            raise HTTPException(400, "Cypher queries need the Neo4j store (start with --neo4j)")
        try:
            return run_read_only(ctx.store, body.query, body.params)
        except CypherRefused as e:
            raise HTTPException(422, f"query refused: {e}") from e

    return r
