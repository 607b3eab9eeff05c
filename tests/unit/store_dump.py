"""Everything a reader can ask an embedded store, as plain data: two stores holding the same reports
must give equal dumps however their index was made (a full build or extended, index_append.py)."""
from __future__ import annotations

import json

import numpy as np

from govgraph.graph.store.base import Filters
from govgraph.graph.store.embedded import EmbeddedStore


def _round(hits):
    """Hits as their scores, best first, and the ids above the last score: equal scores (copies of
    one passage) come in row order, which follows write order in an extended index."""
    scores = [round(s, 4) for _, s in hits]
    last = scores[-1] if scores else None
    return scores, sorted(i for i, s in hits if round(s, 4) != last)


def dump(store: EmbeddedStore, queries: list[list[str]]) -> dict:
    reports = sorted(r.id for r in store.reports())
    nodes = sorted(store.iter_nodes(), key=lambda n: n.id)
    ids = [n.id for n in nodes]
    vec = store.passage_vectors([p.id for p in store.passages_of(reports[0])][:1])
    probe = next(iter(vec.values()), None)
    evec = store.entity_vectors(ids[:3])
    out = {
        "stats": store.stats(),
        "passages": {r: [p.to_dict() for p in store.passages_of(r)] for r in reports},
        "nodes": [n.to_dict() for n in nodes],
        "edges": sorted(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False) for e in store.iter_edges()),
        "degree_order": [n.id for n in store.find_nodes(limit=10_000)[1]],
        "mentions": store.nodes_in_passages([p.id for r in reports for p in store.passages_of(r)]),
        "entity_vectors": {k: np.round(v, 5).tolist() for k, v in sorted(evec.items())},
    }
    for r in reports:
        out[f"find report {r}"] = sorted(n.id for n in store.find_nodes(report=r, limit=10_000)[1])
    for n in nodes[:40]:
        out[f"prefix {n.name[:2]}"] = sorted(x.id for x in store.find_nodes(prefix=n.name[:2], limit=10_000)[1])
    years = sorted({p["year"] for ps in out["passages"].values() for p in ps if p["year"] is not None})
    for y in years:
        out[f"year {y}"] = sorted(n.id for n in store.find_nodes(year=y, limit=10_000)[1])
    for role in ("achievement", "plan", "problem", "other"):
        out[f"role {role}"] = sorted(n.id for n in store.find_nodes(role=role, limit=10_000)[1])
    for q in queries:
        key = " ".join(q)
        out[f"bm25 {key}"] = _round(store.lexical_search("", q, 20))
        out[f"bm25 {key} in {reports[-1]}"] = _round(store.lexical_search("", q, 20, Filters(report=reports[-1])))
        out[f"terms {key}"] = {t: len(rows)
                               for t, rows in store.term_passages(q).items()}
    if probe is not None:
        out["vector"] = _round(store.vector_search(probe, 20))
        for label in sorted({n.label for n in nodes}):
            out[f"vector label {label}"] = _round(store.vector_search(probe, 10, Filters(label=label)))
            out[f"entities {label}"] = _round(store.entity_vector_search(probe, 10, label))
        out["entities"] = _round(store.entity_vector_search(probe, 20))
    return out
