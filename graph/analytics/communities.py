"""Communities of the entity graph by Louvain modularity (networkx), seeded for repeatability."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from govgraph.graph.store.base import GraphStore
from .to_networkx import analysis_graph, cached, state_key


@dataclass
class Community:
    index: int                 # 0 is the largest
    size: int
    members: list[str]         # node ids, most connected first
    labels: dict[str, int]     # label -> count
    top: list[dict[str, Any]] = field(default_factory=list)  # a few best-connected: id, label, name, degree

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def communities(store: GraphStore, resolution: float = 1.0, seed: int = 0, top: int = 5,
                min_size: int = 1, report: str | None = None) -> list[Community]:
    """Every entity in exactly one community (isolated ones alone), largest first.

    Edges weigh the number of relations between two entities, so a pair tied by several
    relations pulls harder than a single mention. With `report`, over the bounded subgraph of
    that report's entities and their neighbours (to_networkx.report_graph); else over the whole
    entity graph's topology.
    """
    if not isinstance(resolution, (int, float)) or resolution <= 0:
        raise ValueError(f"resolution must be a positive number, got {resolution!r}")
    if not isinstance(min_size, int) or min_size < 1:
        raise ValueError(f"min_size must be a positive integer, got {min_size!r}")
    key = state_key(store)
    g = analysis_graph(store, report, key)
    parts = cached(store, ("louvain", float(resolution), seed, report),
                   lambda: nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
                   if len(g) else [], key)
    out: list[Community] = []
    ordered = sorted(parts, key=lambda c: (-len(c), min(c)))
    for members in ordered:
        if len(members) < min_size:
            continue
        ranked = sorted(members, key=lambda n: (-g.degree(n), g.nodes[n].get("name", ""), n))
        out.append(Community(
            index=len(out), size=len(members), members=ranked,
            labels=dict(Counter(g.nodes[n].get("label", "") for n in members).most_common()),
            top=[{"id": n, "label": g.nodes[n].get("label"), "name": g.nodes[n].get("name"),
                  "degree": g.degree(n)} for n in ranked[:top]],
        ))
    return out
