"""Paragraphs, headings and the section outline of a report's text.

Reports disagree on which numbering style is the outer one (一、 under 2022年工作回顾, or （一） under
一、), so each style's level is learned from the order styles appear in: a style already open closes
everything below it; a new style opens a level below the current one. Mis-numbered headings that
continue an outer sequence in another style (一、 … 2、 … 3、 … 四、) are taken as that outer level.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .meta import JUNK
from .numbering import find_items, match_numbering
from .roles import OTHER, PROBLEM, heading_role, heading_year

LABEL_CHARS = 30
# A paragraph of a work report can run to 1,500 characters and cover ten facts. Search ranks
# passages, and one fact drowns in such a passage (for BM25's length norm as for a mean-pooled
# vector), so a longer piece is cut at sentence ends into passages of about CHUNK_CHARS.
MAX_PASSAGE_CHARS = 320
CHUNK_CHARS = 200
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
_SPACE = " \t\u3000\xa0\u200b\u200c\u200d\u2060\ufeff\r\f\v"
_LINE = re.compile(r"[^\n]+")
_CUT = re.compile(r"[。！？!?；;]")
_LABEL_CUT = re.compile(r"[。！？!?；;，,：:]")
# Unnumbered lines that open a part of a report: 2022年工作回顾, 2023年主要工作, 有关名词解释, 附件.
_TOPIC = re.compile(
    r"工作回顾|工作安排|主要工作|重点工作|工作任务|工作思路|工作计划|工作部署|目标任务|主要任务|总体要求"
    r"|名词解释|术语|注释|附件|附录|过去一年|过去五年|今后五年|未来五年|存在的?(?:主要)?问题|问题和不足|不足和|发展成就"
)
_TOPIC_FIRST = re.compile(r"^(?:(?:19|20)\d{2}年|过去|今后|未来|关于|本届|有关|附件|附录|名词|政府工作报告名词|存在|主要|[一二三四五六七八九十]+年来|“十)")


@dataclass
class Piece:
    start: int
    end: int
    label: str | None  # list item label (一是…) for the section path; None for a whole paragraph


@dataclass
class Heading:
    kind: str  # numbering style, or "topic" for an unnumbered part heading
    number: int
    label: str  # short text for the section path
    text: str  # the heading's words without the number, for role and year cues


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    heading: Heading | None
    pieces: list[Piece]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while True:
        while start < end and text[start] in _SPACE:
            start += 1
        m = JUNK.match(text, start, end)
        if m and m.end() > start:
            start = m.end()
            continue
        break
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _short(s: str, n: int = LABEL_CHARS) -> str:
    s = s.strip(_SPACE)
    return s if len(s) <= n else s[: n - 1] + "…"


def _heading(line: str) -> Heading | None:
    num = match_numbering(line)
    if num is not None:
        rest = line[num.marker_end:]
        m = _CUT.search(rest)
        words = rest[: m.start()] if m else rest
        # 2.“四上”企业：规模以上… is a term and its gloss; the term is the heading.
        colon = re.search(r"[：:]", words)
        if colon and colon.start() > 0 and len(words) - colon.end() > 4:
            words = words[: colon.start()]
        words = words.rstrip("：: ")
        marker = line[: num.marker_end].strip(_SPACE)
        return Heading(num.kind, num.number, _short(marker + words), words[:80])
    if len(line) <= 30 and not re.search(r"[。；;！!？?，,]", line[:-1]) and line[-1] not in "。；;，,！!？?":
        words = line.rstrip("：:")
        if _TOPIC.search(words) and _TOPIC_FIRST.search(words):
            return Heading("topic", 0, _short(words), words)
    return None


def split_paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    for m in _LINE.finditer(text):
        start, end = _strip_span(text, m.start(), m.end())
        if start >= end:
            continue
        line = text[start:end]
        heading = _heading(line)
        out.append(Paragraph(start, end, line, heading, _pieces(text, start, end, line)))
    return out


def _chunked(text: str, piece: Piece) -> list[Piece]:
    """`piece` cut at sentence ends into runs of about CHUNK_CHARS; a short tail joins the run
    before it. Continuations keep the piece's label, so they stay in its section."""
    if piece.end - piece.start <= MAX_PASSAGE_CHARS:
        return [piece]
    body = text[piece.start:piece.end]
    cuts = [m.start() for m in _SENTENCE_END.finditer(body) if 0 < m.start() < len(body)]
    bounds, last = [], 0
    for c in cuts:
        if c - last >= CHUNK_CHARS and len(body) - c >= CHUNK_CHARS // 3:
            bounds.append(c)
            last = c
    out, s = [], piece.start
    for c in bounds + [len(body)]:
        a, b = _strip_span(text, s, piece.start + c)
        if a < b:
            out.append(Piece(a, b, piece.label))
        s = piece.start + c
    return out or [piece]


