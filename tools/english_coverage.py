"""Which terms of government English the English reading offers no Chinese word for that the reports write.

    python tools/english_coverage.py [TERMS.tsv]   # default: tools/english_coverage_terms.tsv

Each line of the table is an English term and the Chinese words government reports write for it; a term
whose offered senses (ingest/crosslingual.term_groups, every sense, before the reports choose) hold none of
them is printed with what was offered. A multi-word term reached only through its words (key projects ->
重点 + 项目) is printed too: BM25 may still find it, the list says where the dictionary stops. The table was
written from general knowledge of the reports, not from gold questions, so it measures coverage on words no
dev question chose (session 13: 120 of 342 missing at the start, 39 after the glossary and register rows and the word forms).
"""
from __future__ import annotations

import sys
from pathlib import Path

from govgraph.ingest.crosslingual import term_groups

DEFAULT = Path(__file__).resolve().parent / "english_coverage_terms.tsv"


def missing(rows: list[tuple[str, list[str]]]) -> list[tuple[str, list[str], str]]:
    """(term, wanted words, what was offered) for each term none of whose wanted words is offered."""
    out = []
    for english, wanted in rows:
        groups = term_groups(english, None)
        offered = {t for g in groups for t in g.terms}
        if not offered.intersection(wanted):
            out.append((english, wanted, " | ".join(f"{g.english}: {' '.join(g.terms[:8])}" for g in groups)))
    return out


def read(path: Path) -> list[tuple[str, list[str]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, chinese = line.split("\t")[:2]
            rows.append((english, chinese.split()))
    return rows


def main(argv: list[str]) -> int:
    rows = read(Path(argv[0]) if argv else DEFAULT)
    gaps = missing(rows)
    for english, wanted, offered in gaps:
        print(f"{english!r}: wants {' '.join(wanted)}; offered {offered}")
    print(f"{len(gaps)} of {len(rows)} terms offer none of the reports' words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
