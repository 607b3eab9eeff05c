"""PDF with a text layer to text, page by page."""
from __future__ import annotations

import io
import logging


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

    text = join_blocks(pages)
    if not any(ch.isalnum() for ch in text):
        raise PdfProblem("PDF has no text layer (scanned images?); run OCR first")
    return text
