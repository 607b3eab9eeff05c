"""The web UI: its page at / and its static files."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles

WEB = Path(__file__).resolve().parents[2] / "web"


def mount_static(app: FastAPI) -> None:
    if (WEB / "static").is_dir():
        app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")


def router() -> APIRouter:
    r = APIRouter()

    @r.get("/", include_in_schema=False)
    def index():
        page = WEB / "index.html"
        if not page.exists():
            return PlainTextResponse("govgraph API is running; the web UI is not built. See /docs.")
        return FileResponse(page, media_type="text/html")

    return r
