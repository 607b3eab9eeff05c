"""Embeddings for one batch: its passages and its entities, through the content-hash cache."""
from __future__ import annotations

import numpy as np

from govgraph.ingest.batch import GraphBatch
from .store.base import Vectors


def vectors_for(batch: GraphBatch, embedder, show_progress: bool = False) -> Vectors:
    """`embedder` is a graph.embed.CachedEmbedder; unchanged text costs a cache lookup only."""
    ptexts = [p.text for p in batch.passages]
    pvec = embedder.passages(ptexts, show_progress=show_progress)
    ids = [n.id for n in batch.nodes if n.id in batch.entity_texts]
    evec = embedder.passages([batch.entity_texts[i] for i in ids], show_progress=False) if ids else None
    return Vectors(model=embedder.name, passages=np.asarray(pvec, dtype=np.float32),
                   entity_ids=ids, entities=evec)
