"""File -> GraphBatch: read, find structure, extract, tokenise, check the evidence."""
from __future__ import annotations

from pathlib import Path

from .batch import GraphBatch, ReportInfo, report_id_for
from .errors import IngestError
from .extract import extract_entities
from .readers import MAX_BYTES, read_document
from .structure import parse_structure
from .time import time_nodes
from .time.place import report_place
from .tokenize import tokenize

# Bump when passages, entities or relations of an unchanged file would come out differently, so
# that ingesting a folder again rebuilds reports made by older rules (2: passages cut to ~200
# characters, event names without their verb; 3: Indicator and Plan nodes; 4: foreign ties with `kind`,
# foreign bodies marked, events named after a foreign city held there; 5: indicator names by the shape
# of the statement, plan items only for planned measures; 6: the extraction rules of sessions 6-12 and the
# learned name tagger, switched on in session 11; 7: session 13's policy titles and ISSUED, short forms, places,
# agencies, relation rules and the tagger retrained on 99 dev windows).
PIPELINE_VERSION = 7


def build_batch(path: str | Path, max_bytes: int = MAX_BYTES) -> GraphBatch:
    """One report's batch; raises IngestError (naming the file) for anything unreadable."""
    doc = read_document(path, max_bytes=max_bytes)
    rid = report_id_for(doc.file)
    structure = parse_structure(doc, rid)
    if not structure.passages:
        raise IngestError(doc.file, "no text passages found")
    report = ReportInfo(
        id=rid, title=structure.title, file=doc.file, sha256=doc.sha256, year=structure.year,
        author=structure.author, genre=structure.genre, chars=len(doc.text),
        encoding=doc.encoding, format=doc.format, pipeline=PIPELINE_VERSION,
        reviews=structure.reviews, plans=structure.plans,
    )
    report.place, report.place_before = report_place(structure.author, doc.text)
    result = extract_entities(doc.text, structure.passages, report)
    report.author_id = result.author_id
    tokens = {p.id: tokenize(p.text) for p in structure.passages}
    batch = GraphBatch(
        report=report, passages=structure.passages,
        nodes=[*result.nodes, *time_nodes(doc.text, structure.passages, report, tokens)], edges=result.edges,
        text=doc.text, entity_texts=result.entity_texts, tokens=tokens,
    )
    try:
        batch.validate()
    except ValueError as e:
        # An extraction bug must not put evidence-less facts in a store.
        raise IngestError(doc.file, f"internal extraction error: {e}") from e
    return batch
