"""Constraints and indexes of the Neo4j store, created idempotently on first connect.

Vector indexes wait for the first vectors written: their dimension comes from the model
that made them, not from a guess.
"""
from __future__ import annotations

from dataclasses import dataclass

from neo4j import Session

from .base import StoreError

PASSAGE_TEXT_INDEX = "govgraph_passage_text"
PASSAGE_WORDS_INDEX = "govgraph_passage_words"
ENTITY_NAME_INDEX = "govgraph_entity_names"
PASSAGE_VECTOR_INDEX = "govgraph_passage_embedding"
ENTITY_VECTOR_INDEX = "govgraph_entity_embedding"
STATEMENT_ORDER_INDEX = "govgraph_statement_key_report"
STATEMENT_PROPS_INDEX = "govgraph_statement_key_props"

# name -> statement; the names let a reconnect see at a glance what already exists.
_SCHEMA = {
    "govgraph_report_id": "CREATE CONSTRAINT govgraph_report_id IF NOT EXISTS FOR (r:Report) REQUIRE r.id IS UNIQUE",
    "govgraph_passage_id": "CREATE CONSTRAINT govgraph_passage_id IF NOT EXISTS FOR (p:Passage) REQUIRE p.id IS UNIQUE",
    "govgraph_entity_id": "CREATE CONSTRAINT govgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
    "govgraph_meta_id": "CREATE CONSTRAINT govgraph_meta_id IF NOT EXISTS FOR (m:GovgraphMeta) REQUIRE m.id IS UNIQUE",
    "govgraph_passage_report": "CREATE INDEX govgraph_passage_report IF NOT EXISTS FOR (p:Passage) ON (p.report)",
    "govgraph_report_sha": "CREATE INDEX govgraph_report_sha IF NOT EXISTS FOR (r:Report) ON (r.sha256)",
    "govgraph_report_file": "CREATE INDEX govgraph_report_file IF NOT EXISTS FOR (r:Report) ON (r.file)",
    "govgraph_entity_name": "CREATE INDEX govgraph_entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
    "govgraph_entity_label": "CREATE INDEX govgraph_entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label)",
    # A relation's statements (one per report that states it) are found by the relation's key.
    "govgraph_statement_key": "CREATE INDEX govgraph_statement_key IF NOT EXISTS FOR (s:Statement) ON (s.key)",
    # What views read of a relation's statements (neo4j_view_cypher.shown_parts), from the index
    # alone: its first statements in report order (a seek in index order, stopped after k + 1),
    # and the few that give props (a composite index holds only the nodes that have every one of
    # its properties: 80 of the 4x corpus's 241,916 statements). Without them a view read and
    # sorted every statement of each relation shown (docs/neo4j.md, session 11).
    STATEMENT_ORDER_INDEX: f"CREATE INDEX {STATEMENT_ORDER_INDEX} IF NOT EXISTS FOR (s:Statement) ON (s.key, s.report)",
    STATEMENT_PROPS_INDEX: f"CREATE INDEX {STATEMENT_PROPS_INDEX} IF NOT EXISTS FOR (s:Statement) ON (s.key, s.props)",
    # The cjk analyzer indexes Chinese as character bigrams, so no segmenter is needed here.
    PASSAGE_TEXT_INDEX: f"CREATE FULLTEXT INDEX {PASSAGE_TEXT_INDEX} IF NOT EXISTS FOR (p:Passage) ON EACH [p.text] "
                        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    # The passage's lexical tokens as ingest cut them (jieba words, space-joined in `p.words`): which
    # passages hold a whole word, as the embedded store's BM25 postings say (term_passages). The
    # bigrams above cannot tell 黄浦 from 黄浦江; choosing an English question's Chinese senses by
    # them scored dev hybrid MRR 0.820, by whole words 0.830 (docs/neo4j.md, session 12, search).
    PASSAGE_WORDS_INDEX: f"CREATE FULLTEXT INDEX {PASSAGE_WORDS_INDEX} IF NOT EXISTS FOR (p:Passage) ON EACH [p.words] "
                         "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
    ENTITY_NAME_INDEX: f"CREATE FULLTEXT INDEX {ENTITY_NAME_INDEX} IF NOT EXISTS FOR (n:Entity) "
                       "ON EACH [n.name, n.aliases_text, n.name_en] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
}

VECTOR_INDEXES = {PASSAGE_VECTOR_INDEX: "Passage", ENTITY_VECTOR_INDEX: "Entity"}


def ensure_schema(session: Session) -> None:
    """Create what is missing; a reconnect to a ready database only reads the index list."""
    states = {r["name"]: r["state"] for r in session.run("SHOW INDEXES YIELD name, state RETURN name, state")}
    constraints = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name RETURN name")}
    created = False
    for name, stmt in _SCHEMA.items():
        if name in constraints or name in states:
            continue
        session.run(stmt).consume()
        created = True
    if created or any(state != "ONLINE" for state in states.values()):
        session.run("CALL db.awaitIndexes(60)").consume()


def vector_dimensions(session: Session) -> dict[str, int]:
    """Existing govgraph vector indexes: name -> dimension."""
    out = {}
    for rec in session.run("SHOW VECTOR INDEXES YIELD name, options RETURN name, options"):
        if rec["name"] in VECTOR_INDEXES:
            out[rec["name"]] = int(rec["options"]["indexConfig"]["vector.dimensions"])
    return out


def ensure_vector_indexes(session: Session, dim: int) -> None:
    """Create both vector indexes for `dim`, or refuse vectors of another size."""
    have = vector_dimensions(session)
    for name, label in VECTOR_INDEXES.items():
        if name in have:
            if have[name] != dim:
                raise StoreError(f"Neo4j vector index {name} holds {have[name]}-dimensional vectors, "
                                 f"the batch brings {dim}: clear the database to change the model")
            continue
        create_vector_index(session, name, label, dim)
    session.run("CALL db.awaitIndexes(60)").consume()


@dataclass(frozen=True)
class VectorIndexSettings:
    """The HNSW settings of a vector index (Neo4j 5.26's vector-2.0 provider; its defaults here).
    Quantisation is off: the stores are compared score for score, and a few hundred thousand
    passages fit in memory unquantised."""
    m: int = 16                 # `vector.hnsw.m`: links per node
    ef_construction: int = 100  # `vector.hnsw.ef_construction`: candidates kept while linking
    quantized: bool = False     # `vector.quantization.enabled`


VECTOR_SETTINGS = VectorIndexSettings()


def create_vector_index(session: Session, name: str, label: str, dim: int,
                        settings: VectorIndexSettings | None = None) -> None:
    settings = settings or VECTOR_SETTINGS
    session.run(
        f"CREATE VECTOR INDEX {name} IF NOT EXISTS FOR (n:{label}) ON n.embedding OPTIONS {{indexConfig: {{"
        f"`vector.dimensions`: {int(dim)}, `vector.similarity_function`: 'cosine', "
        f"`vector.hnsw.m`: {int(settings.m)}, `vector.hnsw.ef_construction`: {int(settings.ef_construction)}, "
        f"`vector.quantization.enabled`: {'true' if settings.quantized else 'false'}}}}}").consume()
