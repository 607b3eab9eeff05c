"""Embeddings for one batch: its passages and its entities, through the content-hash cache."""
from __future__ import annotations

import numpy as np

from govgraph.ingest.batch import GraphBatch
from .embed.entity_spans import EntityVectors, configured_entity_vectors, entity_spans
from .store.base import Vectors


def vectors_for(batch: GraphBatch, embedder, show_progress: bool = False) -> Vectors:
    """`embedder` is a graph.embed.CachedEmbedder; unchanged text costs a cache lookup only.
    Each entity embeds its own text; with GOVGRAPH_ENTITY_VECTORS=span, entity vectors are pooled
    from their passages where they can be (graph/embed/entity_spans.py: faster, but not the default,
    as English answers fell there)."""
    ptexts = [p.text for p in batch.passages]
    ids = [n.id for n in batch.nodes if n.id in batch.entity_texts]
    spans = (entity_spans(batch, ids)
             if ids and configured_entity_vectors() is EntityVectors.SPAN and embedder.spans_supported else {})
    if spans:
        spanned = list(spans)
        pvec, svec = embedder.passages_with_spans(ptexts, [spans[i] for i in spanned])
        vec_of = dict(zip(spanned, svec))
    else:
        pvec, vec_of = embedder.passages(ptexts, show_progress=show_progress), {}
    rest = [i for i in ids if i not in vec_of]
    if rest:
        vec_of.update(zip(rest, embedder.passages([batch.entity_texts[i] for i in rest], show_progress=False)))
    evec = np.stack([vec_of[i] for i in ids]).astype(np.float32) if ids else None
    return Vectors(model=embedder.name, passages=np.asarray(pvec, dtype=np.float32),
                   entity_ids=ids, entities=evec)
