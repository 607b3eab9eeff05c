"""The Cypher and CSV exports imported into the real Neo4j give the store's own counts.

Runs against the server `tools/neo4j_server.py run -- pytest ...` starts (GOVGRAPH_NEO4J_URI);
without it the tests fail rather than skip, so a missing server is never mistaken for a pass.
neo4j-admin is not part of that server, so the CSV folder is read by neo4j-admin's header
rules (tests/unit/admin_csv.py) and written through UNWIND, and Neo4j's own CSV reader
(LOAD CSV) checks that every file splits into the very fields those rules read.
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from govgraph.graph.export import export
from govgraph.graph.export.cypher import iter_statements
from govgraph.graph.export.neo4j_csv import export_neo4j_csv
from tests.unit.admin_csv import read_file
from tests.unit.sample_graph import TRICKY_NAME, filled_store

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def driver(neo4j_uri):
    # The shared fixture fails (never skips) when GOVGRAPH_NEO4J_URI is missing.
    drv = GraphDatabase.driver(neo4j_uri, auth=None)
    drv.verify_connectivity()
    yield drv
    drv.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return filled_store(tmp_path_factory.mktemp("neo4j-export"))


def clean(driver) -> None:
    with driver.session() as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        assert s.run("MATCH (n) RETURN count(n) AS c").single()["c"] == 0


def db_counts(driver) -> dict:
    with driver.session() as s:
        nodes = {r["l"]: r["c"] for r in s.run("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS c")}
        edges = {r["t"]: r["c"] for r in s.run("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c")}
    return {"nodes": nodes, "edges": edges}


def expected_counts(store) -> dict:
    st = store.stats()
    return {"nodes": st["nodes"], "edges": st["edges"]}


def test_cypher_script_imports_to_the_same_counts(driver, store, tmp_path):
    path = tmp_path / "graph.cypher"
    export(store, "cypher", path)
    clean(driver)
    stmts = list(iter_statements(path.read_text("utf-8").splitlines()))
    for _ in range(2):   # MERGE all the way: a second run changes nothing
        with driver.session() as s:
            for stmt in stmts:
                s.run(stmt).consume()
        assert db_counts(driver) == expected_counts(store)
    with driver.session() as s:
        rec = s.run("MATCH (o:Organization {name: $n}) RETURN o", n=TRICKY_NAME).single()
        assert rec is not None, "the name with quotes, backslash, newline and tab did not survive"
        o = rec["o"]
        assert o["aliases"] == ["a;b", "协会"] and o["tags"] == ["x", "y"] and o["score"] == 1.5
        assert json.loads(o["meta"]) == {"k": [1, "x"]}
        assert json.loads(o["evidence"])[0]["text"].startswith("O'Brien")
        since = s.run("MATCH (:Place)-[r:PARTNER_OF]->(:Place) WHERE r.since IS NOT NULL "
                      "RETURN collect(r.since) AS s").single()["s"]
        assert since == [1991]
        texts = s.run("MATCH (p:Passage) RETURN p.text AS t").value()
        assert any("首尔友谊节" in t for t in texts)


def test_cypher_script_from_a_stream_is_the_same_script(store, tmp_path):
    buf = io.StringIO()
    export(store, "cypher", buf)
    path = tmp_path / "g.cypher"
    export(store, "cypher", path)
    assert buf.getvalue() == path.read_text("utf-8")


def assert_neo4j_reads_the_same(session, path: Path) -> None:
    """Neo4j's own CSV reader (LOAD CSV, legacy backslash quoting on in this server) must
    split the file into the very fields Python's RFC 4180 reader does."""
    with open(path, encoding="utf-8", newline="") as f:
        expected = [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(f)]
    got = session.run(f"LOAD CSV WITH HEADERS FROM 'file://{path.resolve()}' AS row RETURN row").value()
    assert got == expected, path.name


def test_csv_folder_imports_to_the_same_counts(driver, store, tmp_path):
    res = export_neo4j_csv(store, tmp_path / "csv")
    clean(driver)
    label_of: dict[str, str] = {}
    with driver.session() as s:
        for label, path in res.node_files.items():
            _, rows = read_file(path, res.array_delimiter)
            for r in rows:
                label_of[r.id] = r.labels[0]
            assert_neo4j_reads_the_same(s, path)
            s.run(f"UNWIND $rows AS row CREATE (n:`{label}`) SET n = row",
                  rows=[r.props for r in rows]).consume()
        for type_, path in res.relationship_files.items():
            _, rows = read_file(path, res.array_delimiter)
            assert_neo4j_reads_the_same(s, path)
            shapes = defaultdict(list)
            for r in rows:
                shapes[(label_of[r.start], label_of[r.end])].append({"s": r.start, "t": r.end, "p": r.props})
            for (sl, tl), batch in shapes.items():
                s.run(f"UNWIND $rows AS row MATCH (a:`{sl}` {{id: row.s}}) MATCH (b:`{tl}` {{id: row.t}}) "
                      f"CREATE (a)-[r:`{r.type}`]->(b) SET r = row.p", rows=batch).consume()
    assert db_counts(driver) == expected_counts(store)
    with driver.session() as s:
        o = s.run("MATCH (o:Organization {name: $n}) RETURN o", n=TRICKY_NAME).single()["o"]
        assert o["aliases"] == ["a;b", "协会"]
        years = s.run("MATCH (e:Event) RETURN collect(DISTINCT e.year) AS y").single()["y"]
        assert years == [2021]
