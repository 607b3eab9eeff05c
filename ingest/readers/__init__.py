"""Reading report files of any supported format into a Document."""
from __future__ import annotations

import errno
import hashlib
import stat
from pathlib import Path

from ..document import Document
from ..errors import IngestError
from .decode import DecodeError, decode_text
from .files import SUPPORTED_EXTENSIONS, iter_input_files
from .lines import normalise_newlines

MAX_BYTES = 64 * 1024 * 1024

_FORMAT_BY_EXT = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf",
}

__all__ = ["MAX_BYTES", "SUPPORTED_EXTENSIONS", "read_document", "iter_input_files", "detect_format"]


def detect_format(path: Path, raw: bytes) -> str:
    """The content wins over the name where it is unambiguous (a PDF saved as .txt is still a PDF)."""
    if raw.startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04") and b"word/" in raw[:65536]:
        return "docx"
    fmt = _FORMAT_BY_EXT.get(path.suffix.lower())
    if fmt:
        return fmt
    head = raw[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        st = path.stat()
    except OSError as e:
        raise IngestError(path, _os_reason(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise IngestError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(path, "not a regular file")
    if st.st_size > max_bytes:
        raise IngestError(path, f"file is {st.st_size} bytes, over the {max_bytes}-byte limit")
    try:
        with open(path, "rb") as fh:
            # Read one byte past the limit: a file that grew since stat() is still caught.
            raw = fh.read(max_bytes + 1)
    except OSError as e:
        raise IngestError(path, _os_reason(e)) from None
    if len(raw) > max_bytes:
        raise IngestError(path, f"file is over the {max_bytes}-byte limit")
    if not raw:
        raise IngestError(path, "empty file")
    return raw


def _os_reason(e: OSError) -> str:
    if e.errno == errno.ENOENT:
        return "no such file or directory"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.EISDIR:
        return "is a directory, not a file"
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read ({e.strerror or e})"


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one report file. Raises IngestError (never anything else) when it cannot be used."""
    path = Path(path)
    try:
        return _read(path, max_bytes)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as e:
        raise IngestError(path, f"too large or too deeply nested to read ({type(e).__name__})") from None
    except Exception as e:  # noqa: BLE001 - the contract is "IngestError only": a parser bug must not escape as a traceback
        raise IngestError(path, f"cannot read ({type(e).__name__}: {e})") from None


def _read(path: Path, max_bytes: int) -> Document:
    raw = _read_bytes(path, max_bytes)
    fmt = detect_format(path, raw)
    encoding: str | None = None
    if fmt in ("txt", "md", "html"):
        text, encoding = _decode(path, raw, fmt)
        if fmt == "md":
            from .markdown import markdown_to_text

            text = markdown_to_text(text)
        elif fmt == "html":
            from .html import html_to_text

            text = html_to_text(text)
    elif fmt == "docx":
        from .docx import CorruptDocx, docx_to_text

        if not raw.startswith(b"PK"):
            raise IngestError(path, "not a .docx file (no ZIP signature): corrupt or mislabelled")
        try:
            text = docx_to_text(raw)
        except CorruptDocx as e:
            raise IngestError(path, str(e)) from None
    else:
        from .pdf import PdfProblem, pdf_to_text

        if not raw.startswith(b"%PDF-"):
            raise IngestError(path, "not a PDF file (no %PDF header): corrupt or mislabelled")
        try:
            text = pdf_to_text(raw)
        except PdfProblem as e:
            raise IngestError(path, str(e)) from None
    text = normalise_newlines(text)
    if not text.strip():
        raise IngestError(path, "no text in file")
    return Document(
        path=path, file=path.name, text=text, encoding=encoding, format=fmt,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _decode(path: Path, raw: bytes, fmt: str) -> tuple[str, str]:
    if fmt == "html":
        from .html import declared_charset

        declared = declared_charset(raw)
        if declared and b"\x00" not in raw[:4096]:
            try:
                return normalise_newlines(raw.decode(declared)), declared
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration is common; let the content decide
    try:
        text, encoding = decode_text(raw)
    except DecodeError as e:
        raise IngestError(path, str(e)) from None
    return normalise_newlines(text), encoding
