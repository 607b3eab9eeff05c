"""The Cypher the Neo4j store runs, kept in one place so it can be read as a whole.

The data model (docs/neo4j.md):

    (:Report)-[:HAS_PASSAGE]->(:Passage)
    (:Report)-[:MENTIONS {name, aliases, name_en, props, passages, starts, ends, texts}]->(:Entity:<Label>)
    (:Entity)-[:MENTIONED_IN]->(:Passage)
    (:Entity)-[:<RELATION TYPE> {queryable props}]->(:Entity)          one per (source, type, target)
    (:Report)-[:STATES]->(:Statement {key, type, source, target, props, passages, starts, ends, texts})
    (:Entity)-[:AUTHORED]->(:Report), (:Report)-[:CITES]->(:Policy)

Writes are `UNWIND $rows` statements, one per kind of item; labels and relationship types come
from the fixed vocabulary of ingest.batch (checked before they reach a query), never from data.
A write creates its own report, passages, MENTIONS and statements, MERGEs the entities they name
and creates the relations no report states yet: an entity or relation other reports already hold
is matched, not rewritten (its names list grows only by a name never seen before).
"""
from __future__ import annotations

from govgraph.ingest.batch import REL_TYPES
from .neo4j_codec import MENTION_KEYS, SHOWN_FIELDS, STATEMENT_KEYS

# Relationships the store draws itself from reports, passages and evidence.
MATERIALISED = ("AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES")
ENTITY_REL_TYPES = tuple(t for t in REL_TYPES if t not in MATERIALISED)
# Entity-to-entity relationship types as a pattern: `(n)-[:A|B|...]-()` is answered from Neo4j's
# degree store without reading the relationships.
RELS = "|".join(ENTITY_REL_TYPES)
DATA_MODEL = 2  # the version of this model, kept on the meta node; 1 was per-entity report lists

# -- metadata and the write lock -----------------------------------------------------------------
# The first statement of every write transaction: an exclusive lock on the one meta node (MERGE
# under the uniqueness constraint on GovgraphMeta.id, so racing writers cannot make two), held to
# commit. Writers of reports that share hub entities otherwise lock those hubs in different orders
# and deadlock; measured with 4 writers of 12 Shenzhen reports, deadlock retries ran past the
# driver's retry budget and an ingest failed (issue 14). It also stamps the data model.
TAKE_WRITE_LOCK = f"""
MERGE (m:GovgraphMeta {{id: 'store'}})
SET m.writes = coalesce(m.writes, 0) + 1, m.data_model = {DATA_MODEL}
"""
# The first statement of a write of one or more reports ($rids, neo4j_bulk): the lock, the model
# of the stored vectors and which of the reports are already there (to strip), in one round trip.
# The vector-put count and the report count tell a bulk write when to defer the vector indexes
# (neo4j_index_upkeep.deferral_due); both come from counters, not scans.
BEGIN_PUTS = TAKE_WRITE_LOCK + """RETURN m.model AS model, m.dim AS dim, coalesce(m.vector_puts, 0) AS vector_puts,
       COUNT { (:Report) } AS reports, [rid IN $rids WHERE EXISTS { MATCH (:Report {id: rid}) }] AS existing"""
GET_META = "MATCH (m:GovgraphMeta {id: 'store'}) RETURN m.model AS model, m.dim AS dim"
# The node stays (its lock serialises writers); only the model goes.
CLEAR_META_IF_EMPTY = """
MATCH (m:GovgraphMeta {id: 'store'})
WHERE NOT EXISTS { MATCH (:Report) }
SET m.model = null, m.dim = null
"""
# Which model wrote the database: a store of reports with no data_model stamp (or an older one)
# was written by the per-entity-list model.
DATA_MODEL_OF = """
OPTIONAL MATCH (m:GovgraphMeta {id: 'store'})
RETURN m.data_model AS version, EXISTS { MATCH (:Report) } AS has_reports
"""

