"""The Cypher the Neo4j store runs, kept in one place so it can be read as a whole.

Writes are `UNWIND $rows` statements, one per kind of item (labels and relationship types
cannot be parameters, so those come from the fixed vocabulary of ingest.batch, never from
data). Entities and relations keep parallel lists `reports`/`contrib`; see neo4j_codec.
"""
from __future__ import annotations

from govgraph.ingest.batch import ENTITY_LABELS, REL_TYPES

# Relationships the store draws itself from reports, passages and evidence.
MATERIALISED = ("AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES")
ENTITY_REL_TYPES = tuple(t for t in REL_TYPES if t not in MATERIALISED)

# -- removing a report's contribution (also the first half of a re-put) ----------------------
# `touched` on the Report node lists every entity its batch named or linked (both ends of
# every relation), so stripping is index lookups instead of a scan over all entities, and
# walking outgoing relations of those entities meets each relation once. What only this
# report supported is deleted outright; the rest loses this report's entries first, while
# the transaction holds no deletions yet (expanding past many in-transaction deletions is slow).
_TOUCHED_EDGES = f"""
MATCH (rep:Report {{id: $rid}})
UNWIND rep.touched AS eid
MATCH (:Entity {{id: eid}})-[r:{'|'.join(ENTITY_REL_TYPES)}]->()
"""
DELETE_OWN_EDGES = _TOUCHED_EDGES + "WHERE r.reports = [$rid]\nDELETE r\n"
STRIP_SHARED_EDGES = _TOUCHED_EDGES + """WHERE $rid IN r.reports AND size(r.reports) > 1
WITH r, [i IN range(0, size(r.reports) - 1) WHERE r.reports[i] <> $rid] AS keep
SET r.reports = [i IN keep | r.reports[i]], r.contrib = [i IN keep | r.contrib[i]]
"""

_TOUCHED_NODES = """
MATCH (rep:Report {id: $rid})
UNWIND rep.touched AS eid
MATCH (n:Entity {id: eid})
"""
# An entity only this report named goes, with its MENTIONED_IN links.
DELETE_OWN_NODES = _TOUCHED_NODES + "WHERE n.reports = [$rid]\nDETACH DELETE n\n"
STRIP_SHARED_NODES = _TOUCHED_NODES + """WHERE $rid IN n.reports AND size(n.reports) > 1
WITH n, [i IN range(0, size(n.reports) - 1) WHERE n.reports[i] <> $rid] AS keep,
        [i IN range(0, size(n.name_reports) - 1) WHERE n.name_reports[i] <> $rid] AS keepn
SET n.reports = [i IN keep | n.reports[i]],
    n.contrib = [i IN keep | n.contrib[i]],
    n.name_list = [i IN keepn | n.name_list[i]],
    n.name_reports = [i IN keepn | n.name_reports[i]]
WITH n
SET n.names = reduce(acc = [], x IN n.name_list | CASE WHEN x IN acc THEN acc ELSE acc + x END)
SET n.aliases_text = reduce(s = '', x IN n.names | s + ' ' + x)
"""

DELETE_PASSAGES = "MATCH (p:Passage {report: $rid}) DETACH DELETE p"
DELETE_REPORT = "MATCH (r:Report {id: $rid}) DETACH DELETE r RETURN count(r) AS n"

# -- writing a batch -------------------------------------------------------------------------
CREATE_REPORT = "CREATE (r:Report) SET r = $props"

CREATE_PASSAGES = """
MATCH (r:Report {id: $rid})
UNWIND $rows AS row
CREATE (p:Passage)
SET p = row
CREATE (r)-[:HAS_PASSAGE]->(p)
"""


def merge_entities(label: str) -> str:
    if label not in ENTITY_LABELS:
        raise ValueError(f"unknown entity label {label!r}; expected one of {', '.join(ENTITY_LABELS)}")
    return f"""
UNWIND $rows AS row
MERGE (n:Entity {{id: row.id}})
ON CREATE SET n:`{label}`, n.label = '{label}', n.name = row.name, n.reports = [], n.contrib = [],
              n.name_list = [], n.name_reports = [], n += row.flat
SET n.reports = n.reports + $rid,
    n.contrib = n.contrib + row.contrib,
    n.name_list = n.name_list + row.names,
    n.name_reports = n.name_reports + [x IN row.names | $rid],
    n.name_en = coalesce(n.name_en, row.name_en),
    n.names = coalesce(n.names, []) + reduce(acc = [], x IN row.names |
        CASE WHEN x IN acc OR x IN coalesce(n.names, []) THEN acc ELSE acc + x END)
WITH n
SET n.aliases_text = reduce(s = '', x IN n.names | s + ' ' + x)
"""


