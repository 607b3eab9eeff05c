"""The learned name tagger's features and spans on every clause of the reports, one line per clause, to
compare two versions of crf_features.py / crf_spans.py (a change meant to be faster must print the same).

Each line: report, clause offset, md5 of clause_features(clause), tagged_spans(clause) (confidence to
6 places). Run it on both versions and `cmp` the outputs:

    python bench/crf_spans_dump.py OUT.tsv [--folder DIR ...]
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

_FOLDERS = (Path("/work/shared/corpus"), Path("/work/shared/corpus-extra"))


def _as_text(features: list[list]) -> list[list[str]]:
    """The features as str, whichever form (str, or UTF-8 bytes since session 11) a version builds."""
    return [[f.decode("utf-8") if isinstance(f, bytes) else f for f in row] for row in features]


def main(argv: list[str] | None = None) -> int:
    from govgraph.ingest.extract.crf_features import clause_features
    from govgraph.ingest.extract.crf_spans import tagged_spans
    from govgraph.ingest.extract.spans import clauses

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--folder", type=Path, action="append", help="report folders (default: the two corpora)")
    a = ap.parse_args(argv)
    files = [f for d in (a.folder or _FOLDERS) for f in sorted(d.glob("*.txt"))]
    n = 0
    t0 = time.process_time()
    with a.out.open("w", encoding="utf-8") as out:
        for f in files:
            text = f.read_text(encoding="utf-8")
            for s, e in clauses(text):
                clause = text[s:e]
                digest = hashlib.md5(repr(_as_text(clause_features(clause))).encode()).hexdigest()
                spans = [(i, j, label, round(conf, 6)) for i, j, label, conf in tagged_spans(clause)]
                out.write(f"{f.name}\t{s}\t{digest}\t{spans}\n")
                n += 1
    print(f"{len(files)} reports, {n:,} clauses, {time.process_time() - t0:.1f} CPU-s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
