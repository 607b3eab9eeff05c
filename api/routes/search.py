"""GET /search and GET /ask: passages for a query, entities answering a question."""
from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query

from govgraph.graph.store.base import Filters
from .. import schemas as S
from ..context import AppContext
from .params import filters, query_text, top_k


def router(ctx: AppContext) -> APIRouter:
    r = APIRouter()
    settings = ctx.settings

    @r.get("/search", response_model=S.SearchOut)
    def search(q: str = query_text(settings), k: int = top_k(settings), f: Filters = Depends(filters),
               mode: str = Query("hybrid", pattern="^(hybrid|bm25|vector)$")):
        try:
            return ctx.search.search(q, k=k, filters=f, mode=mode).to_dict()
        except ValueError as e:  # the service names the parameter it refused
            raise HTTPException(422, str(e)) from e

    @r.get("/ask", response_model=S.AggregateAskOut | S.AskOut)
    def ask(q: str = query_text(settings), k: int = top_k(settings), f: Filters = Depends(filters)):
        try:
            return ctx.search.ask(q, k=k, filters=f).to_dict()
        except ValueError as e:
            raise HTTPException(422, str(e)) from e

    return r