# -- an entity's degree ---------------------------------------------------------------------------
# Degree: entity-to-entity relationships, as the embedded store's graph counts them (a relation of
# an entity to itself twice: once from each end). Counted, it is one typed degree lookup per entity
# type in each direction; every write and removal of a relation keeps it on the entity instead
# (`n.degree`, one property read where views, the overview's ranking and the answers' hub filter
# read it). An entity written before the property existed has none and is counted until
# `govgraph neo4j-migrate` fills it (fill_degrees; tests/contract/test_kept_degree.py).
def counted_degree(n: str) -> str:
    return f"(COUNT {{ ({n})-[:{RELS}]->() }} + COUNT {{ ({n})<-[:{RELS}]-() }})"


DEGREE = f"coalesce(n.degree, {counted_degree('n')})"
# Entities without the kept degree, a page at a time, given it (under the write lock: a write
# adding to a degree between the count and the set would be lost).
FILL_DEGREES = TAKE_WRITE_LOCK + f"""WITH m
MATCH (n:Entity) WHERE n.degree IS NULL
WITH n LIMIT $page
SET n.degree = {counted_degree('n')}
RETURN count(*) AS filled
"""


# -- removing a report's contribution (also the first half of a re-put) --------------------------

# Its statements go; a relation no other report states goes with them, and the ends of the relations
# that went are counted again (after every deletion: removals are rare, and a count is exact also
# for an entity that had no kept degree).
DELETE_STATEMENTS = """
MATCH (:Report {id: $rid})-[:STATES]->(s:Statement)
WITH s, s.key AS key, s.type AS type, s.source AS src, s.target AS tgt
DETACH DELETE s
WITH DISTINCT key, type, src, tgt
WHERE NOT EXISTS { MATCH (:Statement {key: key}) }
MATCH (a:Entity {id: src})-[e]->(b:Entity {id: tgt}) WHERE type(e) = type
DELETE e
WITH collect(a) + collect(b) AS ends
UNWIND ends AS n
WITH DISTINCT n
SET n.degree = """ + counted_degree("n") + "\n"
# Its MENTIONS go; an entity no other report names goes with them (with its MENTIONED_IN links).
# Returns the entities that stay, whose names are then drawn again from the reports left.
DELETE_MENTIONS = """
MATCH (:Report {id: $rid})-[m:MENTIONS]->(n:Entity)
DELETE m
WITH collect(n) AS ns
WITH [n IN ns WHERE NOT EXISTS { (:Report)-[:MENTIONS]->(n) }] AS gone,
     [n IN ns WHERE EXISTS { (:Report)-[:MENTIONS]->(n) } | n.id] AS kept
FOREACH (n IN gone | DETACH DELETE n)
RETURN kept
"""
# The names an entity shows are those of the reports that still name it (lowest report id first).
# A MENTIONS without an English name adds none: `coalesce([m.name_en], [])` is `[null]`, and a
# list plus null is null, so removing a report once left its shared entities without `names` and
# `aliases_text`, found by the full-text index by their name alone (session 9).
RENAME_ENTITIES = """
UNWIND $ids AS nid
MATCH (n:Entity {id: nid})<-[m:MENTIONS]-(r:Report)
WITH n, m, r ORDER BY r.id
WITH n, collect(m) AS ms, collect(r.id) AS rids
WITH n, ms, rids, [i IN range(0, size(ms) - 1) WHERE ms[i].name_en IS NOT NULL] AS en
WITH n, ms, rids, en, reduce(acc = [], m IN ms |
       reduce(a2 = acc, x IN [y IN [m.name] + coalesce(m.aliases, []) + [m.name_en] WHERE y IS NOT NULL] |
              CASE WHEN x IN a2 THEN a2 ELSE a2 + x END)) AS names
SET n.name = ms[0].name, n.name_report = rids[0],
    n.name_en = CASE WHEN size(en) > 0 THEN ms[en[0]].name_en ELSE null END,
    n.name_en_report = CASE WHEN size(en) > 0 THEN rids[en[0]] ELSE null END,
    n.names = names, n.aliases_text = reduce(s = '', x IN names | s + ' ' + x)
"""
DELETE_PASSAGES = "MATCH (:Report {id: $rid})-[:HAS_PASSAGE]->(p:Passage) DETACH DELETE p"
DELETE_REPORT = "MATCH (r:Report {id: $rid}) DETACH DELETE r"

