"""Entity vectors read from the passages' own forward pass, at no model cost of their own.

Ingest used to embed one text per entity: its names and the first 80 characters of its first
evidence sentence. Those texts were 44% of the tokens ingest embedded (37k of 84k on the embedding
bench's three reports) and as much of its time, while every token of them had already gone through
the model inside its passage. Now an entity's vector pools the passage's last hidden states over
the same words: the first 80 characters of the first evidence sentence that names it, plus the
tokens of that name NAME_REPEATS times more. The tokens carry their passage's context, which the
old separate text did not.

Not the default (GOVGRAPH_ENTITY_VECTORS=span turns it on): on the whole gold, evidence MRR holds
(0.810 against 0.801) but answer hit@3 falls from 0.804 to 0.782, all of it English questions (0.830
-> 0.755): an English question meets an entity through its name's vector (ask's LOOKUP_BOOST and the
entity list of hybrid search), and a Chinese name's tokens inside a Chinese passage are farther from
English than the name embedded alone. Adding the names alone, embedded (~27% of the old entity tokens),
to the pooled vector did not bring them back (0.782).

Two kinds of entity keep the old text, because their passage does not hold what the text did: an
entity with an English name (the text carries `name_en`, which English questions meet), and one that
no evidence sentence names verbatim (a normalised name, 区政府 -> 深圳市福田区人民政府).
"""
from __future__ import annotations

import os
from enum import StrEnum

from govgraph.ingest.batch import GraphBatch, Node

CONTEXT_CHARS = 80  # as the old entity text's context (ingest/extract: ev.text[:80])
# The name's tokens count this many times more (the old text held the name once more). On the whole
# gold (17 reports, 198 questions), hybrid MRR / answer hit@3: 1 -> 0.798 / 0.774, 3 -> 0.810 / 0.782,
# 6 -> 0.812 / 0.782, 12 -> 0.808 / 0.774 (entity texts: 0.801 / 0.804).
NAME_REPEATS = 3


class EntityVectors(StrEnum):
    """How ingest gets an entity's vector: pooled from its passage (``span``) or its own text (``text``)."""
    SPAN = "span"
    TEXT = "text"


def configured_entity_vectors() -> EntityVectors:
    value = (os.environ.get("GOVGRAPH_ENTITY_VECTORS") or EntityVectors.TEXT).strip().lower()
    try:
        return EntityVectors(value)
    except ValueError:
        raise ValueError(f"GOVGRAPH_ENTITY_VECTORS must be one of {', '.join(e.value for e in EntityVectors)}, "
                         f"got {value!r}") from None


Span = tuple[int, tuple[tuple[int, int], ...]]  # passage index, character ranges in the passage's text


def entity_span(node: Node, passage_at: dict[str, int], passages) -> Span | None:
    """Where `node`'s vector is pooled from, or None when it needs its own text (see the module)."""
    if node.name_en:
        return None
    names = sorted({node.name, *node.aliases} - {""}, key=len, reverse=True)
    for ev in node.evidence:
        i = passage_at.get(ev.passage)
        if i is None:
            continue
        p = passages[i]
        s, e = ev.start - p.start, ev.end - p.start
        sentence = p.text[s:e]
        if sentence != ev.text:  # evidence from other text than this passage's: not ours to pool
            continue
        for name in names:
            at = sentence.find(name)
            if at >= 0:
                return i, ((s, min(e, s + CONTEXT_CHARS)),) + ((s + at, s + at + len(name)),) * NAME_REPEATS
    return None


def entity_spans(batch: GraphBatch, ids: list[str]) -> dict[str, Span]:
    """Entity id -> its span, for the entities of `ids` that have one."""
    passage_at = {p.id: i for i, p in enumerate(batch.passages)}
    nodes = {n.id: n for n in batch.nodes}
    out = {}
    for nid in ids:
        span = entity_span(nodes[nid], passage_at, batch.passages)
        if span is not None:
            out[nid] = span
    return out
