"""The rows of a group of puts, one per entity and one per relation (issue 18).

A group's reports share hub entities and relations: written one report at a time, each report's
statement found, read and maybe rewrote every hub again. Here the group's rows are folded in
Python first, into one row per entity id and one per relation key, carrying each report's own
part (its MENTIONS, its Statement) as a list, so one statement writes the group and touches each
shared entity or relation once. The fold gives what the reports written one after another in
the group's order give (tests/neo4j/test_bulk_groups.py compares the two item for item):

- an entity's name comes from the lowest report id that names it, its English name from the
  lowest that gives one; its names list grows by the new names in the order the reports came;
- a new entity takes its label and queryable props from the first report (in the group's order)
  that names it, as the first MERGE created it; a new relation its props likewise;
- the shown fields (neo4j_brief) keep each alias and prop key's first place: the lowest order
  over the reports, which does not depend on the order they are folded in.

Each report's part carries `ri`, its place in the statement's `$rids`: the statement finds the
group's reports once, not once per mention.
"""
from __future__ import annotations

from typing import Any, Sequence

from . import neo4j_brief as B


def report_ids(puts: Sequence) -> list[str]:
    """The group's report ids, in order: `ri` indexes into this list."""
    return [p.rid for p in puts]


def entity_rows(puts: Sequence) -> list[dict[str, Any]]:
    """One MERGE_GROUP_ENTITIES row per entity id the group names."""
    rows: dict[str, dict[str, Any]] = {}
    for ri, p in enumerate(puts):
        for e in p.entities:
            mention = {"ri": ri, "mention": e["mention"], "in_passages": e["in_passages"]}
            row = rows.get(e["id"])
            if row is None:
                rows[e["id"]] = {
                    "id": e["id"], "label": e["label"], "flat": e["flat"], "names": list(e["names"]),
                    "name": e["name"], "name_report": p.rid,
                    "name_en": e["name_en"], "name_en_report": p.rid if e["name_en"] is not None else None,
                    "mentions": [mention]}
                continue
            row["names"] += [x for x in e["names"] if x not in row["names"]]
            if p.rid < row["name_report"]:
                row["name"], row["name_report"] = e["name"], p.rid
            if e["name_en"] is not None and (row["name_en_report"] is None or p.rid < row["name_en_report"]):
                row["name_en"], row["name_en_report"] = e["name_en"], p.rid
            row["mentions"].append(mention)
    return list(rows.values())


def shown_rows(puts: Sequence) -> tuple[list[dict[str, Any]], list[str]]:
    """STORE_SHOWN rows (each entity's shown fields folded over the group) and the ids whose
    shown fields go (DROP_SHOWN: some report of the group names it with a repeated alias; folded
    one report at a time, what that report drops no later report gives back, since the entity then
    has other MENTIONS)."""
    drop = {nid for p in puts for nid in p.repeats}
    folded: dict[str, B.Shown] = {}
    for p in puts:
        for row in p.shown:
            if row["id"] not in drop:
                folded.setdefault(row["id"], B.Shown()).fold(row)
    return [{"id": nid, **s.as_row()} for nid, s in folded.items()], sorted(drop)


def folds_into(shown: list[dict[str, Any]], existing: set[str]) -> list[dict[str, Any]]:
    """The STORE_SHOWN rows that can change an entity: those of entities the store held before
    the group (MERGE_ENTITIES gave the others theirs as it created them) that bring an alias or a
    prop key. A row with neither cannot add a key or lower a place, so folding it is a read that
    writes nothing."""
    return [r for r in shown if r["id"] in existing and (r["shown_aliases"] or r["shown_prop_keys"])]


def with_shown(entities: list[dict[str, Any]], shown: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each entity row with its shown fields (`shown`, empty for an entity whose fields go), which
    MERGE_ENTITIES gives an entity it creates."""
    by_id = {r["id"]: r for r in shown}
    return [{**e, "shown": by_id.get(e["id"], {})} for e in entities]


def relation_rows(puts: Sequence) -> list[dict[str, Any]]:
    """One MERGE_GROUP_RELATIONS row per relation key (source, type, target) the group states."""
    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for ri, p in enumerate(puts):
        for st in p.statements:
            key = (st["s"], st["type"], st["t"])
            row = rows.get(key)
            if row is None:
                row = rows[key] = {"s": st["s"], "t": st["t"], "type": st["type"], "flat": st["flat"],
                                   "statements": []}
            row["statements"].append({"ri": ri, "props": st["statement"]})
    return list(rows.values())
