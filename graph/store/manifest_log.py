"""The embedded store's record: `manifest.json` (a whole state) and `manifest.log` (the writes since).

A write appends one line to the log (one report's entry, ~0.6 KB) and syncs it, instead of
replacing the whole manifest: at 16x the corpus that was 1.5 MB a write, and the last quarter of
an ingest cost 1.5x its first (docs/storage.md). A flush folds the log into a new manifest.json
(`compact`), so after every ingest command manifest.json alone is the whole state again.

    manifest.json   {"format": 2, "version": V, "model": ..., "segments": {...}, "reports": {...}}
    manifest.log    {"base": B}\n  then one entry a line:
                    {"version": v, "put": rid, "segment": file, "report": {...}, "model": m}\n
                    {"version": v, "remove": rid, "model": m}\n

Why it is safe without a lock for readers:
- an entry counts only when its whole line (up to its newline) is there and its version is one
  more than the state's: a writer killed mid-append leaves a torn tail that readers ignore and
  the next writer (under writer.lock) cuts off before appending;
- compaction renames a new manifest.json into place first, then a new log whose `base` is that
  version. Killed between the two, the old log's entries are all <= the new manifest's version and
  are skipped. A reader that read the old manifest.json and then opened the new log sees
  base > its version and reads both again.
A manifest.json of format 1 (no log; stores written before) is read as it is and rewritten as
format 2 by the first write, so older code refuses the store instead of missing the log.
"""
from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .base import StoreError
from .manifest_codec import ManifestEncoder

MANIFEST = "manifest.json"
LOG = "manifest.log"
FORMAT = 2
READABLE_FORMATS = (1, FORMAT)
_RETRIES = 5


def empty_state() -> dict:
    return {"format": FORMAT, "version": 0, "model": None, "segments": {}, "reports": {}}


