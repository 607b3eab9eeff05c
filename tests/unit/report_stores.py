"""Real embedded stores of one written report, and its passages as search hits: the fixtures of the answer tests
(test_answer_clause, test_cut_names, test_partner_spans) built alike."""
from pathlib import Path
from typing import Callable

from govgraph.graph.search.results import Hit
from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.ingest.pipeline import build_batch


def one_report_store(folder: Path, file_name: str, text: str) -> EmbeddedStore:
    """`text` written to `folder/file_name`, ingested (real extractor) into a store under `folder`."""
    f = folder / file_name
    f.write_text(text, encoding="utf-8")
    store = EmbeddedStore(folder / "store")
    store.put_batch(build_batch(f))
    store.flush()
    return store


def passage_hits(store: EmbeddedStore, keep: Callable[[str], bool], first: Callable[[str], bool]) -> list[Hit]:
    """The store's one report's passages whose text `keep` accepts, as hits of score 1.0, those `first` accepts first."""
    rep = store.reports()[0]
    hits = [Hit(p.id, p.report, rep.file, rep.title, p.section, p.role, p.year, p.text, p.start, p.end, 1.0)
            for p in store.passages_of(rep.id) if keep(p.text)]
    hits.sort(key=lambda h: not first(h.text))
    return hits