# -- writing a batch -----------------------------------------------------------------------------
# Every report of a write (one, or a bulk's group: neo4j_bulk) and its passages, in one statement.
CREATE_REPORTS = """
UNWIND $reports AS rep
CREATE (r:Report) SET r = rep.props
WITH r, rep
UNWIND rep.rows AS row
CREATE (p:Passage) SET p = row
CREATE (r)-[:HAS_PASSAGE]->(p)
"""

# The group's reports, found once: each report's part of a row names its report by `ri`, its
# place in $rids (neo4j_bulk_rows), where a seek per MENTIONS or Statement found it again.
_GROUP_REPORTS = """
UNWIND $rids AS rid
MATCH (r:Report {id: rid})
WITH collect(r) AS reps
"""

# One row per entity a group names (neo4j_bulk_rows.entity_rows). An entity new to the store
# takes the row's name (from the lowest report id); one already there changes only when the row's
# report sorts before the one its name came from, or brings a name never seen (the names list is
# as long as the distinct names, not the reports). Labels are checked against ENTITY_LABELS before.
# A new entity also takes its shown fields, folded over the group (`row.shown`, empty for one some
# report names with a repeated alias: neo4j_brief); the statement returns the ids of the entities
# that were there before, the only ones neo4j_brief.STORE_SHOWN then reads and folds into. It read
# the five shown lists of every entity of a group, the ones just created too (session 12).
# An entity was there before when, right after the MERGE, its name comes from another report than
# the row's: the group's reports are new to the store (a re-put's old part is stripped first, and
# the entities left take their names from the reports left), so only an entity this MERGE created
# names a group report. An `EXISTS` seek before the MERGE said the same for 3,821 db hits a group.
MERGE_ENTITIES = _GROUP_REPORTS + """
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:$(row.label), n.label = row.label, n.degree = 0, n.name = row.name, n.name_report = row.name_report,
              n.name_en = row.name_en, n.name_en_report = row.name_en_report,
              n.names = row.names, n.aliases_text = reduce(s = '', x IN row.names | s + ' ' + x), n += row.flat,
              """ + ", ".join(f"n.{k} = row.shown.{k}" for k in SHOWN_FIELDS) + """
WITH reps, n, row, coalesce(n.name_report <> row.name_report, true) AS existed
WITH reps, n, row, existed, [x IN row.names WHERE NOT x IN n.names] AS new_names
CALL (n, row, new_names) {
  WITH n, row, new_names WHERE size(new_names) > 0
  SET n.names = n.names + new_names, n.aliases_text = n.aliases_text + reduce(s = '', x IN new_names | s + ' ' + x)
}
CALL (n, row) {
  WITH n, row WHERE row.name_report < n.name_report
  SET n.name = row.name, n.name_report = row.name_report
}
CALL (n, row) {
  WITH n, row WHERE row.name_en IS NOT NULL AND (n.name_en_report IS NULL OR row.name_en_report < n.name_en_report)
  SET n.name_en = row.name_en, n.name_en_report = row.name_en_report
}
CALL (reps, n, row) {
  UNWIND row.mentions AS men
  WITH reps[men.ri] AS r, n, men, men.mention AS said
  CREATE (r)-[m:MENTIONS]->(n)
  SET """ + ", ".join(f"m.{k} = said.{k}" for k in MENTION_KEYS) + """
  WITH n, men
  UNWIND men.in_passages AS pid
  MATCH (p:Passage {id: pid})
  CREATE (n)-[:MENTIONED_IN]->(p)
}
RETURN collect(CASE WHEN existed THEN row.id END) AS existing
"""

