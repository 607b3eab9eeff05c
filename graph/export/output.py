"""Where an export goes: a path (written atomically, folders made) or an open stream."""
from __future__ import annotations

import io
import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


def is_stream(out) -> bool:
    return hasattr(out, "write")


def _prepare_path(out: str | os.PathLike) -> Path:
    path = Path(out)
    if path.is_dir():
        raise ValueError(f"output {path} is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ValueError(f"cannot create the folder for output {path}: {e.strerror or e}") from e
    return path


@contextmanager
def atomic_path(out: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside `out` that replaces it only if writing finished."""
    path = _prepare_path(out)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def text_output(out) -> Iterator[IO[str]]:
    """A text stream for `out`; a binary stream is wrapped as UTF-8 and left open."""
    if is_stream(out):
        if isinstance(out, io.TextIOBase) or not _looks_binary(out):
            yield out
            out.flush()
        else:
            wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
            try:
                yield wrapper
                wrapper.flush()
            finally:
                wrapper.detach()
        return
    with atomic_path(out) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as f:
        yield f


def _looks_binary(stream) -> bool:
    return isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(stream, "mode", "")
