"""What the learned name steps (ingest/extract/crf_spans.py, span_model.py) cost at ingest.

Over the corpus reports, file by file in one process and interleaved (so the machine's load falls on all
alike): `build_batch` with every learned step off (the default), with the tagger's proposals on, with the
boundary classifier's proposals on, and `jieba.lcut` alone on the same text (the issue's floor). Prints
characters per CPU-second of each and the tagger's share: the clauses it may tag (those holding a head
noun) and the characters in them, and the CPU of the tagger's two parts on those clauses: its features
(crf_features.clause_features) and the whole tagging (crf_spans.tagged_spans: features, pycrfsuite's
tagging and marginals).

    python bench/crf_bench.py [--files N] [--folder DIR]
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    import jieba

    from govgraph.ingest.extract import crf_spans, span_model
    from govgraph.ingest.extract.crf_features import clause_features, has_head
    from govgraph.ingest.extract.spans import clauses
    from govgraph.ingest.pipeline import build_batch

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, default=Path("/work/shared/corpus"))
    ap.add_argument("--files", type=int, default=0, help="at most this many reports (0: all)")
    a = ap.parse_args(argv)
    files = sorted(a.folder.glob("*.txt"))[: a.files or None]
    os.environ[crf_spans.ENV_SWITCH] = "1"
    os.environ[span_model.ENV_SWITCH] = "1"
    build_batch(files[0])  # one-time loading (lexicons, jieba, the models) is no part of either side
    jieba.lcut("预热")
    off = on = spans_on = floor = 0.0
    chars = tagged_chars = n_clauses = n_tagged = 0
    features = tagging = 0.0
    for f in files:
        text = f.read_text(encoding="utf-8")
        chars += len(text)
        os.environ[crf_spans.ENV_SWITCH] = "0"
        os.environ[span_model.ENV_SWITCH] = "0"
        off += _cpu(lambda: build_batch(f))
        os.environ[crf_spans.ENV_SWITCH] = "1"
        on += _cpu(lambda: build_batch(f))
        os.environ[crf_spans.ENV_SWITCH] = "0"
        os.environ[span_model.ENV_SWITCH] = "1"
        spans_on += _cpu(lambda: build_batch(f))
        floor += _cpu(lambda: jieba.lcut(text))
        heads = [text[s:e] for s, e in clauses(text) if has_head(text[s:e])]
        n_clauses += len(clauses(text))
        n_tagged += len(heads)  # an upper bound: the finder tags only clauses whose head no rule read
        tagged_chars += sum(map(len, heads))
        features += _cpu(lambda: [clause_features(c) for c in heads])
        tagging += _cpu(lambda: [crf_spans.tagged_spans(c) for c in heads])
    print(f"{len(files)} reports, {chars:,} characters")
    print(f"jieba.lcut alone      {chars / floor:10,.0f} chars/CPU-s")
    print(f"build_batch, tagger off {chars / off:8,.0f} chars/CPU-s  ({floor / off:.2f}x the floor)")
    print(f"build_batch, tagger on  {chars / on:8,.0f} chars/CPU-s  ({floor / on:.2f}x the floor; "
          f"{on / off:.2f}x the CPU of tagger off)")
    print(f"build_batch, classifier on {chars / spans_on:5,.0f} chars/CPU-s  ({floor / spans_on:.2f}x the floor; "
          f"{spans_on / off:.2f}x the CPU of all off)")
    print(f"tagged: {n_tagged:,} of {n_clauses:,} clauses ({n_tagged / n_clauses:.0%}), "
          f"{tagged_chars:,} characters ({tagged_chars / chars:.0%})")
    print(f"on those clauses: features {tagged_chars / features:,.0f} chars/CPU-s, "
          f"tagging (features included) {tagged_chars / tagging:,.0f} chars/CPU-s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