# The report's author and the policies it cites, in one statement. Policies are found through the
# Entity id constraint: `(p:Policy {id: pid})` has no index and scanned every Policy of the store
# for each policy cited (74,185 db hits a put at 1x, growing with the store; now 55; PROFILE, session 6). The report was created
# in this transaction, so its links are created, not merged (a MERGE expanded the author's
# AUTHORED relationships to look for one).
CREATE_SOURCES = """
UNWIND $rows AS row
MATCH (r:Report {id: row.rid})
CALL (r, row) {
  MATCH (a:Entity {id: row.aid})
  CREATE (a)-[:AUTHORED]->(r)
}
CALL (r, row) {
  UNWIND row.policies AS pid
  MATCH (p:Entity {id: pid}) WHERE p:Policy
  CREATE (r)-[:CITES]->(p)
}
"""

# One relationship per (source, type, target), and each report's statement about it: one row per
# relation a group states (neo4j_bulk_rows.relation_rows), every type in one statement. The
# statement's properties are set by name, so the planner knows what is written.


def merge_relations_query(with_props: bool) -> str:
    """MERGE_RELATIONS for rows whose relation brings queryable props (`with_props`: set when
    the relation is created) or none. A relation exists exactly when some report states it (a
    write creates it with its first statement; a removal deletes it with its last), and the write
    lock serialises writers, so the relation is created when no Statement holds its key: one seek
    in the `Statement.key` index. A typed MERGE looked for the relationship between its two ends
    (Expand(Into)), which reads the relationships of that type of the sparser end: on dense
    entities that grows with the collection (session 12: 79k of the 148k db hits of 3 groups of
    8 reports after 48; docs/neo4j.md). A map of unknown keys (`e += row.flat`) may write any
    property, so the planner put an Eager after a MERGE that set it: it is set only for the 20
    of the corpus's 60,098 relations that bring props (the other query)."""
    on_create = " SET e += row.flat" if with_props else ""
    return _GROUP_REPORTS + f"""
UNWIND $rows AS row
OPTIONAL CALL (row) {{
  WITH row WHERE NOT EXISTS {{ MATCH (:Statement {{key: row.statements[0].props.key}}) }}
  MATCH (a:Entity {{id: row.s}})
  MATCH (b:Entity {{id: row.t}})
  CREATE (a)-[e:$(row.type)]->(b){on_create}
  RETURN [a, b] AS ends
}}
CALL (reps, row) {{
  UNWIND row.statements AS st
  WITH reps[st.ri] AS r, st.props AS props
  CREATE (r)-[:STATES]->(s:Statement)
  SET {", ".join(f"s.{k} = props.{k}" for k in STATEMENT_KEYS)}
}}
{KEEP_DEGREES}"""


# The relations created add to their ends' kept degrees, once per entity (a hub is the end of many
# rows): one read and one write per entity where a read and a write per relation end cost the
# write of 3 groups of 8 reports after 48 +39,960 database hits (+11.8%). A relation of an entity to
# itself adds two (`ends` holds it twice). An end without a kept degree (written before it was
# kept) is counted, after every relation of the statement is created.
KEEP_DEGREES = f"""UNWIND ends AS n
WITH n, count(*) AS added
SET n.degree = coalesce(n.degree + added, {counted_degree('n')})
"""


MERGE_RELATIONS = merge_relations_query(True)
MERGE_BARE_RELATIONS = merge_relations_query(False)


# An entity named by several reports keeps the vector of the highest report id, the one the
# embedded store ends up with whatever order the reports came in; a write of several reports
# sends each entity's vector once, from its highest report id among them (neo4j_bulk).
# A write's last statement: the entity vectors and the model they came from. `vector_puts` counts
# the puts that added vector index segments since the last rebuild (neo4j_index_upkeep).
FINISH_PUTS = """
CALL () {
  UNWIND $rows AS row
  MATCH (n:Entity {id: row.id})
  WHERE n.embedding_report IS NULL OR n.embedding_report <= row.rid
  SET n.embedding = row.v, n.embedding_report = row.rid
}
MATCH (m:GovgraphMeta {id: 'store'})
SET m.model = coalesce($model, m.model), m.dim = coalesce($dim, m.dim),
    m.vector_puts = coalesce(m.vector_puts, 0) + $vector_puts
"""