# An entity named by several reports keeps the vector of the highest report id, the one
# the embedded store ends up with whatever order the reports came in.
SET_ENTITY_VECTORS = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n.embedding_report IS NULL OR n.embedding_report <= $rid
SET n.embedding = row.v, n.embedding_report = $rid
"""

# The report's passages were all created in this transaction, so no link can exist yet.
CREATE_MENTIONS = """
UNWIND $rows AS row
MATCH (n:Entity {id: row.n})
MATCH (p:Passage {id: row.p}) WHERE p.report = $rid
CREATE (n)-[:MENTIONED_IN]->(p)
"""

CREATE_AUTHORED = """
MATCH (a:Entity {id: $aid}), (r:Report {id: $rid})
MERGE (a)-[:AUTHORED]->(r)
"""

CREATE_CITES = """
MATCH (r:Report {id: $rid})
UNWIND $ids AS pid
MATCH (p:Policy {id: pid})
MERGE (r)-[:CITES]->(p)
"""


def merge_edges(rel_type: str) -> str:
    if rel_type not in ENTITY_REL_TYPES:
        raise ValueError(f"unknown relation type {rel_type!r}; expected one of {', '.join(ENTITY_REL_TYPES)}")
    return f"""
UNWIND $rows AS row
MATCH (a:Entity {{id: row.s}})
MATCH (b:Entity {{id: row.t}})
MERGE (a)-[r:`{rel_type}`]->(b)
ON CREATE SET r.reports = [], r.contrib = [], r += row.flat
SET r.reports = r.reports + $rid, r.contrib = r.contrib + row.contrib
"""


# -- metadata: the embedding model the vectors came from ---------------------------------------
GET_META = "MATCH (m:GovgraphMeta {id: 'store'}) RETURN m.model AS model, m.dim AS dim"
SET_META = "MERGE (m:GovgraphMeta {id: 'store'}) SET m.model = $model, m.dim = $dim"
# The node stays (its lock serialises writers, see TAKE_WRITE_LOCK); only the model goes.
CLEAR_META_IF_EMPTY = """
MATCH (m:GovgraphMeta {id: 'store'})
WHERE NOT EXISTS { MATCH (:Report) }
SET m.model = null, m.dim = null
"""
# The first statement of every write transaction: an exclusive lock on the one meta node (MERGE
# under the uniqueness constraint on GovgraphMeta.id, so racing writers cannot make two), held to
# commit. Writers of reports that share hub entities otherwise lock those hubs in different orders
# and deadlock; measured with 4 writers of 12 Shenzhen reports, deadlock retries ran past the
# driver's retry budget and an ingest failed. Serialised, each write still touches only its items.
TAKE_WRITE_LOCK = "MERGE (m:GovgraphMeta {id: 'store'}) SET m.writes = coalesce(m.writes, 0) + 1"
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
HAS_VECTORS = "MATCH (p:Passage) WHERE p.embedding IS NOT NULL RETURN count(p) > 0 AS has LIMIT 1"

# -- reading ---------------------------------------------------------------------------------
# `touched` is bookkeeping that can list thousands of ids; callers never need it.
_REPORT_MAP = "r {.*, touched: null}"
REPORTS = f"MATCH (r:Report) RETURN {_REPORT_MAP} AS r ORDER BY r.id"
FIND_REPORT = f"""
MATCH (r:Report) WHERE r.id = $ref OR r.file = $ref OR r.file = $name
RETURN {_REPORT_MAP} AS r ORDER BY r.id LIMIT 1
"""
REPORT_BY_SHA = f"MATCH (r:Report {{sha256: $sha}}) RETURN {_REPORT_MAP} AS r ORDER BY r.id LIMIT 1"

PASSAGES_OF = """
MATCH (p:Passage {report: $rid})
RETURN p {.*, embedding: null} AS p ORDER BY p.index
"""
GET_PASSAGES = """
UNWIND $ids AS pid
MATCH (p:Passage {id: pid})
RETURN p {.*, embedding: null} AS p
"""
ITER_PASSAGES = """
MATCH (p:Passage) WHERE p.id > $after
RETURN p {.*, embedding: null} AS p ORDER BY p.id LIMIT $page
"""

_NODE_MAP = "n {.id, .label, .name, .reports, .contrib}"
GET_NODES = f"""
UNWIND $ids AS nid
MATCH (n:Entity {{id: nid}})
RETURN {_NODE_MAP} AS n
"""
ITER_NODES = f"""
MATCH (n:Entity) WHERE n.id > $after
RETURN {_NODE_MAP} AS n ORDER BY n.id LIMIT $page
"""

# Degree counts entity-to-entity relations only, as the embedded store's adjacency does.
FIND_NODES = f"""
MATCH (n:Entity)
WHERE ($labels IS NULL OR n.label IN $labels)
  AND ($rid IS NULL OR $rid IN n.reports)
  AND ($role IS NULL OR EXISTS {{ MATCH (n)-[:MENTIONED_IN]->(p:Passage) WHERE p.role = $role }})
  AND ($year IS NULL OR EXISTS {{ MATCH (n)-[:MENTIONED_IN]->(p:Passage) WHERE p.year = $year }})
  AND ($prefix IS NULL OR any(s IN n.names WHERE toLower(s) STARTS WITH $prefix))