def _pieces(text: str, start: int, end: int, line: str) -> list[Piece]:
    return [c for p in _items(text, start, end, line) for c in _chunked(text, p)]


def _items(text: str, start: int, end: int, line: str) -> list[Piece]:
    marks = find_items(line)
    if not marks:
        return [Piece(start, end, None)]
    pieces: list[Piece] = []
    if marks[0].start > 0:
        s, e = _strip_span(text, start, start + marks[0].start)
        if s < e:
            pieces.append(Piece(s, e, None))
    for i, mark in enumerate(marks):
        item_end = start + marks[i + 1].start if i + 1 < len(marks) else end
        s, e = _strip_span(text, start + mark.start, item_end)
        if s >= e:
            continue
        body = text[s:e]
        cut = _LABEL_CUT.search(body)
        pieces.append(Piece(s, e, _short(body[: cut.start()] if cut else body)))
    return pieces


@dataclass
class _Level:
    kinds: set[str]
    number: int
    heading: Heading
    role: str | None
    year_decided: bool
    year: int | None


@dataclass
class SectionContext:
    path: str
    role: str | None  # None: no heading above says what the section is about
    year: int | None
    year_decided: bool  # a heading named the year (or said it spans several)
    top: int  # which top-level section this is in (-1 before the first heading)


@dataclass
class Outline:
    review_year: int | None
    plan_year: int | None
    stack: list[_Level] = field(default_factory=list)
    _context: SectionContext | None = None
    _tops: int = -1

    def feed(self, para: Paragraph) -> SectionContext:
        """SectionContext for this paragraph; a heading paragraph first opens its section."""
        if para.heading is not None or self._context is None:
            if para.heading is not None:
                self._open(para.heading)
            self._context = self._resolve()
        return self._context

    def _open(self, h: Heading) -> None:
        if h.kind == "topic":
            self._open_part(h)
        elif not (self._reopen_style(h) or self._continue_sequence(h)):
            # A style not seen above opens a level below the current one.
            self._push(h, {h.kind})

    def _open_part(self, h: Heading) -> None:
        """An unnumbered part heading (2022年工作回顾, 附件) closes every open section."""
        self.stack = []
        self._push(h, {h.kind})

    def _reopen_style(self, h: Heading) -> bool:
        """A style already open takes its level again, closing everything below it."""
        for level, entry in enumerate(self.stack):
            if h.kind in entry.kinds:
                del self.stack[level:]
                self._push(h, entry.kinds)
                return True
        return False

    def _continue_sequence(self, h: Heading) -> bool:
        """一、… then 2、: the number carries on an open sequence, so it is that sequence's level.

        Outermost first: in 一、…（一）…2、 the 2、 goes on from 一、, as 3、 and 四、 will."""
        if h.number <= 1:
            return False
        for level, entry in enumerate(self.stack):
            if entry.number == h.number - 1 and entry.heading.kind != "topic":
                del self.stack[level:]
                self._push(h, entry.kinds | {h.kind})
                return True
        return False

    def _push(self, h: Heading, kinds: set[str]) -> None:
        if not self.stack:
            self._tops += 1
        top = not self.stack or (len(self.stack) == 1 and self.stack[0].heading.kind == "topic"
                                 and self.stack[0].role is None)
        role = heading_role(h.text, top_level=top, plan_year=self.plan_year)
        decided, year = heading_year(h.text, self.review_year, self.plan_year)
        self.stack.append(_Level(set(kinds), h.number, h, role, decided, year))

    def _resolve(self) -> SectionContext:
        path = " > ".join(e.heading.label for e in self.stack)
        role, role_at = self._section_role()
        year, decided = self._section_year(role_at)
        return SectionContext(path, role, year, decided, self._tops if self.stack else -1)

    def _section_role(self) -> tuple[str | None, int]:
        """The role the open headings give, and the level that gave it.

        The outermost cue names the section; below it only a plain problem or appendix heading
        changes what the text is."""
        role = None
        role_at = 0
        for i, entry in enumerate(self.stack):
            if entry.role is None:
                continue
            if role is None or entry.role in (PROBLEM, OTHER):
                role, role_at = entry.role, i
        return role, role_at

    def _section_year(self, role_at: int) -> tuple[int | None, bool]:
        """(year, decided): the innermost heading that names a year, looking no further out than the
        heading that gave the role before looking above it."""
        order = list(range(len(self.stack) - 1, role_at - 1, -1)) + list(range(role_at - 1, -1, -1))
        for i in order:
            if self.stack[i].year_decided:
                return self.stack[i].year, True
        return None, False