def _enc(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


@dataclass
class LogPosition:
    """How far into which log file a state has been read: its inode and the byte after the last
    whole entry (None: no log)."""
    inode: int | None = None
    end: int = 0
    start: int = 0   # the byte after the header: end - start is the bytes of entries


def apply_entry(state: dict, entry: dict) -> None:
    rid = entry.get("put")
    if rid is not None:
        state["segments"][rid] = entry["segment"]
        state["reports"][rid] = entry["report"]
    else:
        rid = entry["remove"]
        state["segments"].pop(rid, None)
        state["reports"].pop(rid, None)
    state["model"] = entry.get("model")
    state["version"] = entry["version"]


def _entries(data: bytes, start: int) -> tuple[list[dict], int]:
    """The whole, parseable entries of `data` (read from byte `start` of the log) and the byte after
    the last one; a torn or unreadable line ends the list."""
    out, pos = [], 0
    while True:
        nl = data.find(b"\n", pos)
        if nl < 0:
            break
        try:
            entry = json.loads(data[pos:nl])
        except ValueError:
            break
        if not isinstance(entry, dict):
            break
        out.append(entry)
        pos = nl + 1
    return out, start + pos


class ManifestFiles:
    """Reads, follows, appends to and compacts one store's manifest.json and manifest.log."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.manifest = self.folder / MANIFEST
        self.log = self.folder / LOG
        self.encoder = ManifestEncoder()
        # committed_version()'s own view: (inode, end, version) of the last log tail it read
        self._peek: tuple[int | None, int, int] | None = None
        self._seen_manifest: tuple[tuple, int] | None = None   # (stat signature, version)

    # -- reading ---------------------------------------------------------------------
    def _read_manifest(self) -> dict:
        if not self.manifest.exists():
            return empty_state()
        try:
            m = json.loads(self.manifest.read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise StoreError(f"store manifest {self.manifest} is unreadable: {e}") from e
        if not isinstance(m, dict) or m.get("format") not in READABLE_FORMATS:
            fmt = m.get("format") if isinstance(m, dict) else None
            raise StoreError(f"store {self.folder} has format {fmt}, expected {FORMAT}")
        return m

    def read(self) -> tuple[dict, LogPosition]:
        """The committed state: manifest.json with the log's later entries applied."""
        for _attempt in range(_RETRIES):
            state = self._read_manifest()
            try:
                f = open(self.log, "rb")
            except FileNotFoundError:
                return state, LogPosition()
            except OSError as e:
                raise StoreError(f"store log {self.log} is unreadable: {e.strerror or e}") from e
            with f:
                inode = os.fstat(f.fileno()).st_ino
                data = f.read()
            entries, end = _entries(data, 0)
            if not entries or "base" not in entries[0]:
                raise StoreError(f"store log {self.log} has no header; it is damaged")
            if int(entries[0]["base"]) > state["version"]:
                continue   # compacted between our two reads: manifest.json is newer now
            self._apply(state, entries[1:])
            return state, LogPosition(inode, end, data.find(b"\n") + 1)
        raise StoreError(f"store {self.folder} kept changing while its manifest was being read")

    @staticmethod
    def _apply(state: dict, entries: list[dict]) -> None:
        for e in entries:
            v = e.get("version")
            if not isinstance(v, int) or v <= state["version"]:
                continue   # already in manifest.json (compacted after this log was written)
            if v != state["version"] + 1:
                break
            apply_entry(state, e)

    def follow(self, state: dict, pos: LogPosition) -> tuple[dict, LogPosition, bool]:
        """`state` brought up to what is committed now: only new log lines are read while the log
        is the same file; a compacted (replaced) log means reading both files again. Returns the
        state, its position and whether anything changed."""
        try:
            st = os.stat(self.log)
        except FileNotFoundError:
            st = None
        if st is not None and pos.inode == st.st_ino and st.st_size >= pos.end:
            if st.st_size == pos.end:
                return state, pos, False
            with open(self.log, "rb") as f:
                f.seek(pos.end)
                data = f.read()
            entries, end = _entries(data, pos.end)
            before = state["version"]
            self._apply(state, entries)
            return state, LogPosition(pos.inode, end, pos.start), state["version"] != before
        if st is None and pos.inode is None and self.peek_version() == state["version"]:
            return state, pos, False
        fresh, fpos = self.read()
        return fresh, fpos, fresh["version"] != state["version"] or fresh["segments"] != state["segments"]

    def peek_version(self) -> int:
        """The version committed now, for readers polling for writes: a stat, and a read of the
        log's new lines only when it grew (of both files when it was replaced)."""
        try:
            st = os.stat(self.log)
        except FileNotFoundError:
            return self._manifest_version()
        peek = self._peek
        if peek is not None and peek[0] == st.st_ino:
            if st.st_size == peek[1]:
                return peek[2]
            if st.st_size > peek[1]:
                with open(self.log, "rb") as f:
                    f.seek(peek[1])
                    entries, end = _entries(f.read(), peek[1])
                version = peek[2]
                for e in entries:
                    if isinstance(e.get("version"), int) and e["version"] == version + 1:
                        version = e["version"]
                self._peek = (st.st_ino, end, version)
                return version
        try:
            state, pos = self.read()
        except StoreError:
            return peek[2] if peek else 0   # mid-replace or damaged: ask again later
        self._peek = (pos.inode, pos.end, state["version"])
        return state["version"]

    def _manifest_version(self) -> int:
        """A store without a log (format 1, or never written): manifest.json's version, parsed
        only when its file changed."""
        try:
            st = os.stat(self.manifest)
        except FileNotFoundError:
            return 0
        sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        seen = self._seen_manifest
        if seen is not None and seen[0] == sig:
            return seen[1]
        try:
            version = int(json.loads(self.manifest.read_text("utf-8"))["version"])
        except (OSError, ValueError, KeyError, TypeError):
            return seen[1] if seen else 0   # mid-replace or damaged: ask again later
        self._seen_manifest = (sig, version)
        return version

    # -- writing (under the store's writer lock, with `state` caught up) ---------------
    def append(self, state: dict, pos: LogPosition, entry: dict) -> LogPosition:
        """One write made durable: its line appended and synced. `entry` is applied to `state`."""
        if pos.inode is None or state.get("format") != FORMAT:
            pos = self.compact(state)   # no log yet, or a format-1 manifest older code would misread
        line = (_enc(entry) + "\n").encode("utf-8")
        with open(self.log, "r+b") as f:
            if os.fstat(f.fileno()).st_ino != pos.inode:
                raise StoreError(f"store log {self.log} was replaced during a write")
            f.truncate(pos.end)   # a torn tail a killed writer left behind (a no-op otherwise)
            f.seek(pos.end)
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        apply_entry(state, entry)
        return LogPosition(pos.inode, pos.end + len(line), pos.start)

    def compact(self, state: dict) -> LogPosition:
        """manifest.json rewritten whole from `state`, then an empty log after it."""
        state["format"] = FORMAT
        atomic_write_bytes(self.manifest, self.encoder.encode(state))
        header = (_enc({"base": state["version"]}) + "\n").encode("utf-8")
        atomic_write_bytes(self.log, header)
        return LogPosition(os.stat(self.log).st_ino, len(header), len(header))
