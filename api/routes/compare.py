"""GET /compare?q=: one row per agency (or district, city, province) that does or plans a topic."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from govgraph.graph.search.aggregate import SCOPES, parse_years

router = APIRouter(tags=["compare"])


class MentionOut(BaseModel):
    report: str
    file: str
    passage: str
    start: int
    end: int
    text: str
    year: Optional[int] = None
    status: str
    title: Optional[str] = None
    section: Optional[str] = None


class RowOut(BaseModel):
    id: str
    label: str
    name: str
    agencies: list[str] = Field(default_factory=list)
    count: int
    years: list[int]
    reports: list[str]
    status: list[str]
    evidence: list[MentionOut]


class CompareOut(BaseModel):
    topic: str
    scope: str
    terms: list[list[str]]
    matched_passages: int
    rows: list[RowOut]


@router.get("/compare", response_model=CompareOut)
def compare(request: Request,
            q: str = Query(..., min_length=1, max_length=2000, description="A topic or an aggregation question."),
            scope: Optional[str] = Query(None, pattern="^(" + "|".join(SCOPES) + ")$"),
            label: Optional[str] = Query(None, pattern="^(Agency|Place)$",
                                         description="Agency: rows are agencies; Place: districts."),
            years: Optional[str] = Query(None, max_length=20, description="e.g. 2018-2025")):
    ctx = request.app.state.ctx
    if scope is None and label is not None:
        scope = "agency" if label == "Agency" else "district"
    try:
        return ctx.compare.compare_text(q, scope, years=parse_years(years)).to_dict()
    except ValueError as e:
        raise HTTPException(422, str(e)) from e
