"""The read-only Cypher guard against the real Neo4j: every write, however disguised, is refused and
nothing is written; plain reads run with parameters. Directly and through POST /cypher."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from govgraph.api.app import create_app
from govgraph.api.context import Settings
from tests.conftest import SEED

from .helpers import assert_no_stack_trace, record_figures
from .hostile import READS, WRITES

pytestmark = pytest.mark.neo4j


def _fingerprint(uri: str) -> dict:
    """Everything a write could change, read straight from the server."""
    with GraphDatabase.driver(uri, auth=None) as d, d.session() as s:
        return {
            "nodes": s.run("MATCH (n) RETURN count(n) AS c").single()["c"],
            "rels": s.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"],
            "labels": sorted(r["label"] for r in s.run("CALL db.labels() YIELD label RETURN label")),
            "types": sorted(r["t"] for r in s.run(
                "CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t")),
            "keys": sorted(r["k"] for r in s.run("CALL db.propertyKeys() YIELD propertyKey AS k RETURN k")),
            "indexes": sorted(r["name"] for r in s.run("SHOW INDEXES YIELD name RETURN name")),
            "constraints": sorted(r["name"] for r in s.run("SHOW CONSTRAINTS YIELD name RETURN name")),
            "titles": sorted(r["t"] for r in s.run("MATCH (r:Report) RETURN r.title AS t")),
            "databases": sorted(r["name"] for r in d.session(database="system").run(
                "SHOW DATABASES YIELD name RETURN name")),
        }


@pytest.fixture(scope="module")
def neo(neo4j_uri):
    from govgraph.graph.store.neo4j_store import Neo4jStore
    from govgraph.ingest.pipeline import build_batch
    from tests.neo4j_util import wipe

    wipe(neo4j_uri)
    store = Neo4jStore(neo4j_uri)
    store.put_batch(build_batch(SEED))
    yield store
    store.close()


def test_run_read_only_refuses_every_write_and_nothing_changes(neo, neo4j_uri):
    from govgraph.graph.store.readonly_cypher import CypherRefused, run_read_only, screen

    before = _fingerprint(neo4j_uri)
    assert before["nodes"] > 10 and before["titles"]
    past_the_screen = []
    for what, query in WRITES:
        with pytest.raises(CypherRefused) as info:
            run_read_only(neo, query, {"q": "CREATE (:Pwned)"})
        message = str(info.value)
        assert message and "Traceback" not in message, (what, message)
        try:
            screen(query)
            past_the_screen.append(what)   # refused by a later lock: the planner or the READ transaction
        except CypherRefused:
            pass
        assert _fingerprint(neo4j_uri) == before, f"{what!r} changed the database: {query}"
    print(f"\ncypher: {len(WRITES)} writes refused; {len(past_the_screen)} got past the lexical screen "
          f"and were stopped by a later lock: {past_the_screen}")
    record_figures("cypher_guard", {"writes_tried": len(WRITES), "writes_refused": len(WRITES),
                                    "past_lexical_screen": past_the_screen, "reads_allowed": len(READS)})


def test_plain_reads_run_with_parameters(neo):
    from govgraph.graph.store.readonly_cypher import run_read_only

    for what, query, params in READS:
        if "file" in params:
            params = {"file": SEED.name}
        out = run_read_only(neo, query, params)
        assert out["columns"] and out["rows"], what
        assert out["truncated"] is False
    out = run_read_only(neo, READS[0][1], {"file": SEED.name})
    assert out["columns"] == ["title", "file"]
    assert len(out["rows"]) == 1 and out["rows"][0][1] == SEED.name and out["rows"][0][0]
    assert run_read_only(neo, READS[1][1])["rows"] == [["CREATE (n) DETACH DELETE n"]]
    # The row cap holds on a read that would return more.
    capped = run_read_only(neo, "UNWIND range(1, 5000) AS i RETURN i", max_rows=100)
    assert len(capped["rows"]) == 100 and capped["truncated"] is True


def test_post_cypher_refuses_writes_with_a_clear_problem(neo, neo4j_uri):
    before = _fingerprint(neo4j_uri)
    with TestClient(create_app(Settings(neo4j=neo4j_uri)), raise_server_exceptions=False) as client:
        for what, query in WRITES:
            r = client.post("/cypher", json={"query": query, "params": {}})
            assert r.status_code == 422, (what, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            body = r.json()
            assert body["status"] == 422 and "refused" in body["detail"], (what, body)
            assert_no_stack_trace(r.text, f"for {what}")
        ok = client.post("/cypher", json={"query": READS[0][1], "params": {"file": SEED.name}})
        assert ok.status_code == 200, ok.text
        assert ok.json()["rows"][0][1] == SEED.name
        # Malformed bodies are refused as parameters, never as a server error.
        for raw in (b"", b"{", b"[]", b'{"query": 5}', b'{"query": "RETURN 1", "params": []}',
                    json.dumps({"query": "RETURN 1 AS x " + "/*" + "x" * 6000 + "*/"}).encode(),
                    b'{"query": "RETURN 1", "params": {"a": "\\ud800"}}'):
            r = client.post("/cypher", content=raw, headers={"content-type": "application/json"})
            assert r.status_code in (400, 422), (raw[:60], r.status_code, r.text)
            assert_no_stack_trace(r.text)
    assert _fingerprint(neo4j_uri) == before
