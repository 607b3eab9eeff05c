"""The one error type ingest raises for input it cannot use."""
from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file that cannot be ingested, with a one-line reason fit to show a user."""

    def __init__(self, file: str | Path, reason: str) -> None:
        self.file = str(file)
        # Callers print these one per line, so a multi-line library message must not break the log.
        self.reason = " ".join(str(reason).split()) or "unreadable"
        super().__init__(f"{self.file}: {self.reason}")

    def __str__(self) -> str:
        return f"{self.file}: {self.reason}"
