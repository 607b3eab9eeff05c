"""The Cypher behind the views (neighbourhoods, overviews, paths, partners): the light reads.

A view shows an entity's name, aliases and props, and a few sentences per relation. The full
reads (neo4j_cypher.GET_NODES, EDGES_AMONG) bring every report's evidence spans: for a hub
named by hundreds of reports, hundreds of lists of offsets and sentences that a view then drops.
These read the MENTIONS and statements without their spans (names and props are merged from
every report, so they equal the full read's), and spans only for the evidence shown: the first
$k statements of a relation in report order.
"""
from __future__ import annotations

from .neo4j_cypher import DEGREE, RELS, find_nodes_query

# What each report says about an entity, without its evidence spans, grouped: reports that say the
# same (most of a hub's hundreds) come back as one row, the lowest report id first. The merge
# only needs each distinct saying in report order (neo4j_codec.brief_from).
BRIEF_PARTS = """
CALL (n) {
  MATCH (rep:Report)-[m:MENTIONS]->(n)
  WITH [m.name, m.aliases, m.name_en, m.props] AS said, rep.id AS rid
  WITH said, min(rid) AS first, count(*) AS times
  RETURN collect([first, said]) AS parts, sum(times) AS mentions
}
"""
BRIEF_ROW = f"n.id AS id, n.label AS label, n.name AS name, parts, mentions, {DEGREE} AS degree"

NODE_BRIEFS = f"""
UNWIND $ids AS nid
MATCH (n:Entity {{id: nid}})
{BRIEF_PARTS}
RETURN {BRIEF_ROW}
"""


def find_briefs_query(labels: bool, report: bool, role: bool, year: bool, prefix: bool) -> str:
    """find_nodes' query (same entities, same order), reading MENTIONS as NODE_BRIEFS does."""
    return find_nodes_query(labels, report, role, year, prefix, parts=BRIEF_PARTS, row=BRIEF_ROW)


# A relation's statements, lowest report id first: the distinct props of all (they merge into the
# relation's props) and the spans of the first $k only. A report's statement holds at least one
# span, so those carry the first $k pieces of the merged evidence (the store re-reads a relation
# whose first statements hold fewer). Statements are ordered by their own `report`; only the
# first $k are followed to their report, for its file.
SHOWN_PARTS = """
CALL (a, e, b) {
  MATCH (s:Statement {key: a.id + '|' + type(e) + '|' + b.id})
  WITH s ORDER BY s.report
  WITH collect(s.props) AS said, collect(s)[0..$k] AS shown, count(*) AS statements
  RETURN reduce(acc = [], p IN said | CASE WHEN p IN acc THEN acc ELSE acc + p END) AS props, statements,
         [x IN shown | [x.report, head([(r:Report)-[:STATES]->(x) | r.file]), x.passages, x.starts, x.ends,
                        x.texts]] AS spans
}
"""
# The relations among a set of entities, found as neo4j_cypher.EDGES_AMONG finds them: each
# member's outgoing relations, kept when the other end is a member. (Expanding only the members
# with few relations and looking up hub-to-hub pairs one by one halved the database hits of a
# hub's neighbourhood, but took longer on one overview of three: 42 ms against 6, best of five.)
EDGES_AMONG_SHOWN = f"""
UNWIND $ids AS aid
MATCH (a:Entity {{id: aid}})-[e:{RELS}]->(b:Entity)
WHERE b.id IN $ids AND ($rid IS NULL OR EXISTS {{
  MATCH (:Report {{id: $rid}})-[:STATES]->(:Statement {{key: a.id + '|' + type(e) + '|' + b.id}}) }})
{SHOWN_PARTS}
RETURN a.id AS s, b.id AS t, type(e) AS type, props, statements, spans ORDER BY type, s, t
"""

# Each node's distinct neighbours, ordered by their first relation as (type, source, target) and
# cut to $limit in the server: a hub's thousands of relations are sorted there, not shipped.
NEIGHBOURS_OF_MANY = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
CALL (n) {{
  MATCH (n)-[e:{RELS}]-(m:Entity)
  WHERE m <> n AND ($types IS NULL OR type(e) IN $types) AND ($labels IS NULL OR m.label IN $labels)
  WITH m, min([type(e), startNode(e).id, endNode(e).id]) AS first
  ORDER BY first
  LIMIT $limit
  RETURN collect(m.id) AS others
}}
RETURN id, others
"""


def all_shortest_paths_query(max_len: int, limit: int) -> str:
    """Every shortest path between two entities, direction ignored, at most `limit` (literals:
    Cypher takes no parameters there). allShortestPaths is a bidirectional breadth-first search;
    measured on the 155-report store, p95 86 ms where `SHORTEST 5` took 513 ms and up to 1.4 s
    when one end is a hub (20 pairs across the degree ranking)."""
    return f"""
MATCH (a:Entity {{id: $source}}), (b:Entity {{id: $target}})
MATCH p = allShortestPaths((a)-[:{RELS}*..{int(max_len)}]-(b))
RETURN [x IN nodes(p) | x.id] AS ids
LIMIT {int(limit)}
"""

# Relations by key: both ends by their unique index, the relation between them (expand-into).
GET_EDGES_SHOWN = f"""
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
MATCH (a:Entity {{id: key[1]}})-[e:{RELS}]->(b:Entity {{id: key[2]}})
WHERE type(e) = key[0]
{SHOWN_PARTS}
RETURN i, a.id AS s, b.id AS t, type(e) AS type, props, statements, spans ORDER BY i
"""


def relations_of_type_query(rel_type: str) -> str:
    """Every relation of one type (the relationship-type index), keys only; the type is checked
    against the vocabulary by the caller."""
    return f"MATCH (a:Entity)-[e:`{rel_type}`]->(b:Entity) RETURN a.id AS s, b.id AS t ORDER BY s, t"