PASSAGE_VECTORS = """
UNWIND $ids AS id
MATCH (p:Passage {id: id}) WHERE p.embedding IS NOT NULL
RETURN p.id AS id, p.embedding AS v
"""
ENTITY_VECTORS = """
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE n.embedding IS NOT NULL
RETURN n.id AS id, n.embedding AS v
"""

# -- reading reports and passages ----------------------------------------------------------------
REPORTS = "MATCH (r:Report) RETURN r {.*} AS r ORDER BY r.id"
FIND_REPORT = """
MATCH (r:Report) WHERE r.id = $ref OR r.file = $ref OR r.file = $name
RETURN r {.*} AS r ORDER BY r.id LIMIT 1
"""
REPORT_BY_SHA = "MATCH (r:Report {sha256: $sha}) RETURN r {.*} AS r ORDER BY r.id LIMIT 1"

# A passage's own fields, named: `p {.*, embedding: null}` read each passage's vector only to drop
# it (get_passages of 40 passages 123 -> 98 ms p50, 50 calls alternating, load ~30, session 6).
PASSAGE = "p {.id, .report, .index, .text, .start, .end, .section, .role, .year}"
PASSAGES_OF = f"""
MATCH (:Report {{id: $rid}})-[:HAS_PASSAGE]->(p:Passage)
RETURN {PASSAGE} AS p ORDER BY p.index
"""
PASSAGE_COUNTS = """
MATCH (r:Report)
RETURN r.id AS rid, COUNT { (r)-[:HAS_PASSAGE]->(:Passage) } AS n
"""
GET_PASSAGES = f"""
UNWIND $ids AS pid
MATCH (p:Passage {{id: pid}})
RETURN {PASSAGE} AS p
"""
ITER_PASSAGES = f"""
MATCH (p:Passage) WHERE p.id > $after
RETURN {PASSAGE} AS p ORDER BY p.id LIMIT $page
"""

# -- reading entities and relations --------------------------------------------------------------
# Every report's part of an entity: [report id, file, its MENTIONS]; merged in neo4j_codec.
NODE_PARTS = """
CALL (n) {
  MATCH (rep:Report)-[m:MENTIONS]->(n)
  RETURN collect([rep.id, rep.file, m {.*}]) AS parts
}
"""
NODE_ROW = "n.id AS id, n.label AS label, n.name AS name, parts"
GET_NODES = f"""
UNWIND $ids AS nid
MATCH (n:Entity {{id: nid}})
{NODE_PARTS}
RETURN {NODE_ROW}
"""
ITER_NODES = f"""
MATCH (n:Entity) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $page
{NODE_PARTS}
RETURN {NODE_ROW}
"""

# Every report's statement about a relation (a)-[e]->(b), found by the relation's key.
EDGE_PARTS = """
CALL (a, e, b) {
  MATCH (rep:Report)-[:STATES]->(s:Statement {key: a.id + '|' + type(e) + '|' + b.id})
  RETURN collect([rep.id, rep.file, s {.props, .passages, .starts, .ends, .texts}]) AS parts
}
"""
EDGE_ROW = "a.id AS s, b.id AS t, type(e) AS type, parts"



def find_nodes_query(labels: bool, report: bool, role: bool, year: bool, prefix: bool, *,
                     parts: str = NODE_PARTS, row: str = NODE_ROW, rid: str = "$rid", degree: str = DEGREE) -> str:
    """Entities best connected first; only the filters asked for are in the query, so the planner
    starts from the report's MENTIONS when a report is given instead of from every entity.
    `parts` reads each entity's MENTIONS and `row` is what is returned of it (views read briefs;
    `degree` is in scope); `rid` names the report (a parameter, or a variable of an enclosing query);
    `degree` is how the ranking's degree is read (the same count, however written)."""
    match = f"MATCH (:Report {{id: {rid}}})-[:MENTIONS]->(n:Entity)" if report else "MATCH (n:Entity)"
    where = []
    if labels:
        where.append("n.label IN $labels")
    if role:
        where.append("EXISTS { MATCH (n)-[:MENTIONED_IN]->(p:Passage) WHERE p.role = $role }")
    if year:
        where.append("EXISTS { MATCH (n)-[:MENTIONED_IN]->(p:Passage) WHERE p.year = $year }")
    if prefix:
        where.append("any(s IN n.names WHERE toLower(s) STARTS WITH $prefix)")
    return f"""
{match}
{('WHERE ' + ' AND '.join(where)) if where else ''}
WITH n, {degree} AS degree
ORDER BY degree DESC, n.name, n.id
WITH collect([n, degree]) AS found
WITH size(found) AS total, found[$offset..($offset + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS found
WITH total, found[0] AS n, found[1] AS degree
{parts}
RETURN total, {row}
"""


