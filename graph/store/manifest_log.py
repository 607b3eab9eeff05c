"""The embedded store's record: `manifest.json` (a whole state) and `manifest.log` (the writes since).

A write appends one line to the log (one report's entry, ~0.6 KB) and syncs it, instead of
replacing the whole manifest: at 16x the corpus that was 1.5 MB a write, and the last quarter of
an ingest cost 1.5x its first (docs/storage.md). A flush folds the log into a new manifest.json
(`compact`), so after every ingest command manifest.json alone is the whole state again.

    manifest.json   {"format": 2, "version": V, "model": ..., "segments": {...}, "reports": {...}}
    manifest.log    {"base": B, "log": token}\n  then one entry a line:
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
- a log is known by its inode AND the random `log` token of its header: compaction renames a new
  file over the old one, and ext4 gives the freed inode number to the next new file (on this
  machine six renames alternated between two inode numbers). Known by inode alone, a writer that
  last read the log two compactions ago took the new log for the one it knew, saw no new entries,
  appended under a stale version and cut the log at its old end (4 processes appending and
  compacting lost 26-49 of 200 writes), and a server polling the log missed writes.
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
    """How far into which log file a state has been read: its inode and header token (which file)
    and the byte after the last whole entry (inode None: no log)."""
    inode: int | None = None
    end: int = 0
    start: int = 0   # the byte after the header: end - start is the bytes of entries
    token: str | None = None

    def is_in(self, log: "OpenLog") -> bool:
        """This position is in that open log file (not in an older one whose inode it reuses)."""
        return self.inode == log.inode and self.token == log.token and log.size >= self.end


@dataclass
class OpenLog:
    """The log file as opened now: its inode, size and header token, read from one descriptor."""
    file: object
    inode: int
    size: int
    token: str | None

    @staticmethod
    def open(path: Path, mode: str = "rb") -> "OpenLog | None":
        try:
            f = open(path, mode)
        except FileNotFoundError:
            return None
        except OSError as e:
            raise StoreError(f"store log {path} is unreadable: {e.strerror or e}") from e
        st = os.fstat(f.fileno())
        return OpenLog(f, st.st_ino, st.st_size, _token(os.pread(f.fileno(), _HEADER_MAX, 0)))

    def tail(self, start: int) -> bytes:
        self.file.seek(start)
        return self.file.read()

    def close(self) -> None:
        self.file.close()


# A header is {"base": <int>, "log": <16 hex>}: well under this.
_HEADER_MAX = 256


def _token(head: bytes) -> str | None:
    """The `log` token of the header line at the start of `head` (None: a log written before
    tokens, or no whole header)."""
    nl = head.find(b"\n")
    try:
        header = json.loads(head[:nl]) if nl > 0 else None
    except ValueError:
        return None
    return header.get("log") if isinstance(header, dict) else None


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
        # committed_version()'s own view: the position and version of the last log tail it read
        self._peek: tuple[LogPosition, int] | None = None
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
            return state, LogPosition(inode, end, data.find(b"\n") + 1, entries[0].get("log"))
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
        log = OpenLog.open(self.log)
        if log is not None:
            try:
                if pos.is_in(log):
                    if log.size == pos.end:
                        return state, pos, False
                    entries, end = _entries(log.tail(pos.end), pos.end)
                    before = state["version"]
                    self._apply(state, entries)
                    return state, LogPosition(pos.inode, end, pos.start, pos.token), state["version"] != before
            finally:
                log.close()
        elif pos.inode is None and self.peek_version() == state["version"]:
            return state, pos, False
        fresh, fpos = self.read()
        return fresh, fpos, fresh["version"] != state["version"] or fresh["segments"] != state["segments"]

    def peek_version(self) -> int:
        """The version committed now, for readers polling for writes: the log's inode, size and
        header token from one open descriptor, and a read of its new lines only when it grew (of
        both files when it was replaced)."""
        log = OpenLog.open(self.log)
        if log is None:
            return self._manifest_version()
        peek = self._peek
        try:
            if peek is not None and peek[0].is_in(log):
                pos, version = peek
                if log.size == pos.end:
                    return version
                entries, end = _entries(log.tail(pos.end), pos.end)
                for e in entries:
                    if isinstance(e.get("version"), int) and e["version"] == version + 1:
                        version = e["version"]
                self._peek = (LogPosition(pos.inode, end, pos.start, pos.token), version)
                return version
        finally:
            log.close()
        try:
            state, pos = self.read()
        except StoreError:
            return peek[1] if peek else 0   # mid-replace or damaged: ask again later
        self._peek = (pos, state["version"])
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
        log = OpenLog.open(self.log, "r+b")
        if log is None or not pos.is_in(log):
            if log is not None:
                log.close()
            # the caller caught up under the writer lock: another log here is a bug, never cut it
            raise StoreError(f"store log {self.log} was replaced during a write")
        with log.file as f:
            f.truncate(pos.end)   # a torn tail a killed writer left behind (a no-op otherwise)
            f.seek(pos.end)
            f.write(line)
            f.flush()
            os.fsync(f.fileno())
        apply_entry(state, entry)
        return LogPosition(pos.inode, pos.end + len(line), pos.start, pos.token)

    def compact(self, state: dict) -> LogPosition:
        """manifest.json rewritten whole from `state`, then an empty log after it."""
        state["format"] = FORMAT
        atomic_write_bytes(self.manifest, self.encoder.encode(state))
        token = secrets.token_hex(8)   # which log this is, whatever inode it gets
        header = (_enc({"base": state["version"], "log": token}) + "\n").encode("utf-8")
        atomic_write_bytes(self.log, header)
        return LogPosition(os.stat(self.log).st_ino, len(header), len(header), token)
