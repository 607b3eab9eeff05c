"""`export --format jsonl --with-vectors`: the jsonl export plus what a store needs to take the
collection in without re-reading or re-embedding the reports (`govgraph import`).

The first line names the format and the embedding model; Passage and entity records gain an
`embedding` (a list of floats, float32 values written exactly). Without vectors in the store the
file is the plain jsonl export behind the same first line.
"""
from __future__ import annotations

import json

from govgraph.graph.store.base import GraphStore
from .output import text_output
from .records import GraphRecords, collect

FORMAT_NAME = "govgraph-jsonl"
FORMAT_VERSION = 1
DOCUMENT_LABELS = ("Report", "Passage")


def meta_record(model: str | None) -> dict:
    return {"kind": "meta", "format": FORMAT_NAME, "version": FORMAT_VERSION, "model": model}


def attach_vectors(records: GraphRecords, store: GraphStore) -> int:
    """Put each stored embedding on its node record; returns how many."""
    passages = [r for r in records.nodes if r["label"] == "Passage"]
    entities = [r for r in records.nodes if r["label"] not in DOCUMENT_LABELS]
    n = 0
    for recs, lookup in ((passages, store.passage_vectors), (entities, store.entity_vectors)):
        found = lookup([r["id"] for r in recs])
        for r in recs:
            v = found.get(r["id"])
            if v is not None:
                r["embedding"] = [float(x) for x in v]
                n += 1
    return n


def write_jsonl_with_vectors(store: GraphStore, out) -> dict[str, int]:
    records = collect(store)
    vectors = attach_vectors(records, store)
    with text_output(out) as f:
        f.write(json.dumps(meta_record(store.model if vectors else None), ensure_ascii=False) + "\n")
        for rec in (*records.nodes, *records.edges):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return {"nodes": len(records.nodes), "edges": len(records.edges), "vectors": vectors}
