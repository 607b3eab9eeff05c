"""BM25 scored from term-frequency postings (graph/store/bm25_postings.py) gives bm25s's scores
(the library the store used before, kept as the reference), however the passages were split into
chunks, and after the chunks are merged."""
from __future__ import annotations

import bm25s
import numpy as np

from govgraph.graph.store.bm25_postings import build_postings, load_postings, save_postings
from tests.contract.batches import bigrams, report_a, report_b

QUERIES = [["外语"], ["外事", "办公室", "外事"], ["国际", "交流"], ["没有这个词"]]


def _tokens() -> list[list[str]]:
    out = []
    for batch, _ in (report_a(), report_b()):
        out += [batch.tokens.get(p.id, []) for p in batch.passages]
    return out + [[], bigrams("外语标识外语标识规范化检查")]


def test_scores_equal_bm25s_in_chunks_and_merged(tmp_path):
    docs = _tokens()
    ref = bm25s.BM25()
    ref.index(docs, show_progress=False)
    chunked = build_postings(docs[:3]).appended(docs[3:5]).appended(docs[5:])
    assert len(chunked.chunks) == 3
    save_postings(chunked, tmp_path / "bm25")
    for p in (chunked, chunked.merged(), load_postings(tmp_path / "bm25")):
        for q in QUERIES:
            known = [t for t in q if t in ref.vocab_dict]
            want = ref.get_scores(known) if known else np.zeros(len(docs), dtype=np.float32)
            assert np.allclose(p.scores(q), want, rtol=1e-5, atol=1e-6), q
        rows = p.term_rows(["外语"])["外语"]
        assert rows.tolist() == [i for i, d in enumerate(docs) if "外语" in d]


def test_a_saved_chunk_is_linked_not_written_again(tmp_path):
    docs = _tokens()
    save_postings(build_postings(docs[:4]), tmp_path / "one")
    first = load_postings(tmp_path / "one")
    save_postings(first.appended(docs[4:]), tmp_path / "two", tmp_path / "one")
    name = first.chunks[0].name
    assert (tmp_path / "two" / f"{name}.rows.npy").stat().st_ino == (tmp_path / "one" / f"{name}.rows.npy").stat().st_ino


def test_a_chunk_replaced_under_its_name_is_written_not_linked(tmp_path):
    """The older folder, opened, was then replaced by another process's build of the same
    generation (publish renames the first aside): its chunk-0 holds other rows. The flush writes
    the chunk it holds instead of linking the stranger by name."""
    docs = _tokens()
    save_postings(build_postings(docs[:4]), tmp_path / "one")
    first = load_postings(tmp_path / "one")
    save_postings(build_postings(docs[2:6]), tmp_path / "other")
    (tmp_path / "one").rename(tmp_path / "aside")
    (tmp_path / "other").rename(tmp_path / "one")
    extended = first.appended(docs[4:])
    save_postings(extended, tmp_path / "two", tmp_path / "one")
    saved = load_postings(tmp_path / "two")
    for q in QUERIES:
        assert np.array_equal(saved.scores(q), extended.scores(q)), q
