"""Write attempts in Cypher, plain and disguised, for the read-only endpoint to refuse.

Each is (what it tries, query). A refusal may come from any of the guard's locks (lexical screen,
the planner's query type, the READ transaction, or Neo4j rejecting the syntax); what matters is
that nothing is ever written.
"""
from __future__ import annotations

WRITES: list[tuple[str, str]] = [
    # the plain clauses
    ("CREATE", "CREATE (n:Pwned {by: 'create'}) RETURN n"),
    ("MERGE", "MERGE (n:Pwned {by: 'merge'}) RETURN n"),
    ("DELETE", "MATCH (n:Passage) DELETE n"),
    ("DETACH DELETE", "MATCH (n) DETACH DELETE n"),
    ("SET property", "MATCH (n) SET n.pwned = true RETURN count(n)"),
    ("SET label", "MATCH (n:Report) SET n:Pwned RETURN n"),
    ("SET +=", "MATCH (n:Report) SET n += {pwned: true}"),
    ("REMOVE property", "MATCH (n:Report) REMOVE n.title RETURN n"),
    ("REMOVE label", "MATCH (n:Report) REMOVE n:Report RETURN n"),
    ("FOREACH CREATE", "MATCH (n:Report) FOREACH (x IN [1] | CREATE (:Pwned))"),
    ("read then write", "MATCH (n:Report) WITH n LIMIT 1 CREATE (n)-[:PWNED]->(:Pwned) RETURN n"),
    ("OPTIONAL MATCH then MERGE", "OPTIONAL MATCH (n:Nothing) MERGE (:Pwned {by: 'optional'})"),
    ("MERGE ON MATCH SET", "MERGE (n:Report {id: 'x'}) ON MATCH SET n.pwned = 1 ON CREATE SET n.pwned = 2"),
    # write procedures
    ("apoc.create.node", "CALL apoc.create.node(['Pwned'], {by: 'apoc'}) YIELD node RETURN node"),
    ("apoc.create.setProperty", "MATCH (n) CALL apoc.create.setProperty(n, 'pwned', 1) YIELD node RETURN node"),
    ("apoc.cypher.doIt", "CALL apoc.cypher.doIt('CREATE (:Pwned)', {}) YIELD value RETURN value"),
    ("apoc.periodic.iterate", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})"),
    ("db.createLabel", "CALL db.createLabel('Pwned')"),
    ("db.createProperty", "CALL db.createProperty('pwned')"),
    ("db.createRelationshipType", "CALL db.createRelationshipType('PWNED')"),
    ("db.create.setNodeVectorProperty",
     "MATCH (n:Passage) WITH n LIMIT 1 CALL db.create.setNodeVectorProperty(n, 'pwned', [1.0, 2.0])"),
    ("db.index.fulltext.createNodeIndex", "CALL db.index.fulltext.createNodeIndex('pwned', ['Pwned'], ['x'])"),
    ("dbms.setConfigValue", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')"),
    ("db.clearQueryCaches", "CALL db.clearQueryCaches()"),
    ("standalone CALL without parens", "CALL db.createLabel"),
    # bulk and transactional forms
    ("LOAD CSV", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"),
    ("LOAD CSV WITH HEADERS", "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row CREATE (:Pwned)"),
    ("USING PERIODIC COMMIT", "USING PERIODIC COMMIT 10 LOAD CSV FROM 'file:///x.csv' AS r CREATE (:Pwned)"),
    ("CALL {} IN TRANSACTIONS", "MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS"),
    ("CALL (n) {} IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS"),
    ("CALL {} subquery write", "CALL { CREATE (p:Pwned) RETURN p } RETURN p"),
    ("UNION with a write", "MATCH (n:Report) RETURN n.id AS x UNION CREATE (p:Pwned) RETURN 'x' AS x"),
    # schema and administration
    ("CREATE INDEX", "CREATE INDEX pwned_idx IF NOT EXISTS FOR (n:Pwned) ON (n.x)"),
    ("DROP INDEX", "DROP INDEX passage_text IF EXISTS"),
    ("CREATE CONSTRAINT", "CREATE CONSTRAINT pwned_c IF NOT EXISTS FOR (n:Pwned) REQUIRE n.x IS UNIQUE"),
    ("DROP CONSTRAINT", "DROP CONSTRAINT report_id IF EXISTS"),
    ("CREATE DATABASE", "CREATE DATABASE pwned"),
    ("STOP DATABASE", "STOP DATABASE neo4j"),
    ("CREATE USER", "CREATE USER pwned SET PASSWORD 'secret123' CHANGE NOT REQUIRED"),
    ("ALTER USER", "ALTER USER neo4j SET PASSWORD 'pwned-pass'"),
    ("TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"),
    ("USE another database", "USE system CREATE USER pwned SET PASSWORD 'secret123'"),
    ("two statements", "MATCH (n) RETURN count(n); CREATE (:Pwned)"),
    # disguises: case, comments, whitespace
    ("lower case", "create (n:Pwned) return n"),
    ("mixed case", "mAtCh (n) DeTaCh DeLeTe n"),
    ("block comment between", "MATCH (n) /* just reading */ CREATE /* really */ (m:Pwned)"),
    ("comment inside keyword", "MATCH (n) CRE/**/ATE (m:Pwned)"),
    ("line comment hides nothing", "MATCH (n) // read only\nCREATE (m:Pwned)"),
    ("newlines and tabs", "MATCH (n)\n\tDETACH\n\n\tDELETE\tn"),
    ("non-breaking space", "MATCH (n)\u00a0DETACH\u00a0DELETE n"),
    ("ideographic space", "MATCH (n)\u3000SET n.pwned = 1"),
    ("zero-width space in keyword", "MATCH (n) CRE\u200bATE (m:Pwned)"),
    ("full-width keyword", "ＣＲＥＡＴＥ (m:Pwned)"),
    ("cyrillic look-alike", "MATCH (n) SЕT n.pwned = 1"),
    # disguises: quoting
    ("backtick label", "CREATE (n:`Pwned`) RETURN n"),
    ("backtick label named like a keyword", "MATCH (n:`MATCH`) SET n.pwned = 1"),
    ("backtick procedure name", "CALL `db`.`createLabel`('Pwned')"),
    ("backtick whole procedure", "CALL `db.createLabel`('Pwned')"),
    ("backtick apoc", "CALL `apoc`.`create`.`node`(['Pwned'], {}) YIELD node RETURN node"),
    ("spaces around the dots", "CALL db . createLabel('Pwned')"),
    ("backtick around variable then write", "MATCH (`n`) SET `n`.pwned = 1"),
    ("escaped backtick", "CREATE (n:`Pw``ned`) RETURN n"),
    ("string closes early", "RETURN 'it''s' AS x CREATE (:Pwned)"),
    ("escaped backslash ends the string", "RETURN 'a\\\\' AS x CREATE (:Pwned) //'"),
    ("double-quoted string with comment marks", "RETURN \"/*\" AS a CREATE (:Pwned) RETURN \"*/\" AS b"),
    ("string with comment marks", "RETURN '//' AS a CREATE (:Pwned)"),
    ("comment with a quote", "MATCH (n) // it's\nCREATE (:Pwned) RETURN 'x'"),
    # unicode escapes
    ("unicode escape in a string", "RETURN '\\u0027' AS x CREATE (:Pwned)"),
    ("unicode escape in a label", "CREATE (n:\\u0050wned)"),
    ("unicode-escaped keyword", "MATCH (n) \\u0053ET n.pwned = 1"),
    # parameters cannot carry code
    ("write via parameter", "CALL apoc.cypher.doIt($q, {})"),
]

# Reads that look dangerous but are not: they must run.
READS: list[tuple[str, str, dict]] = [
    ("parameterised MATCH", "MATCH (r:Report) WHERE r.file = $file RETURN r.title AS title, r.file AS file",
     {"file": None}),
    ("write words in a string", "RETURN 'CREATE (n) DETACH DELETE n' AS s", {}),
    ("write words in a comment", "MATCH (r:Report) // CREATE (n)\nRETURN count(r) AS n", {}),
    ("write words as a parameter", "MATCH (p:Passage) WHERE p.text CONTAINS $w RETURN count(p) AS n",
     {"w": "DELETE"}),
    ("allow-listed procedure", "CALL db.labels() YIELD label RETURN label ORDER BY label", {}),
]
