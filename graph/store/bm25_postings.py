"""BM25 over term-frequency postings kept in chunks, scored per query: an index that new passages
are appended to without touching the old ones.

bm25s (used before) stores each (term, passage) pair's final score, which depends on the whole
collection (IDF on the passage count and document frequency, length normalisation on the mean
passage length), so adding one report meant building it all again (106 s of flush at 16x the
corpus). Here the index keeps what does not change when passages are added: per chunk, a CSC
matrix of term frequencies (term -> passage rows, counts), plus the collection's document
frequencies and passage lengths; a query computes the few terms it names with bm25s's default
formula (method "lucene", k1 1.5, b 0.75), so scores equal bm25s's (tests/unit/test_bm25_postings.py).

A flush that adds passages writes one more chunk and links the older chunk files into the new
generation's folder; past MAX_CHUNKS the chunks are merged into one (a full rewrite of the
postings, amortised over the flushes before it).

    bm25/vocab.json              {"terms": [...]}: term i's id is its position (append-only)
    bm25/df.npy                  int64 per term: passages holding it
    bm25/doclen.npy              float32 per passage row: its token count
    bm25/chunk-<n>.indptr.npy    int64 (terms known at that chunk + 1)
    bm25/chunk-<n>.rows.npy      int32 passage rows, per term ascending
    bm25/chunk-<n>.tf.npy        float32 counts
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

K1, B = 1.5, 0.75   # bm25s's defaults, which the store's BM25 always used
# Chunks searched one after another; a query costs a slice per term per chunk. Eight keeps that
# small and a merge rare (every eighth flush that adds passages).
MAX_CHUNKS = 8


@dataclass
class Chunk:
    name: str
    indptr: np.ndarray
    rows: np.ndarray
    tf: np.ndarray
    # inode of each file it was loaded from (None: built in memory): a later flush links exactly
    # these files, not whatever now has their names (save_postings)
    inodes: tuple[int, ...] | None = None

    def postings(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        if term + 1 >= len(self.indptr):
            return _EMPTY_ROWS, _EMPTY_TF
        a, b = int(self.indptr[term]), int(self.indptr[term + 1])
        return self.rows[a:b], self.tf[a:b]


_EMPTY_ROWS = np.zeros(0, dtype=np.int32)
_EMPTY_TF = np.zeros(0, dtype=np.float32)


@dataclass
class Postings:
    terms: list[str] = field(default_factory=list)
    vocab: dict[str, int] = field(default_factory=dict)
    df: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    doclen: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    chunks: list[Chunk] = field(default_factory=list)
    total_length: float | None = None   # sum of doclen, saved so that a query never sums it

    def __post_init__(self) -> None:
        if self.total_length is None:
            self.total_length = float(np.sum(self.doclen, dtype=np.float64))

    @property
    def passage_count(self) -> int:
        return len(self.doclen)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 of every passage row for `tokens` (repeats count again, unknown tokens nothing)."""
        n = self.passage_count
        out = np.zeros(n, dtype=np.float32)
        known = [self.vocab[t] for t in tokens if t in self.vocab]
        if not known or n == 0:
            return out
        avg = self.total_length / n
        for term in known:
            df = float(self.df[term])
            idf = np.float32(np.log(1 + (n - df + 0.5) / (df + 0.5)))
            for c in self.chunks:
                rows, tf = c.postings(term)
                if len(rows):
                    norm = np.float32(K1) * (np.float32(1 - B) + np.float32(B) * self.doclen[rows] / np.float32(avg))
                    out[rows] += idf * (tf / (norm + tf))   # rows are distinct within a term's postings
        return out

    def term_rows(self, tokens: list[str]) -> dict[str, np.ndarray]:
        """Passage rows holding each known token, ascending."""
        out = {}
        for t in tokens:
            term = self.vocab.get(t)
            if term is not None:
                parts = [c.postings(term)[0] for c in self.chunks]
                out[t] = np.concatenate(parts) if len(parts) != 1 else parts[0]
        return out

    # -- growing -----------------------------------------------------------------------
    def appended(self, token_lists: list[list[str]]) -> "Postings":
        """A new Postings: these passages' rows after the existing ones, in one new chunk (the
        existing chunks are shared, not copied)."""
        terms, vocab = list(self.terms), dict(self.vocab)
        flat = [t for ts in token_lists for t in ts]
        for t in dict.fromkeys(flat):
            if t not in vocab:
                vocab[t] = len(terms)
                terms.append(t)
        lengths = np.fromiter((len(ts) for ts in token_lists), np.int64, len(token_lists))
        ids = np.fromiter(map(vocab.__getitem__, flat), np.int64, len(flat))
        docs = np.repeat(np.arange(self.passage_count, self.passage_count + len(token_lists), dtype=np.int64),
                         lengths)
        v = len(terms)
        indptr, rows, tf = _csc(ids, docs, v)
        df = np.zeros(v, dtype=np.int64)
        df[:len(self.df)] = self.df
        df += np.diff(indptr)
        chunk = Chunk(f"chunk-{_next_number(self.chunks)}", indptr, rows, tf)
        return Postings(terms, vocab, df, np.concatenate([self.doclen, lengths.astype(np.float32)]),
                        [*self.chunks, chunk], self.total_length + float(lengths.sum()))

    def merged(self) -> "Postings":
        """The same postings in one chunk."""
        if len(self.chunks) <= 1:
            return self
        v = len(self.terms)
        ids, docs, counts = [], [], []
        for c in self.chunks:
            per_term = np.diff(c.indptr)
            ids.append(np.repeat(np.arange(len(per_term), dtype=np.int64), per_term))
            docs.append(np.asarray(c.rows, dtype=np.int64))
            counts.append(np.asarray(c.tf, dtype=np.float32))
        indptr, rows, tf = _csc(np.concatenate(ids), np.concatenate(docs), v, np.concatenate(counts))
        return Postings(self.terms, self.vocab, self.df, self.doclen,
                        [Chunk(f"chunk-{_next_number(self.chunks)}", indptr, rows, tf)], self.total_length)


