"""Store objects -> the JSON shapes of API_SPEC.md."""
from __future__ import annotations

from govgraph.graph.store.merge import edge_id
from govgraph.ingest.batch import Edge, Node


def node_out(n: Node) -> dict:
    return {"id": n.id, "label": n.label, "name": n.name, "aliases": list(n.aliases),
            "name_en": n.name_en, "props": dict(n.props)}


def edge_out(e: Edge, max_evidence: int | None = None) -> dict:
    ev = e.evidence if max_evidence is None else e.evidence[:max_evidence]
    return {"id": edge_id(e), "source": e.source, "target": e.target, "type": e.type,
            "props": dict(e.props), "evidence": [x.to_dict() for x in ev]}