EDGES_OF = f"""
MATCH (n:Entity {{id: $id}})-[e:{RELS}]-()
WITH DISTINCT e
MATCH (a)-[e]->(b)
{EDGE_PARTS}
RETURN {EDGE_ROW} ORDER BY type, s, t
"""
EDGES_OF_MANY = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})-[e:{RELS}]-()
WITH DISTINCT id, e
MATCH (a)-[e]->(b)
{EDGE_PARTS}
RETURN id AS of, {EDGE_ROW} ORDER BY of, type, s, t
"""
# Relations of many nodes without their evidence: (type, source, target) per node, for walks that
# keep only some of them (ego networks then read the relations among the kept ones).
RELS_OF_MANY = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})-[e:{RELS}]-()
WITH DISTINCT id, e
RETURN id AS of, type(e) AS type, startNode(e).id AS s, endNode(e).id AS t
"""
# The filters run in the server: a hub's thousands of relations are read there, not shipped.
EDGES_NEAR = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
WHERE $max_degree IS NULL OR {DEGREE} <= $max_degree
MATCH (n)-[e:{RELS}]-()
WITH DISTINCT id, e
MATCH (a)-[e]->(b)
WHERE $reports IS NULL OR EXISTS {{
  MATCH (s:Statement {{key: a.id + '|' + type(e) + '|' + b.id}}) WHERE s.report IN $reports }}
{EDGE_PARTS}
RETURN id AS of, {EDGE_ROW} ORDER BY of, type, s, t
"""
# Counted in the server: a hub entity is never read whole only to be left out.
ENTITY_PASSAGES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE COUNT { (n)-[:MENTIONED_IN]->() } <= $max
MATCH (n)-[:MENTIONED_IN]->(p:Passage)
WITH id, p ORDER BY p.report, p.start
RETURN id, collect(p.id) AS passages
"""
# The relations among a set of entities ($ids), of one report ($rid) or of all: each member's
# outgoing relations, kept when the other end is a member. Shared by EDGES_AMONG and the views'
# EDGES_AMONG_SHOWN (neo4j_view_cypher), which differ only in the evidence they return.
EDGES_AMONG_MATCH = f"""
UNWIND $ids AS aid
MATCH (a:Entity {{id: aid}})-[e:{RELS}]->(b:Entity)
WHERE b.id IN $ids AND ($rid IS NULL OR EXISTS {{
  MATCH (:Report {{id: $rid}})-[:STATES]->(:Statement {{key: a.id + '|' + type(e) + '|' + b.id}}) }})
"""
EDGES_AMONG = f"""{EDGES_AMONG_MATCH}{EDGE_PARTS}
RETURN {EDGE_ROW} ORDER BY type, s, t
"""
# What answer ranking reads about the retrieved passages (base.AnswerContext), in one round trip:
# the entities in them, their relations with evidence there, and the entities at the other ends.
# Only the passages' own evidence is sent: a hub named by hundreds of reports brings its names
# from each MENTIONS, not their evidence lists (reading whole entities made ask 10x the
# embedded store's time, session 4). The span lists are read only from the MENTIONS of the hit
# reports: one pattern over all of a hub's MENTIONS loaded every MENTIONS' lists (CacheProperties
# in the plan), 80% of the call (323 -> 64 ms p50 without the node parts, 12 calls, session 6).
_SPANS_IN = """[i IN range(0, size(coalesce({0}.passages, [])) - 1) WHERE {0}.passages[i] IN $pids]"""
_SPANS_OF = "passages: [i IN ix | {0}.passages[i]], starts: [i IN ix | {0}.starts[i]], " \
            "ends: [i IN ix | {0}.ends[i]], texts: [i IN ix | {0}.texts[i]]"
