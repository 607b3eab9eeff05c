"""Plan items read back from Plan nodes: node.evidence[i] is item i's sentence, props["keys"][i] its keys."""
from __future__ import annotations

from dataclasses import dataclass

from govgraph.ingest.batch import Evidence, Node


@dataclass(frozen=True)
class PlanItem:
    id: str          # "<plan node id>:<i>"
    year: int | None
    keys: tuple[str, ...]
    evidence: Evidence


def plan_items(node: Node) -> list[PlanItem]:
    keys = node.props.get("keys") or []
    year = node.props.get("year")
    out = []
    for i, ev in enumerate(node.evidence):
        words = tuple(keys[i].split()) if i < len(keys) else ()
        out.append(PlanItem(f"{node.id}:{i}", year, words, ev))
    return out
