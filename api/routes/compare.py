"""GET /compare?q=: one row per agency (or district, city, province) that does or plans a topic."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from govgraph.graph.search.aggregate import SCOPES, parse_years
from ..context import AppContext
from ..schemas import EvidenceRich
from .params import query_text


class MentionOut(EvidenceRich):
    """An evidence sentence with its report's year and title, and whether it tells a deed or a plan."""
    status: str


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


def router(ctx: AppContext) -> APIRouter:
    r = APIRouter(tags=["compare"])

    @r.get("/compare", response_model=CompareOut)
    def compare(q: str = query_text(ctx.settings),
                scope: Optional[str] = Query(None, pattern="^(" + "|".join(SCOPES) + ")$"),
                label: Optional[str] = Query(None, pattern="^(Agency|Place)$",
                                             description="Agency: rows are agencies; Place: districts."),
                years: Optional[str] = Query(None, max_length=20, description="e.g. 2018-2025")):
        """One row per agency (or district, city, province) whose reports do or plan the topic."""
        if scope is None and label is not None:
            scope = "agency" if label == "Agency" else "district"
        try:
            return ctx.compare.compare_text(q, scope, years=parse_years(years)).to_dict()
        except ValueError as e:
            raise HTTPException(422, str(e)) from e

    return r
