"""`export --format jsonl`: one JSON object a line, nodes then edges, as DESIGN.md gives them."""
from __future__ import annotations

import json

from .output import text_output
from .records import GraphRecords


def write_jsonl(records: GraphRecords, out) -> dict[str, int]:
    with text_output(out) as f:
        for rec in records.nodes:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        for rec in records.edges:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return {"nodes": len(records.nodes), "edges": len(records.edges)}