WITH n, COUNT {{ MATCH (n)-[]-(m:Entity) WHERE m <> n }} + COUNT {{ MATCH (n)-[]->(n) }} AS degree
ORDER BY degree DESC, n.name, n.id
WITH collect({_NODE_MAP}) AS found
RETURN size(found) AS total, found[$offset..($offset + $limit)] AS page
"""

_EDGE_ROW = "a.id AS s, b.id AS t, type(r) AS type, r {.reports, .contrib} AS r"
EDGES_OF = f"""
MATCH (n:Entity {{id: $id}})-[r]-(:Entity)
WITH DISTINCT r
MATCH (a)-[r]->(b)
RETURN {_EDGE_ROW} ORDER BY type, s, t
"""
EDGES_OF_MANY = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})-[r]-(:Entity)
WITH DISTINCT id, r
MATCH (a)-[r]->(b)
RETURN id AS of, {_EDGE_ROW} ORDER BY of, type, s, t
"""
# The filters run in the server: a hub's thousands of relations are read there, not shipped.
EDGES_NEAR = f"""
UNWIND $ids AS id
MATCH (n:Entity {{id: id}})
WHERE $max_degree IS NULL OR COUNT {{ (n)-[]-(:Entity) }} <= $max_degree
MATCH (n)-[r]-(:Entity)
WHERE $reports IS NULL OR any(x IN r.reports WHERE x IN $reports)
WITH DISTINCT id, r
MATCH (a)-[r]->(b)
RETURN id AS of, {_EDGE_ROW} ORDER BY of, type, s, t
"""
# Counted in the server: a hub entity is never read whole only to be left out.
ENTITY_PASSAGES = """
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE COUNT { (n)-[:MENTIONED_IN]->(:Passage) } <= $max
MATCH (n)-[:MENTIONED_IN]->(p:Passage)
WITH id, p ORDER BY p.report, p.start
RETURN id, collect(p.id) AS passages
"""
EDGES_AMONG = f"""
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids AND b.id IN $ids AND ($rid IS NULL OR $rid IN r.reports)
RETURN {_EDGE_ROW} ORDER BY type, s, t
"""
ITER_EDGES = f"""
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $page
OPTIONAL MATCH (a)-[r]->(b:Entity)
RETURN a.id AS source_page, CASE WHEN r IS NULL THEN null ELSE [b.id, type(r), r {{.reports, .contrib}}] END AS e
"""

NODES_IN_PASSAGES = """
UNWIND $ids AS pid
MATCH (p:Passage {id: pid})<-[:MENTIONED_IN]-(n:Entity)
RETURN pid, collect(n.id) AS nodes
"""

COUNT_LABEL = "MATCH (n:`{0}`) RETURN count(n) AS n"
COUNT_TYPE = "MATCH ()-[r:`{0}`]->() RETURN count(r) AS n"

# -- search ----------------------------------------------------------------------------------
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

ENTITY_VECTOR = """
CALL db.index.vector.queryNodes($index, $fetch, $v) YIELD node, score
RETURN node.id AS id, score, ($label IS NULL OR node.label = $label) AS keep
"""

ENTITY_TEXT = """
CALL db.index.fulltext.queryNodes($index, $q, {limit: $fetch}) YIELD node, score
RETURN node.id AS id, score, ($label IS NULL OR node.label = $label) AS keep
"""
