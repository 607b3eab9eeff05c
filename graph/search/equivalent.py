"""Equivalent evidence: a passage of another report that says the gold evidence word for word.

The strict evaluation counts a passage only from the question's own report. In a whole collection the
same sentence often stands in several reports (Shenzhen's 2024 report says 国务院出台《河套深港科技创新
合作区深圳园区发展规划》 as Guangdong's does; a district repeats one fact in the reports of several
years), and a question that names no year or place cannot tell them apart. This second, explicitly
named figure counts such a passage, by one exact rule:

1. text: the passage holds the gold evidence verbatim once both are normalised — Unicode NFKC, case
   folded, whitespace removed, dashes made one, and every punctuation character (Unicode category P*:
   、，。「」《》“”（）) removed. Nothing else is forgiven: another number, word or order is another sentence.
2. year: when the question names a year (2019年, "in 2019") that the gold report is dated, reviews or
   plans, the other report must be dated, review or plan one of the years named too. A named year that
   no gold report is of (到2035年) speaks of the content, not the report, and contradicts none.
3. place: when the question names a place (深圳, "Futian"), the other report must speak for one of the
   places named (collection.reports_of_places) or be of the gold report's series (same place/author).

The strict figure is never replaced; the evaluation reports both side by side.
"""
from __future__ import annotations

import unicodedata
from typing import Mapping, Sequence

from govgraph.ingest.batch import ReportInfo

from .collection import reports_of_places, reports_of_years, series_key


def strip_punctuation(text: str) -> str:
    """`text` without any character of Unicode category P* (、，。「」《》“”)."""
    return "".join(c for c in text if not unicodedata.category(c).startswith("P"))


def year_allows(report: ReportInfo, gold: ReportInfo | None, years: Sequence[int],
                reports: Mapping[str, ReportInfo]) -> bool:
    """False when the question names a year of the gold report that `report` is not of (rule 2)."""
    if not years:
        return True
    dated = reports_of_years(reports, years)
    if gold is None or gold.id not in dated:
        return True
    return report.id in dated


def place_allows(report: ReportInfo, gold: ReportInfo | None, places: Sequence[str],
                 reports: Mapping[str, ReportInfo]) -> bool:
    """False when the question names places and `report` speaks for none of them and is of another
    series than the gold report (rule 3)."""
    if not places:
        return True
    if gold is not None and series_key(report) is not None and series_key(report) == series_key(gold):
        return True
    return report.id in reports_of_places({report.id: report}, places)


def equivalent_report(report: ReportInfo | None, gold: ReportInfo | None, years: Sequence[int],
                      places: Sequence[str], reports: Mapping[str, ReportInfo]) -> bool:
    """Whether a passage of `report` may stand for the gold report's evidence (rules 2 and 3)."""
    return (report is not None and year_allows(report, gold, years, reports)
            and place_allows(report, gold, places, reports))
