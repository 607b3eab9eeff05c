"""HTTP routes of the time views: GET /series, /indicators, /plans, /diff, /timeline/{id}.

Same JSON as `govgraph series|indicators|plans|diff|timeline --json`; an unknown series, report or entity
is a 404 naming it.
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request

from govgraph.graph.time import NotFound, diff_view, indicators_view, plans_view, series_view, timeline_view

router = APIRouter(tags=["time"])


def _store(request: Request):
    return request.app.state.ctx.store


def _answer(fn, *args, **kw) -> dict:
    try:
        return fn(*args, **kw)
    except NotFound as e:
        raise HTTPException(404, str(e)) from e


def _ref():
    return Query(None, min_length=1, max_length=200)


def _year():
    return Query(None, ge=1900, le=2200)


@router.get("/series")
def series(request: Request) -> dict:
    return series_view(_store(request))


@router.get("/indicators")
def indicators(request: Request, series: Optional[str] = _ref(), q: Optional[str] = _ref(),
               year: Optional[int] = _year()) -> dict:
    return _answer(indicators_view, _store(request), series=series, q=q, year=year)


@router.get("/plans")
def plans(request: Request, series: Optional[str] = _ref(), year: Optional[int] = _year()) -> dict:
    return _answer(plans_view, _store(request), series=series, year=year)


@router.get("/diff")
def diff(request: Request, a: str = Query(..., min_length=1, max_length=200),
         b: str = Query(..., min_length=1, max_length=200)) -> dict:
    return _answer(diff_view, _store(request), a, b)


@router.get("/timeline/{entity_id}")
def timeline(request: Request, entity_id: str) -> dict:
    return _answer(timeline_view, _store(request), entity_id)
