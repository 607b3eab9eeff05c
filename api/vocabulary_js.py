"""The web UI's copy of the vocabulary (web/static/js/vocabulary.js), generated from ingest/vocabulary.py.

The UI is plain ES modules with no build step, so it cannot import Python; this writes the names it
needs as a module, and tests/unit/test_vocabulary.py fails when the file and the enums disagree.
Regenerate with `python -m govgraph.api.vocabulary_js`.
"""
from __future__ import annotations

import json
from pathlib import Path

from govgraph.ingest.vocabulary import ENTITY_LABELS, SYMMETRIC, TIME_LABELS, Label, RelType, Role, Status

JS_PATH = Path(__file__).resolve().parent.parent / "web" / "static" / "js" / "vocabulary.js"


def _names(values) -> str:
    return json.dumps([str(v) for v in values])


def render() -> str:
    """The text of vocabulary.js for the enums as they are now."""
    return "\n".join([
        "// GENERATED from ingest/vocabulary.py by `python -m govgraph.api.vocabulary_js`: do not edit by hand.",
        "// tests/unit/test_vocabulary.py checks that this file matches the Python enums.",
        "",
        f"export const ENTITY_LABELS = {_names(ENTITY_LABELS)};",
        f"export const ALL_LABELS = {_names(Label)};",
        f"export const TIME_LABELS = {_names(TIME_LABELS)};",
        f"export const REL_TYPES = {_names(RelType)};",
        f"export const SYMMETRIC_TYPES = {_names(t for t in RelType if t in SYMMETRIC)};",
        f"export const ROLES = {_names(Role)};",
        f"export const STATUSES = {_names(Status)};",
        "",
    ])


def main() -> None:
    JS_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {JS_PATH}")


if __name__ == "__main__":
    main()
