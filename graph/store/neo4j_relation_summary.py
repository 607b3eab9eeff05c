"""What a view needs of a relation's statements, kept on the relation itself (issue 18).

A view shows a relation with its props (the distinct props of every report's statement, lowest
report id first, merged) and the first few pieces of evidence. Read from the statements, every
statement of the relation was read and sorted by report to merge the props and find the first
three: at 4x a report overview of 533 relations read 3,552 statements for that (~11k of its
34k database hits, session 10), and a hub relation's statements grow with the collection.

So each entity-to-entity relationship keeps, updated by every write and by every removal:

- `statements`: how many reports state it;
- `said_props` and `said_props_from`: the distinct props its statements give (JSON, as the
  statements keep them) and, for each, the lowest report id that gives it, sorted by that id:
  the props the merge reads, in its order. Absent when no statement gives props (all but a few
  of the corpus's relations), so a write of those sets one integer.

The evidence shown is then the first k statements by report, read through the composite index
on (Statement.key, Statement.report) in index order: k statements, not all of them.
A relation written before these fields existed has no `statements`: the views read it from its
statements as before, and `Neo4jStore.fill_relation_summaries()` (run by `govgraph
neo4j-migrate`) gives it the fields.
"""
from __future__ import annotations

SUMMARY_KEYS = ("statements", "said_props", "said_props_from")

# Inside a relation MERGE (`e` the relation, `row` a neo4j_bulk_rows.relation_rows row): the
# group's statements counted in, and its `said` ([props, lowest report id]) folded into the kept
# props: a props already kept takes the lower report id, a new one is added; both lists are kept
# sorted by that report id, so whatever order the reports come in gives the same lists.
FOLD_WRITE = """SET e.statements = coalesce(e.statements, 0) + size(row.statements)
  FOREACH (pairs IN CASE WHEN size(row.said) = 0 THEN [] ELSE [
      [i IN range(0, size(coalesce(e.said_props, [])) - 1) | [e.said_props[i],
         reduce(f = e.said_props_from[i], x IN row.said | CASE WHEN x[0] = e.said_props[i] AND x[1] < f THEN x[1] ELSE f END)]]
      + [x IN row.said WHERE NOT x[0] IN coalesce(e.said_props, [])]] END |
    SET e.said_props = COLLECT { UNWIND pairs AS x WITH x ORDER BY x[1] RETURN x[0] },
        e.said_props_from = COLLECT { UNWIND pairs AS x WITH x ORDER BY x[1] RETURN x[1] })"""

# The summary of relation `e` (key `key`) drawn again from the statements left: after a report's
# statements went (a removal, the first half of a re-put), or for a relation written before the
# summary existed. A relation no statement is left for is deleted.
_RECOUNT = """
CALL (e, key) {
  OPTIONAL MATCH (s:Statement {key: key})
  WITH s ORDER BY s.report
  WITH count(s) AS n, [x IN collect([s.props, s.report]) WHERE x[0] IS NOT NULL] AS said
  RETURN n, reduce(acc = [[], []], x IN said |
           CASE WHEN x[0] IN acc[0] THEN acc ELSE [acc[0] + x[0], acc[1] + x[1]] END) AS kept
}
FOREACH (_ IN CASE WHEN n = 0 THEN [1] ELSE [] END | DELETE e)
FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
  SET e.statements = n,
      e.said_props = CASE WHEN size(kept[0]) > 0 THEN kept[0] END,
      e.said_props_from = CASE WHEN size(kept[1]) > 0 THEN kept[1] END)
"""

# Removing report $rid's statements, the relations they alone supported with them; the others
# take their summary again from the statements left.
DELETE_STATEMENTS = """
MATCH (:Report {id: $rid})-[:STATES]->(s:Statement)
WITH s, s.key AS key, s.type AS type, s.source AS src, s.target AS tgt
DETACH DELETE s
WITH DISTINCT key, type, src, tgt
MATCH (a:Entity {id: src})-[e]->(b:Entity {id: tgt}) WHERE type(e) = type
""" + _RECOUNT


def fill_missing_query(rels: str) -> str:
    """A page of relations without the summary (from source ids after $after), given it; returns
    the last source id of the page and how many relations it filled."""
    return f"""
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
WITH collect(a) AS page
CALL (page) {{
  UNWIND page AS a
  MATCH (a)-[e:{rels}]->(b:Entity) WHERE e.statements IS NULL
  WITH e, a.id + '|' + type(e) + '|' + b.id AS key
  {_RECOUNT}
  RETURN count(*) AS filled
}}
RETURN CASE WHEN size(page) = 0 THEN null ELSE page[-1].id END AS last, filled
"""


def shown_parts(scope: str, key: str, relation: str, file: str) -> str:
    """A relation's props (merged from every statement, lowest report id first), how many
    statements it has, and the spans of its first $k statements by report ([report, file,
    passages, starts, ends, texts]; `file` reads statement `x`'s report file). `scope`: the
    variables of the enclosing query used; `key`: the relation's key (an expression over them);
    `relation`: the relationship. From the summary on the relationship when it has one; else from
    every statement, as before the summary existed (grouped by the key, so this branch gives no
    row for a relation that has the summary)."""
    spans = f"[x IN shown | [x.report, {file}, x.passages, x.starts, x.ends, x.texts]] AS spans"
    return f"""
CALL ({scope}) {{
  WITH {scope}, {key} AS rkey WHERE {relation}.statements IS NOT NULL
  CALL (rkey) {{
    MATCH (s:Statement {{key: rkey}}) WHERE s.report IS NOT NULL
    WITH s ORDER BY s.report LIMIT $k
    RETURN collect(s) AS shown
  }}
  RETURN coalesce({relation}.said_props, []) AS props, {relation}.statements AS statements, {spans}
  UNION ALL
  WITH {scope}, {key} AS rkey WHERE {relation}.statements IS NULL
  OPTIONAL MATCH (s:Statement {{key: rkey}})
  WITH rkey, s ORDER BY s.report
  WITH rkey, collect(s.props) AS said, collect(s)[0..$k] AS shown, count(s) AS statements
  RETURN reduce(acc = [], p IN said | CASE WHEN p IN acc THEN acc ELSE acc + p END) AS props, statements,
         {spans}
}}
"""