ANSWER_CONTEXT = f"""
CALL () {{
  UNWIND $pids AS pid
  MATCH (p:Passage {{id: pid}})
  OPTIONAL MATCH (p)<-[:MENTIONED_IN]-(n:Entity)
  RETURN collect(DISTINCT p.report) AS reports, collect([pid, n.id]) AS pairs, collect(DISTINCT n) AS ns
}}
CALL (ns, reports) {{
  UNWIND ns AS n
  WITH n WHERE $max_degree IS NULL OR {DEGREE} <= $max_degree
  MATCH (n)-[e:{RELS}]-()
  WITH DISTINCT n.id AS of, e
  MATCH (a)-[e]->(b)
  CALL (a, e, b, reports) {{
    MATCH (rep:Report)-[:STATES]->(s:Statement {{key: a.id + '|' + type(e) + '|' + b.id}})
    WHERE s.report IN reports
    WITH rep, s, {_SPANS_IN.format("s")} AS ix
    WHERE size(ix) > 0
    RETURN collect([rep.id, rep.file, {{{_SPANS_OF.format("s")}}}]) AS parts
  }}
  WITH of, a, e, b, parts WHERE size(parts) > 0
  ORDER BY of, type(e), a.id, b.id
  RETURN collect([of, a.id, b.id, type(e), parts]) AS edges, collect(a) + collect(b) AS ends
}}
CALL (ns, ends, reports) {{
  UNWIND ns + ends AS n
  WITH DISTINCT n
  CALL (n, reports) {{
    MATCH (rep:Report)-[m:MENTIONS]->(n)
    WHERE NOT rep.id IN reports
    RETURN collect([rep.id, rep.file, {{name: m.name, aliases: m.aliases, name_en: m.name_en,
                                        passages: [], starts: [], ends: [], texts: []}}]) AS named
  }}
  CALL (n, reports) {{
    UNWIND reports AS rid
    MATCH (rep:Report {{id: rid}})-[m:MENTIONS]->(n)
    WITH rep, m, {_SPANS_IN.format("m")} AS ix
    RETURN collect([rep.id, rep.file, {{name: m.name, aliases: m.aliases, name_en: m.name_en,
                                        {_SPANS_OF.format("m")}}}]) AS spans
  }}
  RETURN collect([n.id, n.label, n.name, named + spans, COUNT {{ (n)-[:MENTIONED_IN]->() }}]) AS nodes
}}
RETURN pairs, edges, nodes
"""
ITER_EDGES = f"""
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
OPTIONAL MATCH (a)-[e:{RELS}]->(b:Entity)
CALL (a, e, b) {{
  OPTIONAL MATCH (rep:Report)-[:STATES]->(s:Statement {{key: a.id + '|' + type(e) + '|' + b.id}})
  WITH rep, s WHERE s IS NOT NULL
  RETURN collect([rep.id, rep.file, s {{.props, .passages, .starts, .ends, .texts}}]) AS parts
}}
RETURN a.id AS source_page, b.id AS t, type(e) AS type, parts
"""

NODES_IN_PASSAGES = """
UNWIND $ids AS pid
MATCH (p:Passage {id: pid})<-[:MENTIONED_IN]-(n:Entity)
RETURN pid, collect(n.id) AS nodes
"""

COUNT_LABEL = "MATCH (n:`{0}`) RETURN count(n) AS n"
COUNT_TYPE = "MATCH ()-[r:`{0}`]->() RETURN count(r) AS n"

# -- graph queries that run where the data is ----------------------------------------------------
# Up to $k shortest walks between two entities, direction ignored; the caller keeps simple paths
# with distinct node sequences (parallel relations of two types give the same sequence twice).


