"""The Cypher behind the views (neighbourhoods, overviews, paths, partners): the light reads.

A view shows an entity's name, aliases and props, and a few sentences per relation. The full
reads (neo4j_cypher.GET_NODES, EDGES_AMONG) bring every report's evidence spans: for a hub
named by hundreds of reports, hundreds of lists of offsets and sentences that a view then drops.
These read the MENTIONS and statements without their spans (names and props are merged from
every report, so they equal the full read's), and spans only for the evidence shown: the first
$k statements of a relation in report order.
"""
from __future__ import annotations

from .neo4j_brief import SHOWN_KEYS, shown_list, shown_row
from .neo4j_cypher import DEGREE, EDGES_AMONG_MATCH, RELS, find_nodes_query

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
    """find_nodes' query (same entities, same order), returning what the node keeps for views
    (neo4j_brief.SHOWN_ROW): no MENTIONS read."""
    return find_nodes_query(labels, report, role, year, prefix, parts="", row=shown_row("degree"))


# A relation's statements, lowest report id first: the distinct props of all (they merge into the
# relation's props) and the spans of the first $k only. A report's statement holds at least one
# span, so those carry the first $k pieces of the merged evidence (the store re-reads a relation
# whose first statements hold fewer; `statements` is how many there are, counted up to $k + 1:
# all that check needs). Both reads come from composite indexes (neo4j_schema): the first $k + 1
# statements by a seek in (key, report) order, stopped there; the props from the statements that
# have any (80 of the 4x corpus's 241,916), found in the (key, props) index. Read and sorted from
# every statement (the `Statement.key` index, then each statement's report and props), a relation
# cost two database hits per report that states it, which grows with the collection; the hints
# are needed: with both indexes there the planner still seeks by key alone and sorts.
# A shown statement's report comes from the (key, report) index the seek reads (cache[s.report]),
# not from the node: a 4x overview of 532 relations 7,980 -> 6,384 database hits for the spans.
def _shown_parts(scope: str, key: str, file: str = "head([(r:Report)-[:STATES]->(x) | r.file])") -> str:
    """`file`: how a shown statement's report file is read (the overview reads each report's once)."""
    return """
CALL (%s) {
  WITH %s AS rkey
  CALL (rkey) {
    MATCH (s:Statement) USING INDEX s:Statement(key, report)
    WHERE s.key = rkey AND s.report >= ''
    WITH s, s.report AS report ORDER BY s.key, report LIMIT $k + 1
    RETURN collect(s) AS first, collect(report) AS reports
  }
  CALL (rkey) {
    MATCH (s:Statement) USING INDEX s:Statement(key, props)
    WHERE s.key = rkey AND s.props IS NOT NULL
    WITH s.props AS said ORDER BY s.report
    WITH collect(said) AS said
    RETURN reduce(acc = [], p IN said | CASE WHEN p IN acc THEN acc ELSE acc + p END) AS props
  }
  RETURN props, size(first) AS statements,
         [i IN range(0, size(first[0..$k]) - 1) |
          head([x IN [first[i]] | [reports[i], %s, x.passages, x.starts, x.ends, x.texts]])] AS spans
}
""" % (scope, key, file)


SHOWN_PARTS = _shown_parts("a, e, b", "a.id + '|' + type(e) + '|' + b.id")
# The relations among a set of entities, found as neo4j_cypher.EDGES_AMONG finds them: each
# member's outgoing relations, kept when the other end is a member. (Expanding only the members
# with few relations and looking up hub-to-hub pairs one by one halved the database hits of a
# hub's neighbourhood, but took longer on one overview of three: 42 ms against 6, best of five.)
EDGES_AMONG_SHOWN = f"""{EDGES_AMONG_MATCH}{SHOWN_PARTS}
RETURN a.id AS s, b.id AS t, type(e) AS type, props, statements, spans ORDER BY type, s, t
"""