def build_postings(token_lists: list[list[str]]) -> Postings:
    return Postings().appended(token_lists)


def _next_number(chunks: list[Chunk]) -> int:
    return 1 + max((int(c.name.split("-")[1]) for c in chunks), default=-1)


def _csc(terms: np.ndarray, docs: np.ndarray, v: int, counts: np.ndarray | None = None):
    """(indptr, rows, tf) of the term x passage counts of these (term, passage) occurrences."""
    if len(terms) == 0:
        return np.zeros(v + 1, dtype=np.int64), _EMPTY_ROWS, _EMPTY_TF
    n_docs = int(docs.max()) + 1
    key = terms * n_docs + docs
    if counts is None:
        uniq, tf = np.unique(key, return_counts=True)
        tf = tf.astype(np.float32)
    else:   # already counted (merging chunks): keys are distinct across chunks
        order = np.argsort(key, kind="stable")
        uniq, tf = key[order], counts[order]
    t = uniq // n_docs
    indptr = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(np.bincount(t, minlength=v), out=indptr[1:])
    return indptr, (uniq % n_docs).astype(np.int32), tf.astype(np.float32)


# -- on disk -----------------------------------------------------------------------------
def _chunk_files(name: str) -> list[str]:
    return [f"{name}.indptr.npy", f"{name}.rows.npy", f"{name}.tf.npy"]


def save_postings(p: Postings, folder: Path, previous: Path | None = None) -> None:
    """Into the new, empty `folder`; a chunk already saved in `previous` (an older generation's
    bm25 folder) is hard-linked from there (written from memory where that fails)."""
    folder.mkdir()
    (folder / "vocab.json").write_text(json.dumps({"terms": p.terms, "chunks": [c.name for c in p.chunks],
                                                   "total_length": p.total_length}, ensure_ascii=False), "utf-8")
    np.save(folder / "df.npy", np.asarray(p.df, dtype=np.int64))
    np.save(folder / "doclen.npy", np.asarray(p.doclen, dtype=np.float32))
    for c in p.chunks:
        for i, (f, arr) in enumerate(zip(_chunk_files(c.name), (c.indptr, c.rows, c.tf))):
            if not (previous is not None and c.inodes is not None and _link_same(previous / f, folder / f,
                                                                                   c.inodes[i])):
                np.save(folder / f, np.asarray(arr))


def _link_same(src: Path, dest: Path, inode: int) -> bool:
    """Hard-link `src` to `dest` if it is still the file of that inode (chunks never change once
    written, but the older folder may have been collected, or replaced by another process's build
    of the same generation, whose chunk of the same name holds other rows)."""
    try:
        os.link(src, dest)
    except OSError:   # not there, or no links on this file system
        return False
    if os.stat(dest).st_ino == inode:
        return True
    dest.unlink()
    return False


def load_postings(folder: Path) -> Postings:
    """Memory-mapped: nothing is read but the vocabulary."""
    meta = json.loads((folder / "vocab.json").read_text("utf-8"))
    terms = meta["terms"]

    def load(name: str) -> np.ndarray:
        # a plain ndarray over the mapping: slicing an np.memmap builds a memmap object per slice,
        # which was half of a query's BM25 time
        return np.asarray(np.load(folder / name, mmap_mode="r", allow_pickle=False))

    def inodes(files: list[str]) -> tuple[int, ...]:
        return tuple(os.stat(folder / f).st_ino for f in files)

    def chunk(name: str) -> Chunk:
        files = _chunk_files(name)
        before = inodes(files)
        arrays = [load(f) for f in files]
        # the same inodes before and after mapping: these are the mapped files (a mapping keeps its
        # inode from being reused); otherwise a later flush writes the chunk rather than link it
        return Chunk(name, *arrays, inodes=before if inodes(files) == before else None)
    chunks = [chunk(name) for name in meta["chunks"]]
    return Postings(terms, {t: i for i, t in enumerate(terms)}, load("df.npy"), load("doclen.npy"), chunks,
                    float(meta["total_length"]))
