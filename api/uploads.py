"""Uploaded files land in a private temporary folder under safe names, within a size limit."""
from __future__ import annotations

import re
from pathlib import Path

from fastapi import HTTPException, UploadFile

ALLOWED = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]")


def safe_name(name: str | None) -> str:
    """Keep only the last path component; a name like ../../etc/passwd becomes passwd."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base:
        raise HTTPException(422, "files: an uploaded file has no usable name")
    return base[:200]


async def save_uploads(files: list[UploadFile], folder: Path, max_bytes: int) -> list[Path]:
    saved: list[Path] = []
    total = 0
    for f in files:
        name = safe_name(f.filename)
        if Path(name).suffix.lower() not in ALLOWED:
            raise HTTPException(422, f"files: {name}: unsupported type (use {', '.join(sorted(ALLOWED))})")
        dest = folder / name
        if dest.exists():
            raise HTTPException(422, f"files: {name} was uploaded twice")
        with open(dest, "wb") as out:
            while chunk := await f.read(1 << 20):
                total += len(chunk)
                if total > max_bytes:
                    raise HTTPException(413, f"upload over the limit of {max_bytes} bytes")
                out.write(chunk)
        saved.append(dest)
    return saved
