"""Query parameters the Neo4j driver sends without first writing them out as text.

The Python driver (5.28, and 6.4 alike) builds its debug line for every RUN message before it
asks the logger whether debug is on: `log.debug("C: RUN %s", " ".join(map(repr, fields)))` in
neo4j/_sync/io/_bolt5.py. So each write's parameters (a group's passages with their vectors of
1,024 floats, its entity, MENTIONS and statement rows) were turned into one long string and
dropped. Measured over a grouped write of 24 corpus reports (session 10, 1x corpus from
/work/stores/all6): that repr took 2.0 s of the writer's 3.6 s of CPU, 55%.

A list parameter sent as `QuietList` reprs as its length; the driver packs it as any list (it is
one), so the server receives the same values.
"""
from __future__ import annotations

from typing import Any


class QuietList(list):
    """A list whose repr is its length: what the driver's discarded debug line gets."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def quiet(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters with each top-level list wrapped, so no nested value is written out."""
    return {k: QuietList(v) if isinstance(v, list) and not isinstance(v, QuietList) else v
            for k, v in params.items()}
