"""The named reports' own ranking: a query's lists read deeper and kept to the reports it names.

In the whole collection (155 reports) a question that names a place or a year (「天津技术合同成交额
目标」) competes with every other report's passages for the 50 places of each ranked list; its own
report's passage often stands below them all (whole-corpus dev half: 9 of the 38 misses had the gold
passage outside the fused head, at BM25 rank 65-1277). Ranked within the named reports alone, it
is near the top. The caller fuses these scoped lists with the global ones as more votes (a boost,
never a filter): a question about Shenzhen may still be answered by the province's report.
"""
from __future__ import annotations

from typing import Collection, Sequence

from govgraph.ingest.batch import report_of_passage


def within(ranked: Sequence[tuple[str, float]], reports: Collection[str], limit: int) -> list[tuple[str, float]]:
    """The first `limit` of `ranked` (passage id, score) whose passage belongs to one of `reports`."""
    out: list[tuple[str, float]] = []
    for pid, score in ranked:
        if report_of_passage(pid) in reports:
            out.append((pid, score))
            if len(out) >= limit:
                break
    return out
