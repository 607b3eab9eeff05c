"""Turning a record into the flat property map Neo4j can store.

Neo4j properties hold scalars and homogeneous lists of scalars only, so nested values
(props that are maps, mixed lists, evidence) become JSON strings. The CSV and Cypher
exports share these rules, which is what makes their imports agree.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any, Callable, Iterable

# Keys the record itself owns; a prop of the same name is stored as `prop_<key>`.
NODE_FIELDS = ("id", "name", "aliases", "name_en", "evidence")
EDGE_FIELDS = ("evidence",)


_ESCAPE_PAIR = re.compile(r"\\(.)", re.S)
_SAFE = {'"': "\\u0022", "\\": "\\u005c"}


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def to_json_quote_safe(value: Any) -> str:
    """JSON whose every backslash is followed by a letter: quotes inside strings are written
    \\u0022 and backslashes \\u005c.

    Same value when decoded; but CSV readers with legacy backslash escaping (Neo4j's LOAD
    CSV by default) would take \\" followed by the CSV's doubled quote for an escaped quote.
    """
    return _ESCAPE_PAIR.sub(lambda m: _SAFE.get(m.group(1), m.group(0)), to_json(value))


def storable(value: Any, dumps: Callable[[Any], str] = to_json) -> Any:
    """A value Neo4j can keep as it is, else its JSON text; None stays None (no property)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (list, tuple)):
        items = list(value)
        kinds = {_scalar_kind(v) for v in items}
        if len(kinds) == 1 and None not in kinds:
            return items
        if not items:
            return []
    return dumps(value)


def _scalar_kind(v: Any) -> str | None:
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float) and math.isfinite(v):
        return "float"
    if isinstance(v, str):
        return "str"
    return None


def _merge_props(out: dict[str, Any], props: dict[str, Any], reserved: tuple[str, ...], dumps) -> None:
    for k, v in props.items():
        key = f"prop_{k}" if k in reserved or k.startswith("prop_") else str(k)
        sv = storable(v, dumps)
        if sv is not None:
            out[key] = sv


def node_properties(rec: dict[str, Any], dumps: Callable[[Any], str] = to_json) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rec["id"], "name": rec["name"], "aliases": list(rec.get("aliases") or [])}
    if rec.get("name_en") is not None:
        out["name_en"] = rec["name_en"]
    _merge_props(out, rec.get("props") or {}, NODE_FIELDS, dumps)
    out["evidence"] = dumps(rec.get("evidence") or [])
    return out


def edge_properties(rec: dict[str, Any], dumps: Callable[[Any], str] = to_json) -> dict[str, Any]:
    out: dict[str, Any] = {}
    _merge_props(out, rec.get("props") or {}, EDGE_FIELDS, dumps)
    out["evidence"] = dumps(rec.get("evidence") or [])
    return out


INT32 = 2 ** 31


def _kind(v: Any) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "int" if -INT32 <= v < INT32 else "long"
    if isinstance(v, float):
        return "double"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "json"


def column_type(values: Iterable[Any]) -> str:
    """The neo4j-admin type that holds every value of a column; JSON text when none does."""
    kinds: set[str] = set()
    elems: set[str] = set()
    for v in values:
        k = _kind(v)
        kinds.add(k)
        if k == "array":
            elems.update(_kind(x) for x in v)
    if not kinds:
        return "string"
    if kinds == {"array"}:
        if elems <= {"int"}:
            return "int[]" if elems else "string[]"
        if elems <= {"int", "long"}:
            return "long[]"
        if elems <= {"int", "long", "double"}:
            return "double[]"
        if elems in ({"boolean"}, {"string"}):
            return elems.pop() + "[]"
        return "string"
    if kinds <= {"int"}:
        return "int"
    if kinds <= {"int", "long"}:
        return "long"
    if kinds <= {"int", "long", "double"}:
        return "double"
    if kinds == {"boolean"}:
        return "boolean"
    return "string"


def scalar_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else ""
    return str(v)
