"""A read file: its decoded text and where it came from."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FORMATS = ("txt", "md", "html", "docx", "pdf")


@dataclass
class Document:
    path: Path
    file: str
    # Line endings are already normalised to "\n": every offset in govgraph points into this string.
    text: str
    encoding: str | None
    format: str
    sha256: str
