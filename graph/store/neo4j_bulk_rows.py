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

from dataclasses import dataclass
from typing import Any, Sequence

from . import neo4j_brief as B
from .neo4j_bulk import latest_entity_vectors


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
    rows: dict[str, dict[str, Any]] = {}
    folded: dict[str, B.Shown] = {}
    for p in puts:
        for row in p.shown:
            nid = row["id"]
            if nid in drop:
                continue
            if nid not in rows:  # named by one report so far: its row as it is (what a fold into nothing gives)
                rows[nid] = row
                continue
            if nid not in folded:
                folded[nid] = B.Shown()
                folded[nid].fold(rows[nid])
            folded[nid].fold(row)
    return ([{"id": nid, **folded[nid].as_row()} if nid in folded else row for nid, row in rows.items()],
            sorted(drop))


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


@dataclass(frozen=True)
class GroupRows:
    """Everything a group's write statements send, folded before its transaction opens: the fold is
    Python work the server would otherwise wait on between statements, and folded ahead it runs
    while the server writes the group before (neo4j_group_writer)."""
    rids: list[str]
    reports: list[dict[str, Any]]           # CREATE_REPORTS rows: each report with its passages
    entities: list[dict[str, Any]]          # MERGE_ENTITIES rows, with the shown fields of new ones
    shown: list[dict[str, Any]]             # STORE_SHOWN rows, before folds_into picks the known ones
    drop: list[str]                         # DROP_SHOWN ids
    relations: list[dict[str, Any]]
    sources: list[dict[str, Any]]           # CREATE_SOURCES rows: authors and cited policies
    vectors: list[dict[str, Any]]           # FINISH_PUTS rows: each entity's vector once
    model: str | None
    dim: int | None
    vector_puts: int

    @classmethod
    def of(cls, puts: Sequence) -> "GroupRows":
        shown, drop = shown_rows(puts)
        models = [p for p in puts if p.model is not None]
        return cls(
            rids=report_ids(puts), reports=[{"props": p.report, "rows": p.passages} for p in puts],
            entities=with_shown(entity_rows(puts), shown), shown=shown, drop=drop,
            relations=relation_rows(puts),
            sources=[{"rid": p.rid, "aid": p.author, "policies": p.policies} for p in puts
                     if p.author or p.policies],
            vectors=latest_entity_vectors(puts), model=models[0].model if models else None,
            dim=models[0].dim if models else None, vector_puts=len(models))
