"""The time vocabulary ingest writes; it lives in ingest.batch, the contract graph reads."""
from __future__ import annotations

from govgraph.ingest.batch import ACTUAL, INDICATOR as INDICATOR_LABEL, PLAN as PLAN_LABEL, TARGET

__all__ = ["ACTUAL", "INDICATOR_LABEL", "PLAN_LABEL", "TARGET"]