def shortest_paths_query(k: int, max_len: int) -> str:
    """Up to `k` shortest walks between two entities, direction ignored; the caller keeps simple
    paths with distinct node sequences (parallel relations of two types give one sequence twice).
    k and the length bound are literals: Cypher takes no parameters there."""
    return f"""
MATCH (a:Entity {{id: $source}}), (b:Entity {{id: $target}})
MATCH p = SHORTEST {int(k)} (a)-[:{RELS}]-{{1,{int(max_len)}}}(b)
RETURN [x IN nodes(p) | x.id] AS ids
"""


# The skeleton of a bounded part of the graph for networkx (communities, centrality): ids,
# labels, names and the pairs of related entities, no evidence.
SKELETON_NODES = """
MATCH (n:Entity) WHERE n.id > $after
RETURN n.id AS id, n.label AS label, n.name AS name ORDER BY n.id LIMIT $page
"""
SKELETON_EDGES = f"""
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
OPTIONAL MATCH (a)-[e:{RELS}]->(b:Entity)
RETURN a.id AS a, b.id AS b, type(e) AS type
"""

# -- search --------------------------------------------------------------------------------------
# Filters apply to the passage a search yields; every clause is inert when its parameter is null.
PASSAGE_FILTER = """
  ($rid IS NULL OR node.report = $rid)
  AND ($year IS NULL OR node.year = $year)
  AND ($role IS NULL OR node.role = $role)
  AND ($author IS NULL OR EXISTS { MATCH (r:Report {id: node.report}) WHERE r.author CONTAINS $author })
  AND ($label IS NULL OR EXISTS { MATCH (e:Entity)-[:MENTIONED_IN]->(node) WHERE e.label = $label })
"""

# Searches return every hit the index gave with a `keep` flag, so the caller can tell
# "filtered out" from "index exhausted" and ask for more hits only when it must.
LEXICAL = f"""
CALL db.index.fulltext.queryNodes($index, $q, {{limit: $fetch}}) YIELD node, score
RETURN node.id AS id, score, ({PASSAGE_FILTER}) AS keep
"""
VECTOR = f"""
CALL db.index.vector.queryNodes($index, $fetch, $v) YIELD node, score
RETURN node.id AS id, score, ({PASSAGE_FILTER}) AS keep
"""
# term_passages: the passages holding each whole word (the words index, one term query each), and
# whether some passage was written before passages kept their words (the words index misses it).
TERM_PASSAGES = """
UNWIND $terms AS t
CALL db.index.fulltext.queryNodes($index, t.q, {limit: $max}) YIELD node
RETURN t.term AS term, collect(node.id) AS ids
"""
LACKS_WORDS = "MATCH (p:Passage) WHERE p.words IS NULL RETURN true AS yes LIMIT 1"
ENTITY_VECTOR = """
CALL db.index.vector.queryNodes($index, $fetch, $v) YIELD node, score
RETURN node.id AS id, score, ($label IS NULL OR node.label = $label) AS keep
"""
# entity_vector_passages: the nearest entities and, for those named in at most $max passages,
# their passages in reading order (ENTITY_PASSAGES), in one round trip: search waited on the two
# in turn (PROFILE: a few db hits each; the second round trip was the cost).
ENTITY_VECTOR_PASSAGES = """
CALL db.index.vector.queryNodes($index, $fetch, $v) YIELD node, score
WITH node, score LIMIT $k
CALL (node) {
  WITH node WHERE COUNT { (node)-[:MENTIONED_IN]->() } <= $max
  MATCH (node)-[:MENTIONED_IN]->(p:Passage)
  WITH p ORDER BY p.report, p.start
  RETURN collect(p.id) AS passages
}
RETURN node.id AS id, score, passages
"""
ENTITY_TEXT = """
CALL db.index.fulltext.queryNodes($index, $q, {limit: $fetch}) YIELD node, score
RETURN node.id AS id, score, ($label IS NULL OR node.label = $label) AS keep
"""
