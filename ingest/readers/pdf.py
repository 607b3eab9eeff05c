"""PDF with a text layer to text, page by page."""
from __future__ import annotations

import io
import logging
import re
import statistics

# A wrapped line ends without closing punctuation and the next does not open a new numbered part.
_CLOSES = tuple("。！？!?；;：:”」』）)…")
_OPENS = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.]|第[一二三四五六七八九十]+|[一二三四五六七八九十]+是|——|[-•·●■◆])")


class PdfProblem(ValueError):
    pass


def pdf_to_text(raw: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    # pypdf logs recoverable damage as warnings; a broken file surfaces as an exception below.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (PyPdfError, NotImplementedError) as e:
                raise PdfProblem(f"encrypted PDF ({e})") from None
            if not ok:
                raise PdfProblem("encrypted PDF (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfProblem:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            EOFError, OSError, RecursionError, ZeroDivisionError, AssertionError) as e:
        raise PdfProblem(f"corrupt or truncated PDF ({type(e).__name__}: {e})") from None
    if not pages:
        raise PdfProblem("corrupt PDF: no pages")
    from .lines import join_blocks

    text = join_blocks([_unwrap(page) for page in pages])
    if not any(ch.isalnum() for ch in text):
        raise PdfProblem("PDF has no text layer (scanned images?); run OCR first")
    return text


def _unwrap(page: str) -> str:
    """Join the visual lines of a page back into paragraphs.

    PDF text comes one printed line at a time; a paragraph of Chinese prose spans several. A line as
    long as the page's full lines, ending mid-sentence, continues on the next line.
    """
    lines = [line.strip() for line in page.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    long_lines = [len(line) for line in lines if len(line) >= 10]
    if len(long_lines) < 3:
        return "\n".join(lines)
    full = statistics.median(long_lines)
    out: list[str] = []
    last = ""  # the previous visual line, which decides whether it was wrapped
    for line in lines:
        if out and len(last) >= 0.85 * full and not last.endswith(_CLOSES) and not _OPENS.match(line):
            glue = " " if last[-1].isascii() and line[0].isascii() else ""
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
        last = line
    return "\n".join(out)