# The relations a report states among a set of its entities (an overview): found from the report's
# own statements (hundreds), not by expanding every relation of each entity (a hub's thousands;
# 26,493 database hits for a report's 300 entities at 1x). A statement exists only for a stored
# relation and names it by its ends in stored direction, so these are EDGES_AMONG_SHOWN's rows.
# Each statement's ends and type are split from its key (`source|type|target`, as the store builds
# it; a key that does not split in three reads the properties): one property read a statement
# where reading source, target, key and type did: 822 statements 3,077 -> 1,644 database hits (4x;
# 822 of them the label check).
# `rid` and `ids` are parameters or variables of an enclosing query.
def _edges_of_report(rid: str, ids: str, file: str | None = None) -> str:
    parts = _shown_parts("key", "key") if file is None else _shown_parts("key", "key", file)
    return f"""
MATCH (:Report {{id: {rid}}})-[:STATES]->(st:Statement)
WITH st, st.key AS key
WITH key, CASE WHEN size(split(key, '|')) = 3 THEN split(key, '|') ELSE [st.source, st.type, st.target] END AS part
WHERE part[0] IN {ids} AND part[2] IN {ids}
WITH DISTINCT key, part[0] AS s, part[2] AS t, part[1] AS type
{parts}"""


EDGES_OF_REPORT_SHOWN = _edges_of_report("$rid", "$ids") + "\nRETURN s, t, type, props, statements, spans ORDER BY type, s, t\n"

# What a report overview returns, as lists (the driver decodes a list of scalars faster than a
# map: no key strings per value).
BRIEF_COLUMNS = SHOWN_KEYS
EDGE_COLUMNS = ("s", "t", "type", "props", "statements", "spans")
SPANS_AT = EDGE_COLUMNS.index("spans")  # a span: [report, file, passages, starts, ends, texts]


def report_overview_query(labels: bool, role: bool, year: bool) -> str:
    """A report's overview in one statement (graph.views.overview took four round trips: the
    report looked up twice, its entities, their relations): the report found by id or file name
    (FIND_REPORT; an unknown one is taken as an id and has no entities), its best-connected
    entities as find_briefs_query pages them, their briefs, and the relations the report states
    among them with the evidence shown, each row a list in BRIEF_COLUMNS / EDGE_COLUMNS order.
    A span's report file is left null and `files` gives each report's once ([id, file]): looked up
    per shown statement it was 8.5k of a 4x overview's 42.6k database hits (533 relations, three
    statements shown each), and the server time of 20 overviews fell 17% (5.7 -> 4.8 s, 4 rounds
    alternated, load 8-9)."""
    find = find_nodes_query(labels, True, role, year, False, parts="", row=shown_row("degree"), rid="rid")
    return f"""
OPTIONAL MATCH (r:Report) WHERE r.id = $ref OR r.file = $ref OR r.file = $name
WITH r ORDER BY r.id LIMIT 1
WITH coalesce(r.id, $ref) AS rid
CALL (rid) {{{find}}}
WITH rid, total, collect(CASE WHEN id IS NULL THEN null ELSE [{", ".join(BRIEF_COLUMNS)}] END) AS briefs,
     collect(id) AS ids
CALL (rid, ids) {{{_edges_of_report("rid", "ids", file="null")}
  RETURN collect([{", ".join(EDGE_COLUMNS)}]) AS edges
}}
CALL (edges) {{
  UNWIND edges AS e
  UNWIND e[{SPANS_AT}] AS span
  WITH DISTINCT span[0] AS id
  MATCH (r:Report {{id: id}})
  RETURN collect([id, r.file]) AS files
}}
RETURN total, briefs, edges, files
"""


def _first_neighbours(node: str, item: str) -> str:
    """`others`: the distinct neighbours of `node` (filtered by $types and $labels), ordered by
    their first relation as (type, source, target), cut to $limit in the server. The node's own id
    is read once and each neighbour's once (not both ends of every relation: a hub of 4,332
    relations, 39,052 database hits before)."""
    return f"""
CALL ({node}) {{
  WITH {node}, {node}.id AS own
  MATCH ({node})-[e:{RELS}]-(m:Entity)
  WHERE m <> {node} AND ($types IS NULL OR type(e) IN $types) AND ($labels IS NULL OR m.label IN $labels)
  WITH m, m.id AS other, type(e) AS type, startNode(e) = {node} AS out, own
  WITH m, min(CASE WHEN out THEN [type, own, other] ELSE [type, other, own] END) AS first
  ORDER BY first
  LIMIT $limit
  RETURN collect({item}) AS others
}}"""


