"""Query parameters and dependencies shared by the routers, and the helpers that shape their answers."""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import Header, HTTPException, Query

from govgraph.graph.store.base import Filters
from govgraph.graph.views import SHOWN_EVIDENCE
from govgraph.ingest.batch import ENTITY_LABELS, ROLES
from ..context import AppContext, Settings
from ..serialize import edge_out, node_out


# Factories, not shared objects: FastAPI binds a reused Query() to the first parameter's name.
def query_text(settings: Settings):
    return Query(..., min_length=1, max_length=settings.max_query_chars, description="Query text, Chinese or English.")


def top_k(settings: Settings):
    return Query(10, ge=1, le=settings.max_k)


def label_param():
    return Query(None, pattern="^(" + "|".join(ENTITY_LABELS) + ")$")


def role_param():
    return Query(None, pattern="^(" + "|".join(ROLES) + ")$")


def year_param():
    return Query(None, ge=1900, le=2200)


def short_param():
    return Query(None, max_length=200)


def filters(report: Optional[str] = short_param(), author: Optional[str] = short_param(),
            year: Optional[int] = year_param(), label: Optional[str] = label_param(),
            role: Optional[str] = role_param()) -> Filters:
    return Filters(report=report, author=author, year=year, label=label, role=role)


def token_guard(settings: Settings):
    """A dependency that lets a request write only with the configured bearer token."""
    def require_token(authorization: Optional[str] = Header(None)):
        token = settings.ingest_token
        if not token:
            raise HTTPException(403, "writing is disabled: set GOVGRAPH_INGEST_TOKEN to enable it")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required")
    return require_token


def node_or_404(ctx: AppContext, entity_id: str):
    n = ctx.store.get_node(entity_id)
    if n is None:
        raise HTTPException(404, f"no entity with id '{entity_id}'")
    return n


def brief_or_404(ctx: AppContext, entity_id: str):
    """The entity without its evidence (GraphStore.get_briefs), for views that show none."""
    found = ctx.store.get_briefs([entity_id])
    if not found:
        raise HTTPException(404, f"no entity with id '{entity_id}'")
    return found[0]


def report_or_404(ctx: AppContext, report_id: str):
    r = ctx.store.find_report(report_id)
    if r is None:
        raise HTTPException(404, f"no report '{report_id}'")
    return r


def parse_labels(s: str | None) -> list[str] | None:
    """A comma-separated `labels` parameter; an unknown name is a 422 naming it."""
    if not s:
        return None
    out = [x.strip() for x in s.split(",") if x.strip()]
    bad = [x for x in out if x not in ENTITY_LABELS]
    if bad:
        raise HTTPException(422, f"labels: unknown label(s) {', '.join(bad)}")
    return out


def subgraph_out(sg) -> dict:
    return {"nodes": [node_out(n) for n in sg.nodes], "edges": [edge_out(e, SHOWN_EVIDENCE) for e in sg.edges],
            "truncated": bool(sg.truncated)}
