"""Ingest progress with an estimate of the time left, from the bytes done so far.

Files differ in size by 50x (a one-page notice, a 40-page work report), so the estimate is by
bytes rather than by files: seconds so far x bytes left / bytes done.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.ingest.readers.files import iter_input_files


@dataclass
class IngestEta:
    sizes: dict[str, int]
    started: float = field(default_factory=time.monotonic)
    done_bytes: int = 0
    done_files: int = 0

    @classmethod
    def of(cls, paths: list[Path]) -> "IngestEta":
        sizes: dict[str, int] = {}
        for item in iter_input_files(list(paths)):
            if isinstance(item, Path):
                try:
                    sizes[item.name] = item.stat().st_size
                except OSError:
                    sizes[item.name] = 0
        return cls(sizes)

    def done(self, file: str) -> str:
        """`  [3/155, about 12 min left]` after a file; empty for a single file."""
        self.done_files += 1
        self.done_bytes += self.sizes.get(Path(file).name, 0)
        total, n = sum(self.sizes.values()), len(self.sizes)
        if n <= 1:
            return ""
        left = max(0, total - self.done_bytes)
        elapsed = time.monotonic() - self.started
        if self.done_bytes <= 0 or left == 0:
            return f"  [{self.done_files}/{n}]"
        secs = elapsed * left / self.done_bytes
        when = f"{secs / 60:.0f} min" if secs >= 90 else f"{secs:.0f} s"
        return f"  [{self.done_files}/{n}, about {when} left]"
