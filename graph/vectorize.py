"""Embeddings for one batch: its passages and its entities, through the content-hash cache.

An entity's vector is its names (name, aliases, English name) embedded, added to the vector of the
passage its first evidence is in, and normalised. Before, the names and the first 80 characters of
that evidence sentence were embedded as one text: half the tokens ingest embedded were these
contexts (39.5k of 87k on three reports), and a context is already inside a passage that is
embedded anyway. Names alone are short and repeat across reports, so the cache serves most of them
after the first reports. On the search gold (17 reports, 198 questions) this keeps hybrid MRR
within 0.01 of the embedded-context vectors; the figures are in docs/embedding.md.
"""
from __future__ import annotations

import numpy as np

from govgraph.ingest.batch import GraphBatch, Node
from .store.base import Vectors


def name_text(node: Node) -> str:
    """What is embedded for an entity itself: its names, as a reader would search for it."""
    return " ".join(x for x in (node.name, *node.aliases, node.name_en or "") if x)


def entity_vectors(batch: GraphBatch, passage_vectors: np.ndarray, nodes: list[Node], embedder) -> np.ndarray:
    """Names embedded (cached by content) plus the vector of the first evidence's passage, normalised."""
    names = embedder.passages([name_text(n) for n in nodes], show_progress=False)
    row = {p.id: i for i, p in enumerate(batch.passages)}
    context = np.stack([passage_vectors[row[n.evidence[0].passage]] for n in nodes])
    out = np.asarray(names, dtype=np.float32) + context
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def vectors_for(batch: GraphBatch, embedder, show_progress: bool = False) -> Vectors:
    """`embedder` is a graph.embed.CachedEmbedder; unchanged text costs a cache lookup only."""
    ptexts = [p.text for p in batch.passages]
    pvec = np.asarray(embedder.passages(ptexts, show_progress=show_progress), dtype=np.float32)
    nodes = [n for n in batch.nodes if n.id in batch.entity_texts]
    evec = entity_vectors(batch, pvec, nodes, embedder) if nodes else None
    return Vectors(model=embedder.name, passages=pvec, entity_ids=[n.id for n in nodes], entities=evec)
