"""Time-aware extraction: indicator points (targets and results) and plan items, as typed batch nodes.

Indicator points and plan items travel in the batch as nodes of the labels `Indicator` and `Plan`, each
with the evidence span it was read from, so both stores keep them through the ordinary node contract
and removing a report removes them. Joining years (series, follow-up of plans) is the graph side's job
(govgraph.graph.time), which reads these nodes back.
"""
from __future__ import annotations

from .indicators import find_indicators
from .plans import find_plans

__all__ = ["find_indicators", "find_plans", "time_nodes"]


def time_nodes(text, passages, report, tokens=None):
    """The Indicator and Plan nodes of one report (`tokens`: the batch's passage tokens, to reuse)."""
    return [*find_indicators(text, passages, report), *find_plans(text, passages, report, tokens)]
