"""A report's structure: title, author, year, genre, and its passages with section, role and year.

Passages are the paragraphs (non-empty lines) of Document.text, and the 一是/二是 items inside them.
Heading lines are kept as passages too, with the role of the section they open, so no text is lost
to search or extraction. Every passage's start/end slice Document.text exactly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..batch import Passage
from ..document import Document
from .meta import GENRE_FZZF, GENRE_GZBG, GENRE_OTHER, Meta, read_meta
from .outline import Outline, Paragraph, split_paragraphs
from .roles import OTHER, PROBLEM, problem_paragraph

__all__ = ["Structure", "parse_structure", "GENRE_FZZF", "GENRE_GZBG", "GENRE_OTHER"]


@dataclass
class Structure:
    title: str
    author: str | None
    year: int | None  # the report's publication year
    genre: str  # 'fzzf' | 'gzbg' | 'other'
    passages: list[Passage] = field(default_factory=list)


def _years(meta: Meta) -> tuple[int | None, int | None]:
    """(year reviewed, year planned) when headings do not say.

    A work report is delivered early in year Y about Y-1 and for Y; a 法治政府建设 report is titled by the
    year it reviews and plans the next.
    """
    y = meta.year
    if y is None:
        return None, None
    if meta.genre == GENRE_GZBG:
        return y - 1, y
    return y, y + 1


def parse_structure(doc: Document, report_id: str) -> Structure:
    meta = read_meta(doc.text, doc.file)
    review_year, plan_year = _years(meta)
    outline = Outline(review_year, plan_year)
    passages: list[Passage] = []
    for para in split_paragraphs(doc.text):
        context = outline.feed(para)
        role, year = context.role, context.year
        if role != PROBLEM and role != "plan" and problem_paragraph(para.text):
            role, year = PROBLEM, context.year if context.year is not None else review_year
        for piece in para.pieces:
            passages.append(Passage(
                id=f"{report_id}#p{len(passages):04d}",
                report=report_id,
                index=len(passages),
                text=doc.text[piece.start:piece.end],
                start=piece.start,
                end=piece.end,
                section=context.path if piece.label is None else f"{context.path} > {piece.label}".lstrip(" >"),
                role=role or OTHER,
                year=year,
            ))
    return Structure(title=meta.title, author=meta.author, year=meta.year, genre=meta.genre, passages=passages)
