"""What a view shows of an entity, kept on the entity node at write time (issue 18).

A view shows an entity's name, aliases, English name and props, merged over every report that
names it, lowest report id first (graph.store.merge). Reading that merge from the MENTIONS took
one relationship and four property reads per report: for a report's 300 entities at 1x, 2,272
MENTIONS and 31,161 database hits (1.8 s at load 19); at 4x four times as many.

The merge has a closed form that a write can keep up to date without reading other reports:

- aliases: every distinct alias, ordered by where it first appears (report id, then its place in
  that report's list); the entity's name is left out once two reports name it;
- props: for each key, the value of the first report (in id order) that gives it, keys ordered by
  where they first appear.

So each entity keeps every distinct alias and prop key with its first place ("order":
report id, \\x01, place) and, for props, the value from there (JSON). A write touches an entity
only when its report brings an alias or key never seen, or sorts before the report an alias or
key came from: the lists grow with the distinct aliases and keys, not with the reports (as
`names` does). Removing a report recomputes them from the MENTIONS left (`refresh`).

An entity written before this existed has none of these properties: readers fall back to the
MENTIONS for it, and `fill_missing` computes them for a whole store.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from govgraph.ingest.batch import Node
from .base import NodeBrief
from .neo4j_codec import SHOWN_FIELDS, compact_json
from .neo4j_cypher import DEGREE

_SEP = "\x01"  # sorts before every character of a report id: (rid, place) order as a string


def order_key(report_id: str, place: int) -> str:
    return f"{report_id}{_SEP}{place:06d}"


@dataclass
class Shown:
    """An entity's aliases and props with the first place each came from (parallel lists)."""
    aliases: list[str] = field(default_factory=list)
    alias_order: list[str] = field(default_factory=list)
    prop_keys: list[str] = field(default_factory=list)
    prop_order: list[str] = field(default_factory=list)
    prop_values: list[str] = field(default_factory=list)

    def add(self, report_id: str, aliases: list[str] | None, props: dict[str, Any]) -> None:
        """Fold in one report's MENTIONS (what STORE_SHOWN does in Cypher)."""
        for i, a in enumerate(aliases or []):
            _keep_first(self.aliases, self.alias_order, None, a, order_key(report_id, i), None)
        for i, (k, v) in enumerate(props.items()):
            _keep_first(self.prop_keys, self.prop_order, self.prop_values, k, order_key(report_id, i),
                        _dumps(v))

    def fold(self, row: dict[str, list]) -> None:
        """Fold in another Shown's row (as_row): each alias and key keeps its lowest place, so
        folding a group's reports in any order gives what folding them one by one gives."""
        for a, where in zip(row["shown_aliases"], row["shown_alias_order"]):
            _keep_first(self.aliases, self.alias_order, None, a, where, None)
        for k, where, v in zip(row["shown_prop_keys"], row["shown_prop_order"], row["shown_prop_values"]):
            _keep_first(self.prop_keys, self.prop_order, self.prop_values, k, where, v)

    def as_row(self) -> dict[str, list]:
        """The node properties (prefixed: a batch prop may be called `aliases`)."""
        return dict(zip(SHOWN_FIELDS, (self.aliases, self.alias_order, self.prop_keys, self.prop_order,
                                       self.prop_values)))


def _keep_first(keys: list, order: list, values: list | None, key, where: str, value) -> None:
    if key not in keys:
        keys.append(key)
        order.append(where)
        if values is not None:
            values.append(value)
        return
    j = keys.index(key)
    if where < order[j]:
        order[j] = where
        if values is not None:
            values[j] = value


def _dumps(v: Any) -> str:
    return compact_json(v)


def repeats_an_alias(aliases: list[str] | None) -> bool:
    """A list naming an alias twice: a merge keeps the first report's list as it is, repeats and
    all, which the distinct aliases kept here cannot say. Ingest never writes one (it adds an alias
    only once); an entity named so (a hand-made import) is read from its MENTIONS instead."""
    return len(set(aliases or [])) < len(aliases or [])


def write_row(n: Node, report_id: str) -> dict[str, Any]:
    """One report's contribution, as STORE_SHOWN folds it in."""
    s = Shown()
    s.add(report_id, list(n.aliases), n.props)
    return {"id": n.id, **s.as_row()}


# Fold each row into its entity; an entity is rewritten only when something changed.
_FOLD = """
reduce(acc = {{k: coalesce(n.{keys}, []), o: coalesce(n.{order}, []), v: {values_old}}},
       i IN range(0, size(row.{keys}) - 1) |
  CASE WHEN row.{keys}[i] IN acc.k
  THEN {{k: acc.k,
        o: [j IN range(0, size(acc.k) - 1) |
            CASE WHEN acc.k[j] = row.{keys}[i] AND row.{order}[i] < acc.o[j] THEN row.{order}[i] ELSE acc.o[j] END],
        v: {values_new}}}
  ELSE {{k: acc.k + row.{keys}[i], o: acc.o + row.{order}[i], v: {values_add}}} END)
"""
_ALIASES = _FOLD.format(keys="shown_aliases", order="shown_alias_order", values_old="[]", values_new="[]",
                        values_add="[]")