# A depth-1 neighbourhood as ego_network's walk builds it, in one statement: the centre's first
# $limit neighbours (NEIGHBOURS_OF_MANY's order and filters), the first $room of them kept, the
# relations among the kept with the evidence shown (EDGES_AMONG_SHOWN, membership by node), and
# the kept as briefs (the fields neo4j_brief keeps on each node). The walk took four round trips.
ONE_HOP = f"""
MATCH (c:Entity {{id: $id}})
{_first_neighbours("c", "m")}
WITH [c] + others[0..$room] AS ns, size(others) > $room AS truncated
CALL (ns) {{
  UNWIND ns AS n
  RETURN collect({shown_list()}) AS briefs
}}
CALL (ns) {{
  UNWIND ns AS a
  MATCH (a)-[e:{RELS}]->(b:Entity)
  WHERE b IN ns AND ($types IS NULL OR type(e) IN $types)
  {SHOWN_PARTS}
  RETURN collect([a.id, b.id, type(e), props, statements, spans]) AS edges
}}
RETURN truncated, briefs, edges
"""

# Each node's distinct neighbours, ordered by their first relation as (type, source, target) and
# cut to $limit in the server: a hub's thousands of relations are sorted there, not shipped.
NEIGHBOURS_OF_MANY = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
{_first_neighbours("n", "m.id")}
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
WITH p LIMIT {int(limit)}
RETURN [x IN nodes(p) | x.id] AS ids
"""


def spur_paths_query(max_len: int, limit: int) -> str:
    """For each spur ([start, banned ids, avoided next ids, cap]; neo4j_view_paths.Spur), every
    shortest path from its start to $target within its cap that passes no banned node and does not
    step from the start to an avoided node, at most `limit` each. One allShortestPaths (a
    bidirectional search, bounded by the cap) per spur, one UNION ALL branch per cap (a literal);
    the bans are node lists compared by identity (no property read), and the plan keeps one
    ShortestPath per branch with no exhaustive fallback. On the 4x database's four pairs with
    fewer than 5 shortest paths, server time median 38-206 ms with `SHORTEST 5` under a hop cap,
    6-16 ms with this (docs/neo4j.md, session 12)."""
    branches = "\n  UNION ALL\n".join(f"""  WITH start, banned, avoid, b, cap WHERE cap = {c}
  MATCH p = allShortestPaths((start)-[:{RELS}*..{c}]-(b))
  WHERE none(x IN nodes(p) WHERE x IN banned)
    AND none(r IN relationships(p) WHERE (startNode(r) = start AND endNode(r) IN avoid)
                                       OR (endNode(r) = start AND startNode(r) IN avoid))
  WITH p LIMIT {int(limit)}
  RETURN collect([x IN nodes(p) | x.id]) AS found""" for c in range(1, int(max_len) + 1))
    return f"""
MATCH (b:Entity {{id: $target}})
UNWIND range(0, size($spurs) - 1) AS i
WITH b, i, $spurs[i] AS spur
MATCH (start:Entity {{id: spur[0]}})
CALL (spur) {{
  UNWIND spur[1] AS nid
  MATCH (x:Entity {{id: nid}})
  RETURN collect(x) AS banned
}}
CALL (spur) {{
  UNWIND spur[2] AS nid
  MATCH (x:Entity {{id: nid}})
  RETURN collect(x) AS avoid
}}
WITH i, start, banned, avoid, b, spur[3] AS cap
CALL (start, banned, avoid, b, cap) {{
{branches}
}}
RETURN i, found ORDER BY i
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


# A path view's nodes as briefs (BRIEF_COLUMNS) and the relations of each hop: both ends by their
# unique index, then the relations between them in either stored direction (both bound before the
# expand, so the planner expands into from the end with fewer relations, not all of a hub's). Reading every relation of each node on the path (EDGES_AMONG_SHOWN) took
# 5,400-9,700 database hits for paths through a hub; these pairs take a few hundred.
BRIEFS_AND_HOPS = f"""
CALL () {{
  UNWIND $ids AS nid
  MATCH (n:Entity {{id: nid}})
  RETURN collect({shown_list()}) AS briefs
}}
CALL () {{
  UNWIND $hops AS hop
  UNWIND [[hop[0], hop[1]], [hop[1], hop[0]]] AS ends
  MATCH (a:Entity {{id: ends[0]}}), (b:Entity {{id: ends[1]}})
  WITH a, b
  MATCH (a)-[e:{RELS}]->(b)
  {SHOWN_PARTS}
  RETURN collect([a.id, b.id, type(e), props, statements, spans]) AS edges
}}
RETURN briefs, edges
"""


def relations_of_type_query(rel_type: str) -> str:
    """Every relation of one type (the relationship-type index), keys only; the type is checked
    against the vocabulary by the caller."""
    return f"MATCH (a:Entity)-[e:`{rel_type}`]->(b:Entity) RETURN a.id AS s, b.id AS t ORDER BY s, t"
