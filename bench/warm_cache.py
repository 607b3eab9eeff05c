"""Fill the persistent vector cache for the shared corpus, most useful vectors first: passages of
the reports the gold questions ask about, then every other passage, then entity texts. Stopping
it at any point keeps what it has embedded (the cache commits every few hundred texts).

    python bench/warm_cache.py
"""
from __future__ import annotations

import json
import sys

import common
from common import REPO, Timer, log
from workspace import FULL_CORPUS, corpus_files


def main() -> int:
    from govgraph.graph.embedder import CachedEmbedder
    from govgraph.ingest.errors import IngestError
    from govgraph.ingest.pipeline import build_batch

    gold = REPO / "tests" / "gold" / "questions.jsonl"
    wanted = set()
    if gold.exists():
        wanted = {json.loads(x)["report"].rsplit("/", 1)[-1] for x in gold.read_text("utf-8").splitlines() if x.strip()}
    files = corpus_files(FULL_CORPUS)
    files.sort(key=lambda p: (p.name not in wanted, p.parent.name != "corpus", p.name))
    emb = CachedEmbedder()
    batches = []
    for f in files:
        try:
            batches.append(build_batch(f))
        except IngestError as e:
            log(f"skipped: {e}")
    log(f"parsed {len(batches)} reports")
    for what in ("passages", "entities"):
        for i, b in enumerate(batches):
            texts = [p.text for p in b.passages] if what == "passages" else list(b.entity_texts.values())
            with Timer() as t:
                emb.passages(texts)
            log(f"{what} {i + 1}/{len(batches)} {b.report.file}: {len(texts)} texts in {t.wall:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
