"""Who is central: degree and betweenness centrality over the entity graph, ranked by label."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from govgraph.ingest.batch import ENTITY_LABELS
from govgraph.graph.store.base import GraphStore
from .to_networkx import analysis_graph, cached, state_key

MEASURES = ("degree", "betweenness")
# Exact betweenness is O(nodes x edges); above this many nodes it is estimated from a
# sample of source nodes (seeded, so the ranking is reproducible), as many as keep the
# work near SAMPLE_EDGE_BUDGET edge visits (one breadth-first search per source).
EXACT_BETWEENNESS_MAX_NODES = 3000
SAMPLE_EDGE_BUDGET = 2_000_000
SAMPLE_MIN, SAMPLE_MAX = 16, 500


@dataclass
class Ranked:
    id: str
    label: str
    name: str
    score: float
    degree: int  # distinct neighbours in the undirected graph

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _check(measure: str, label: str | None, top: int) -> None:
    if measure not in MEASURES:
        raise ValueError(f"unknown centrality measure {measure!r}; choose one of {', '.join(MEASURES)}")
    if label is not None and label not in ENTITY_LABELS:
        raise ValueError(f"unknown label {label!r}; choose one of {', '.join(ENTITY_LABELS)}")
    if not isinstance(top, int) or top < 1:
        raise ValueError(f"top must be a positive integer, got {top!r}")


def scores(store: GraphStore, measure: str = "degree", sample: int | None = None, seed: int = 0,
           report: str | None = None) -> dict[str, float]:
    """Centrality of every entity (cached per store state); with `report`, of the entities of
    that report's bounded subgraph (to_networkx.report_graph), measured within it.

    degree: neighbours / (n - 1) on the undirected graph. betweenness: normalised, on the
    undirected graph, exact up to EXACT_BETWEENNESS_MAX_NODES nodes, else estimated from
    `sample` seeded source nodes (default: as many as SAMPLE_EDGE_BUDGET allows).
    """
    _check(measure, None, 1)
    key = state_key(store)
    g = analysis_graph(store, report, key)
    if measure == "degree":
        return cached(store, ("centrality", "degree", report), lambda: nx.degree_centrality(g) if len(g) > 1
                      else {n: 0.0 for n in g}, key)
    n = g.number_of_nodes()
    if sample is not None:
        k = sample
    elif n <= EXACT_BETWEENNESS_MAX_NODES:
        k = None
    else:
        k = max(SAMPLE_MIN, min(SAMPLE_MAX, SAMPLE_EDGE_BUDGET // max(1, g.number_of_edges())))
    if k is not None:
        if k < 1:
            raise ValueError(f"sample must be a positive integer, got {sample!r}")
        k = min(k, n)
        if k == n:
            k = None
    return cached(store, ("centrality", "betweenness", k, seed, report),
                  lambda: nx.betweenness_centrality(g, k=k, seed=seed, normalized=True), key)


def top_central(store: GraphStore, measure: str = "degree", label: str | None = None, top: int = 20,
                sample: int | None = None, seed: int = 0, report: str | None = None) -> list[Ranked]:
    """The `top` entities by `measure`, optionally only those of `label`; ties by name."""
    _check(measure, label, top)
    key = state_key(store)
    g = analysis_graph(store, report, key)
    sc = scores(store, measure, sample, seed, report)
    rows = [(v, nid) for nid, v in sc.items() if label is None or g.nodes[nid].get("label") == label]
    rows.sort(key=lambda r: (-r[0], g.nodes[r[1]].get("name", ""), r[1]))
    return [Ranked(nid, g.nodes[nid].get("label", ""), g.nodes[nid].get("name", ""), float(v), g.degree(nid))
            for v, nid in rows[:top]]


def centrality_by_label(store: GraphStore, measure: str = "degree", top: int = 10,
                        sample: int | None = None, seed: int = 0, report: str | None = None) -> dict[str, list[Ranked]]:
    """For each entity label present, its `top` entities by `measure`."""
    _check(measure, None, top)
    g = analysis_graph(store, report)
    present = {d.get("label") for _, d in g.nodes(data=True)}
    return {lab: top_central(store, measure, lab, top, sample, seed, report) for lab in ENTITY_LABELS if lab in present}
