"""Reading a neo4j-admin import folder by the tool's documented header rules.

neo4j-admin itself is not installed where the tests run, so the tests check the export
against these rules instead: `name:type` headers, `:ID`/`:LABEL`/`:START_ID`/`:END_ID`/
`:TYPE` columns, scalar and array types, `;` (or the chosen) array delimiter, and empty
fields meaning "no property".
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

SCALARS = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
           "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
HEADER = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>[A-Za-z_]+(?:\[\])?)(?:\((?P<group>[^)]*)\))?)?$")


@dataclass
class Column:
    name: str
    type: str        # a SPECIAL name or a property type, "string" when none is given
    array: bool = False


@dataclass
class Row:
    labels: list[str] = field(default_factory=list)
    id: str | None = None
    start: str | None = None
    end: str | None = None
    type: str | None = None
    props: dict = field(default_factory=dict)


def parse_header(fields: list[str]) -> list[Column]:
    cols = []
    for f in fields:
        m = HEADER.match(f)
        if not m:
            raise ValueError(f"header field {f!r} is not name:type")
        name, typ = m.group("name"), m.group("type") or "string"
        if typ in SPECIAL:
            if typ in ("ID", "START_ID", "END_ID") and m.group("group") is not None and not m.group("group"):
                raise ValueError(f"empty id group in {f!r}")
            cols.append(Column(name, typ))
            continue
        base = typ[:-2] if typ.endswith("[]") else typ
        if base not in SCALARS:
            raise ValueError(f"unknown type {typ!r} in header field {f!r}")
        if not name:
            raise ValueError(f"property column {f!r} has no name")
        cols.append(Column(name, base, typ.endswith("[]")))
    return cols


def _scalar(text: str, typ: str):
    if typ in ("int", "long", "byte", "short"):
        return int(text)
    if typ in ("float", "double"):
        return float(text)
    if typ == "boolean":
        return text.strip().lower() == "true"
    return text


def read_file(path: Path, delimiter: str) -> tuple[list[Column], list[Row]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        cols = parse_header(next(reader))
        rows = []
        for cells in reader:
            if len(cells) != len(cols):
                raise ValueError(f"{path.name}: row has {len(cells)} fields, header {len(cols)}")
            r = Row()
            for c, text in zip(cols, cells):
                if text == "":
                    continue
                if c.type == "ID":
                    r.id = text
                    if c.name:       # a named id column is also stored as a property
                        r.props[c.name] = text
                elif c.type == "LABEL":
                    r.labels.extend(x for x in text.split(delimiter) if x)
                elif c.type == "START_ID":
                    r.start = text
                elif c.type == "END_ID":
                    r.end = text
                elif c.type == "TYPE":
                    r.type = text
                elif c.type == "IGNORE":
                    pass
                elif c.array:
                    r.props[c.name] = [_scalar(x, c.type) for x in text.split(delimiter)]
                else:
                    r.props[c.name] = _scalar(text, c.type)
            rows.append(r)
    return cols, rows
