"""GET /foreign: the foreign-affairs view (ties on a world map, their network, a table with evidence)."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request

router = APIRouter(tags=["foreign"])


@router.get("/foreign")
def foreign(request: Request, home: Optional[str] = Query(None, max_length=200,
                                                         description="Node id of a Chinese place or agency; all when absent.")):
    """Every foreign tie (PARTNER_OF, and places reached through events), with coordinates where the
    gazetteer knows them, the network grouped by country, and each tie's evidence sentence."""
    from govgraph.graph.analytics.partners import foreign_view
    store = request.app.state.ctx.store
    if home is not None and store.get_node(home) is None:
        raise HTTPException(404, f"no entity with id '{home}'")
    return foreign_view(store, home).to_dict()
