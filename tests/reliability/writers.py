"""Small reports cut from the real corpus for the writer tests: the point is concurrency, so each
is a few thousand characters (parsing costs little next to a process's start-up)."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import CORPUS, CORPUS_EXTRA

# Shenzhen district and city reports: they name the same agencies and places (深圳市, 国务院, the
# district governments), so concurrent writers share hub entities as real collections do.
SOURCES = sorted(CORPUS.glob("0[0-1]*_gzbg-sz*.txt")) + sorted(CORPUS_EXTRA.glob("*区*政府工作报告*.txt"))[:24]
HEAD_CHARS = 2500


def small_reports(folder: Path, n: int) -> list[Path]:
    """`n` report files, each the first HEAD_CHARS characters of a different real report, cut at a
    line end; one file name per source."""
    assert len(SOURCES) >= n, f"need {n} source reports, found {len(SOURCES)}"
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, src in enumerate(SOURCES[:n]):
        text = src.read_text("utf-8")[:HEAD_CHARS]
        text = text[: text.rfind("\n") + 1] or text
        dest = folder / f"w{i:02d}-{src.stem[:40]}.txt"
        dest.write_text(text, "utf-8")
        out.append(dest)
    return out
