"""Every error the HTTP API sends is `application/problem+json` (RFC 9457); user input never yields a 500."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from govgraph.graph.store.base import StoreError, StoreUnavailable
from . import schemas as S

log = logging.getLogger("govgraph.api")
PROBLEM = "application/problem+json"

# The error statuses every route may answer with, as the OpenAPI document lists them.
ERROR_DESCRIPTIONS = {400: "Not possible on this store", 401: "Token missing or wrong", 403: "Writing is disabled",
                      404: "Unknown id", 413: "Upload too large", 422: "Invalid parameter",
                      503: "Store unavailable"}
_TITLES = {404: "Not found", 405: "Method not allowed", 413: "Payload too large",
           401: "Unauthorized", 403: "Forbidden", 422: "Invalid parameter", 400: "Bad request"}


def problem(status: int, title: str, detail: str = "") -> JSONResponse:
    return JSONResponse({"type": "about:blank", "title": title, "status": status, "detail": detail},
                        status_code=status, media_type=PROBLEM)


def error_responses() -> dict:
    """FastAPI's `responses=` for the app: each error status documented as a Problem."""
    doc = {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {code: {"model": S.Problem, "description": text, "content": doc}
            for code, text in ERROR_DESCRIPTIONS.items()}


async def _http(request: Request, exc: StarletteHTTPException):
    return problem(exc.status_code, _TITLES.get(exc.status_code, "Error"), str(exc.detail or ""))


async def _invalid(request: Request, exc: RequestValidationError):
    parts = []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
        parts.append(f"{loc}: {e.get('msg')}")
    return problem(422, "Invalid parameter", "; ".join(parts))


async def _down(request: Request, exc: StoreUnavailable):
    return problem(503, "Store unavailable", str(exc))


async def _store(request: Request, exc: StoreError):
    return problem(503, "Store error", str(exc))


async def _bug(request: Request, exc: Exception):
    log.exception("unhandled error on %s", request.url.path)
    return problem(500, "Internal error", "the server hit an unexpected error; it has been logged")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(StoreUnavailable, _down)
    app.add_exception_handler(StoreError, _store)
    app.add_exception_handler(Exception, _bug)
