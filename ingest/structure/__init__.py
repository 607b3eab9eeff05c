"""A report's structure: title, author, year, genre, and its passages with section, role and year.

Passages are the paragraphs (non-empty lines) of Document.text, and the 一是/二是 items inside them.
Heading lines are kept as passages too, with the role of the section they open, so no text is lost
to search or extraction. Every passage's start/end slice Document.text exactly.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..batch import Passage, passage_id
from ..document import Document
from ..vocabulary import Genre
from .meta import GENRE_FZZF, GENRE_GZBG, GENRE_OTHER, Meta, read_meta
from .outline import SectionContext, Outline, Paragraph, split_paragraphs
from .roles import ACHIEVEMENT, OTHER, PLAN, PROBLEM, problem_paragraph, text_leaning

__all__ = ["Structure", "parse_structure", "GENRE_FZZF", "GENRE_GZBG", "GENRE_OTHER"]


@dataclass
class Structure:
    title: str
    author: str | None
    year: int | None  # the report's publication year
    genre: Genre
    passages: list[Passage] = field(default_factory=list)
    reviews: int | None = None  # the year the report looks back on
    plans: int | None = None    # the year it plans


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


def _uncued_roles(genre: str, placed: list[tuple[Paragraph, SectionContext]]) -> dict[int, str]:
    """Roles for top-level sections no heading explains (三、把改革开放扎实推向纵深).

    Only work reports get one: every part of them either reviews or plans, and once the plan has begun
    the parts after it (政府自身建设…) belong to it. Other genres have parts that are neither.
    """
    if genre != GENRE_GZBG:
        return {}
    texts: dict[int, list[str]] = defaultdict(list)
    cued: dict[int, str] = {}
    for para, ctx in placed:
        if ctx.role is None:
            texts[ctx.top].append(para.text)
        elif ctx.role in (ACHIEVEMENT, PLAN):
            cued.setdefault(ctx.top, ctx.role)
    out: dict[int, str] = {}
    plan_seen = False
    for top in sorted(set(texts) | set(cued)):
        if cued.get(top) == PLAN:
            plan_seen = True
        if top in texts and top not in cued:
            text = "".join(texts[top])
            if top < 0 and len(text) < 1000:
                continue  # the salutation and opening lines, not a review whose heading was lost
            leaning = PLAN if plan_seen else text_leaning(text)
            if leaning:
                out[top] = leaning
                plan_seen = plan_seen or leaning == PLAN
    return out


def parse_structure(doc: Document, report_id: str) -> Structure:
    meta = read_meta(doc.text, doc.file)
    review_year, plan_year = _years(meta)
    default_year = {ACHIEVEMENT: review_year, PROBLEM: review_year, PLAN: plan_year}
    outline = Outline(review_year, plan_year)
    placed = [(para, outline.feed(para)) for para in split_paragraphs(doc.text)]
    guessed = _uncued_roles(meta.genre, placed)
    passages: list[Passage] = []
    for para, ctx in placed:
        role = ctx.role or guessed.get(ctx.top) or OTHER
        if role in (ACHIEVEMENT, OTHER) and problem_paragraph(para.text):
            # 在肯定成绩的同时，我们也清醒认识到…不足：一是… closes many reviews.
            role = PROBLEM
        year = ctx.year if ctx.year_decided else default_year.get(role)
        for piece in para.pieces:
            section = ctx.path if piece.label is None else f"{ctx.path} > {piece.label}" if ctx.path else piece.label
            passages.append(Passage(
                id=passage_id(report_id, len(passages)),
                report=report_id,
                index=len(passages),
                text=doc.text[piece.start:piece.end],
                start=piece.start,
                end=piece.end,
                section=section,
                role=role,
                year=year,
            ))
    return Structure(title=meta.title, author=meta.author, year=meta.year, genre=meta.genre, passages=passages,
                     reviews=review_year, plans=plan_year)
