"""The HTTP routes, one module per resource; each exposes `router(ctx) -> APIRouter`.

Routers are built per app because parameter limits (max k, max depth) come from its Settings.
"""
