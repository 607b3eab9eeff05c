"""Line-level clean-up shared by the readers, applied before any offset is taken."""
from __future__ import annotations

import re

_BLANK_RUNS = re.compile(r"\n{3,}")


def normalise_newlines(text: str) -> str:
    """\\r\\n and lone \\r become \\n, so offsets mean the same thing whatever wrote the file."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def join_blocks(blocks: list[str]) -> str:
    """One block a line: structured formats hand over their paragraphs, headings and cells this way."""
    out = []
    for block in blocks:
        for line in normalise_newlines(block).split("\n"):
            line = line.strip()
            if line:
                out.append(line)
    return "\n".join(out)
