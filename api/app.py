"""The HTTP API and the web UI, over one store: the app is its routers (api/routes/, one per resource).

Every error is `application/problem+json` (api/errors.py); user input never yields a 500.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .context import AppContext, Settings
from .errors import error_responses, install_error_handlers
from .routes import admin, answer_graph, compare, entities, foreign, pages, reports, search
from .routes import time as time_routes

DESCRIPTION = ("Knowledge graph and semantic search over Chinese government reports. "
               "Every node and edge carries the report, passage and offsets it came from.")


def create_app(settings: Settings | None = None) -> FastAPI:
    ctx = AppContext(settings or Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if ctx.settings.warm:
            # Off the event loop: /health answers while the model and dictionaries load.
            threading.Thread(target=ctx.warm, name="govgraph-warm", daemon=True).start()
        yield
        ctx.close()

    app = FastAPI(title="govgraph", version="0.1.0", lifespan=lifespan, description=DESCRIPTION,
                  responses=error_responses())
    app.state.ctx = ctx
    if ctx.settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=ctx.settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Authorization", "Content-Type"])
    install_error_handlers(app)
    pages.mount_static(app)
    app.include_router(pages.router())
    app.include_router(admin.router(ctx))
    app.include_router(search.router(ctx))
    app.include_router(entities.router(ctx))
    app.include_router(reports.router(ctx))
    app.include_router(foreign.router)
    app.include_router(answer_graph.router)
    app.include_router(compare.router(ctx))
    app.include_router(time_routes.router)
    return app