_PROPS = _FOLD.format(
    keys="shown_prop_keys", order="shown_prop_order", values_old="coalesce(n.shown_prop_values, [])",
    values_new="[j IN range(0, size(acc.k) - 1) | CASE WHEN acc.k[j] = row.shown_prop_keys[i] AND "
               "row.shown_prop_order[i] < acc.o[j] THEN row.shown_prop_values[i] ELSE acc.v[j] END]",
    values_add="acc.v + row.shown_prop_values[i]")
# A row folds a group's reports (neo4j_bulk_rows.shown_rows) into an entity the store held before
# them (an entity the group creates takes its fields in neo4j_cypher.MERGE_ENTITIES). One that holds
# none was written before the shown fields existed: it reads its MENTIONS until fill_missing.
STORE_SHOWN = f"""
UNWIND $rows AS row
MATCH (n:Entity {{id: row.id}})
WHERE n.shown_alias_order IS NOT NULL
WITH n, {_ALIASES} AS a, {_PROPS} AS p
WHERE a.k <> n.shown_aliases OR a.o <> n.shown_alias_order
   OR p.k <> n.shown_prop_keys OR p.o <> n.shown_prop_order OR p.v <> n.shown_prop_values
SET n.shown_aliases = a.k, n.shown_alias_order = a.o, n.shown_prop_keys = p.k, n.shown_prop_order = p.o,
    n.shown_prop_values = p.v
"""

# Recomputing from the MENTIONS (after a report is removed, or for a store written before).
MENTIONS_OF = """
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})<-[m:MENTIONS]-(r:Report)
RETURN n.id AS id, collect([r.id, m.aliases, m.props]) AS parts
"""
SET_SHOWN = "UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n += row.shown"
# An entity some report names with a repeated alias is read from its MENTIONS (repeats_an_alias).
DROP_SHOWN = """
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})
REMOVE n.shown_aliases, n.shown_alias_order, n.shown_prop_keys, n.shown_prop_order, n.shown_prop_values
"""
MISSING = """
MATCH (n:Entity) WHERE n.shown_alias_order IS NULL AND n.id > $after
RETURN n.id AS id ORDER BY id LIMIT $page
"""


def refresh(tx, ids: list[str]) -> None:
    """Recompute the shown fields of `ids` from their MENTIONS, in the caller's transaction."""
    rows, repeats = [], []
    for r in tx.run(MENTIONS_OF, ids=list(ids)):
        s = Shown()
        for rid, aliases, props in sorted(r["parts"], key=lambda p: p[0]):
            s.add(rid, aliases, json.loads(props or "{}"))
        if any(repeats_an_alias(aliases) for _, aliases, _ in r["parts"]):
            repeats.append(r["id"])
        else:
            rows.append({"id": r["id"], "shown": s.as_row()})
    if rows:
        tx.run(SET_SHOWN, rows=rows).consume()
    if repeats:
        tx.run(DROP_SHOWN, ids=repeats).consume()


def _shown_fields(degree: str) -> list[tuple[str, str]]:
    """What a brief reads: the node's own fields, its MENTIONS count (degree store), its degree."""
    return [("id", "n.id"), ("label", "n.label"), ("name", "n.name"), ("name_en", "n.name_en"),
            ("aliases", "n.shown_aliases"), ("alias_order", "n.shown_alias_order"),
            ("prop_keys", "n.shown_prop_keys"), ("prop_order", "n.shown_prop_order"),
            ("prop_values", "n.shown_prop_values"), ("mentions", "COUNT { ()-[:MENTIONS]->(n) }"),
            ("degree", degree)]


def shown_row(degree: str = DEGREE) -> str:
    """The brief of `n` as return columns."""
    return ", ".join(f"{expr} AS {key}" for key, expr in _shown_fields(degree))


def shown_list() -> str:
    """The brief of `n` as one list in SHOWN_KEYS order (many briefs in one row: a list of
    scalars decodes faster than a map, which sends its keys again for every entity)."""
    return "[" + ", ".join(expr for _, expr in _shown_fields(DEGREE)) + "]"


SHOWN_KEYS = tuple(key for key, _ in _shown_fields(DEGREE))


SHOWN_ROW = shown_row()
NODE_SHOWN = f"""
UNWIND $ids AS nid
MATCH (n:Entity {{id: nid}})
RETURN {SHOWN_ROW}
"""


def has_shown(row: dict) -> bool:
    return row.get("alias_order") is not None


def brief_of(row: dict) -> NodeBrief:
    """A NodeBrief from SHOWN_ROW: equal to merging every report's MENTIONS (neo4j_codec.brief_from)."""
    if not row["mentions"]:  # only a half-written node could lack a report
        return NodeBrief(row["id"], row["label"], row["name"], degree=row["degree"])
    name = row["name"]
    aliases = [a for _, a in sorted(zip(row["alias_order"], row["aliases"]))]
    if row["mentions"] > 1:
        aliases = [a for a in aliases if a != name]
    props = {k: json.loads(v) for _, k, v in sorted(zip(row["prop_order"], row["prop_keys"], row["prop_values"]))}
    return NodeBrief(row["id"], row["label"], name, aliases, row["name_en"], props, row["degree"])
