"""Expanding the paths a user gives into the files to ingest."""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import IngestError

SUPPORTED_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")


def _describe(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symbolic link loop"
    if e.errno == errno.ENOENT:
        return "no such file or directory"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return e.strerror or str(e)


def iter_input_files(paths: list[str | Path]) -> Iterator[Path | IngestError]:
    """Files to ingest, in a stable order, with an IngestError in place of each path that cannot be used.

    Folders are walked recursively (sorted by name, hidden entries skipped, supported extensions only);
    symbolic links are followed, but a folder already on the current walk is a loop and reported, and a
    file reached twice is given once.
    """
    seen_files: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        try:
            st = path.stat()
        except OSError as e:
            if e.errno == errno.ENOENT and os.path.islink(path):
                yield IngestError(path, "broken symbolic link")
            else:
                yield IngestError(path, _describe(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, st, [], seen_files)
        elif stat.S_ISREG(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key not in seen_files:
                seen_files.add(key)
                yield path
        else:
            yield IngestError(path, "not a regular file")


def _walk(folder: Path, st: os.stat_result, ancestors: list[tuple[int, int]],
          seen_files: set[tuple[int, int]]) -> Iterator[Path | IngestError]:
    key = (st.st_dev, st.st_ino)
    if key in ancestors:
        yield IngestError(folder, "symbolic link loop (points back to a folder above it)")
        return
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield IngestError(folder, _describe(e))
        return
    trail = ancestors + [key]
    for entry in entries:
        if entry.name.startswith(".") or _is_folder_notes(entry.name):
            continue
        path = folder / entry.name
        try:
            est = entry.stat(follow_symlinks=True)
        except OSError as e:
            if e.errno == errno.ENOENT and entry.is_symlink():
                yield IngestError(path, "broken symbolic link")
            else:
                yield IngestError(path, _describe(e))
            continue
        if stat.S_ISDIR(est.st_mode):
            yield from _walk(path, est, trail, seen_files)
        elif stat.S_ISREG(est.st_mode) and path.suffix.lower() in SUPPORTED_EXTENSIONS:
            fkey = (est.st_dev, est.st_ino)
            if fkey not in seen_files:
                seen_files.add(fkey)
                yield path


_NOTES = ("readme", "license", "licence", "changelog", "contributing")


def _is_folder_notes(name: str) -> bool:
    """README.md and friends describe a folder; they are not reports. Named explicitly, they go in."""
    return name.lower().split(".", 1)[0] in _NOTES
