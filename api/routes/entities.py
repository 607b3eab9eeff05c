"""The graph read by entity: listing, one entity with its evidence, neighbourhoods, subgraphs, paths."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query

from govgraph.graph.views import SHOWN_EVIDENCE
from govgraph.ingest.vocabulary import Direction
from .. import schemas as S
from ..context import AppContext
from ..serialize import edge_out, node_out
from .params import (brief_or_404, label_param, node_or_404, parse_labels, role_param, short_param, subgraph_out,
                     year_param)


def _neighbors(ctx: AppContext, n, edges) -> dict[str, list]:
    """The entity's neighbours grouped by relation type, each with the direction seen from `n`."""
    other_ids = list({e.target if e.source == n.id else e.source for e in edges})
    others = {o.id: o for o in ctx.store.get_nodes(other_ids)}
    neighbors: dict[str, list] = {}
    for e in edges:
        out_dir = e.source == n.id
        o = others.get(e.target if out_dir else e.source)
        if o is not None:
            neighbors.setdefault(e.type, []).append(
                {"id": o.id, "label": o.label, "name": o.name, "direction": Direction.OUT if out_dir else Direction.IN})
    return neighbors


def _rich_evidence(ctx: AppContext, n) -> list[dict]:
    """The entity's evidence with the title of its report and the section and year of its passage."""
    store = ctx.store
    reports = {r.id: r for r in store.reports()}
    pas = {p.id: p for p in store.get_passages(list({ev.passage for ev in n.evidence}))}
    evidence = []
    for ev in n.evidence:
        p, r = pas.get(ev.passage), reports.get(ev.report)
        evidence.append({**ev.to_dict(), "title": r.title if r else None,
                         "section": p.section if p else None, "year": p.year if p else None})
    return evidence


def router(ctx: AppContext) -> APIRouter:
    r = APIRouter()
    settings = ctx.settings

    @r.get("/entities", response_model=S.EntityPage)
    def entities(label: Optional[str] = label_param(), report: Optional[str] = short_param(),
                 year: Optional[int] = year_param(), prefix: Optional[str] = short_param(),
                 offset: int = Query(0, ge=0, le=1_000_000), limit: int = Query(50, ge=1, le=500)):
        total, items = ctx.store.find_briefs(label, report, year, prefix, offset, limit)
        return {"total": total, "offset": offset, "limit": limit,
                "items": [{**node_out(n), "degree": n.degree} for n in items]}

    @r.get("/entities/{entity_id}", response_model=S.EntityOut)
    def entity(entity_id: str):
        n = node_or_404(ctx, entity_id)
        neighbors = _neighbors(ctx, n, ctx.store.edges_of(n.id))
        return {**node_out(n), "evidence": _rich_evidence(ctx, n), "neighbors": neighbors}

    @r.get("/entities/{entity_id}/neighbors", response_model=S.SubgraphOut)
    def neighbors(entity_id: str, depth: int = Query(1, ge=1, le=settings.max_depth),
                  labels: Optional[str] = Query(None, max_length=200),
                  limit: int = Query(300, ge=1, le=2000)):
        from govgraph.graph.analytics.ego import ego_network
        brief_or_404(ctx, entity_id)
        sg = ego_network(ctx.store, entity_id, depth=depth, labels=parse_labels(labels), max_nodes=limit,
                         max_evidence=SHOWN_EVIDENCE)
        return subgraph_out(sg)

    @r.get("/subgraph", response_model=S.SubgraphOut)
    def subgraph(ids: Optional[str] = Query(None, max_length=20000), report: Optional[str] = short_param(),
                 year: Optional[int] = year_param(), labels: Optional[str] = Query(None, max_length=200),
                 role: Optional[str] = role_param(), limit: int = Query(300, ge=1, le=2000)):
        from govgraph.graph.views import among, overview
        if ids:
            sg = among(ctx.store, [i for i in ids.split(",") if i], limit=limit, max_evidence=SHOWN_EVIDENCE)
        else:
            sg = overview(ctx.store, report=report, year=year, labels=parse_labels(labels), role=role, limit=limit,
                          max_evidence=SHOWN_EVIDENCE)
        return subgraph_out(sg)

    @r.get("/paths", response_model=S.PathsOut)
    def paths(source: str = Query(..., max_length=200), target: str = Query(..., max_length=200),
              max_len: int = Query(6, ge=1, le=10)):
        from govgraph.graph.analytics.paths import shortest_paths
        brief_or_404(ctx, source)
        brief_or_404(ctx, target)
        try:
            found = shortest_paths(ctx.store, source, target, max_len=max_len, max_evidence=SHOWN_EVIDENCE)
        except ValueError as e:
            raise HTTPException(422, str(e)) from e
        return {"paths": [{"nodes": [node_out(n) for n in p.nodes],
                           "edges": [edge_out(e) for h in p.hops for e in h.edges]} for p in found]}

    @r.get("/partners", response_model=S.SubgraphOut)
    def partners():
        from govgraph.graph.analytics.partners import partner_network
        return subgraph_out(partner_network(ctx.store, max_evidence=SHOWN_EVIDENCE))

    return r
