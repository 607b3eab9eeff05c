"""GET /answer-graph and GET /entities/{id}/top-neighbours: the graph drawn after a question, and a
hub's neighbours 30 at a time (graph/analytics/answer_graph.py)."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request

from ..serialize import edge_out, node_out

router = APIRouter(tags=["graph"])


def _ids(raw: str, name: str, most: int = 200) -> list[str]:
    ids = [i for i in raw.split(",") if i]
    if len(ids) > most:
        raise HTTPException(422, f"{name}: at most {most} ids")
    return ids


def _out(sg) -> dict:
    return {"nodes": [node_out(n) for n in sg.nodes], "edges": [edge_out(e, 3) for e in sg.edges],
            "truncated": bool(sg.truncated)}


@router.get("/answer-graph")
def answer_graph(request: Request, ids: str = Query("", max_length=20000, description="Answer node ids, comma-separated."),
                 passages: str = Query("", max_length=20000, description="Evidence passage ids, comma-separated.")):
    """The answers and the entities named in their evidence passages, with the relations among them."""
    from govgraph.graph.analytics.answer_graph import answer_graph as build
    return _out(build(request.app.state.ctx.store, _ids(ids, "ids"), _ids(passages, "passages")))


@router.get("/entities/{entity_id}/top-neighbours")
def top_neighbours(request: Request, entity_id: str, offset: int = Query(0, ge=0),
                   limit: int = Query(30, ge=1, le=200)):
    """A node's neighbours ranked by evidence count, a page at a time; `total` counts them all."""
    from govgraph.graph.analytics.answer_graph import top_neighbours as page
    got = page(request.app.state.ctx.store, entity_id, offset, limit)
    if got is None:
        raise HTTPException(404, f"no entity with id '{entity_id}'")
    return {**_out(got.graph), "total": got.total, "offset": got.offset, "limit": got.limit}
