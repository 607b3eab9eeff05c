"""What only the Neo4j store has to get right: connection trouble, schema, atomic puts, recovery."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from neo4j import GraphDatabase

from govgraph.graph.store.base import StoreError, StoreUnavailable, Vectors
from govgraph.graph.store.neo4j_store import Neo4jStore
from govgraph.ingest.batch import ENTITY_LABELS, REL_TYPES, Passage
from tests.conftest import ROOT, free_port
from tests.contract import expect
from tests.contract.batches import report_a, report_b
from tests.contract.conftest import open_neo4j


def load_server_tool():
    spec = importlib.util.spec_from_file_location("neo4j_server", ROOT / "tools" / "neo4j_server.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("neo4j_server", mod)  # its dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


# -- no server, bad settings ---------------------------------------------------------------------

def test_closed_port_is_unavailable_and_names_the_uri():
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as err:
        Neo4jStore(uri)
    assert uri in str(err.value) and "GOVGRAPH_NEO4J_URI" in str(err.value)
    assert time.monotonic() - started < 10


def test_deferred_connection_fails_on_first_call_with_the_same_error():
    uri = f"neo4j://127.0.0.1:{free_port()}"
    store = Neo4jStore(uri, connect=False)
    for call in (store.stats, store.reports, lambda: store.put_batch(*report_a())):
        with pytest.raises(StoreUnavailable) as err:
            call()
        assert uri in str(err.value)


def test_missing_or_malformed_uri_is_a_clear_error():
    with pytest.raises(StoreError, match="GOVGRAPH_NEO4J_URI is not set"):
        Neo4jStore.from_env({})
    with pytest.raises(StoreError, match="invalid Neo4j URI 'http://127.0.0.1:7474'"):
        Neo4jStore("http://127.0.0.1:7474")


def test_from_env_reads_uri_and_credentials(neo4j_uri):
    # The test server has auth off, so any user is let in; the settings must still be read.
    store = Neo4jStore.from_env({"GOVGRAPH_NEO4J_URI": neo4j_uri, "GOVGRAPH_NEO4J_USER": "neo4j",
                                 "GOVGRAPH_NEO4J_PASSWORD": "secret"})
    try:
        assert store.uri == neo4j_uri and store.user == "neo4j"
        assert "nodes" in store.stats()
    finally:
        store.close()


# -- schema and storage shape --------------------------------------------------------------------

@pytest.fixture
def neo(neo4j_uri):
    store = open_neo4j(neo4j_uri)
    yield store
    store.close()


def cypher(uri: str, query: str, **params) -> list[dict]:
    with GraphDatabase.driver(uri, auth=None) as d, d.session() as s:
        return s.run(query, **params).data()


def test_schema_constraints_and_indexes(neo, neo4j_uri):
    neo.put_batch(*report_a())
    constraints = cypher(neo4j_uri, "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
                                    "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties")
    assert {(c["label"], tuple(c["properties"])) for c in constraints} >= {
        ("Report", ("id",)), ("Passage", ("id",)), ("Entity", ("id",))}
    indexes = cypher(neo4j_uri, "SHOW INDEXES YIELD type, labelsOrTypes, properties, options "
                                "WHERE type IN ['FULLTEXT', 'VECTOR'] RETURN *")
    fulltext = {(i["labelsOrTypes"][0], tuple(i["properties"])): i["options"]["indexConfig"]
                for i in indexes if i["type"] == "FULLTEXT"}
    assert fulltext[("Passage", ("text",))]["fulltext.analyzer"] == "cjk"
    assert fulltext[("Entity", ("name", "aliases_text", "name_en"))]["fulltext.analyzer"] == "cjk"
    vector = {i["labelsOrTypes"][0]: i["options"]["indexConfig"] for i in indexes if i["type"] == "VECTOR"}
    for label in ("Passage", "Entity"):
        assert vector[label]["vector.dimensions"] == 384
        assert vector[label]["vector.similarity_function"].lower() == "cosine"
    before = cypher(neo4j_uri, "SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name")
    Neo4jStore(neo4j_uri).close()  # a second connect finds the schema in place and changes nothing
    assert cypher(neo4j_uri, "SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name") == before
    assert all(i["state"] == "ONLINE" for i in before)


def test_labels_and_relationship_types_in_the_database(neo, neo4j_uri):
    a, b = report_a()[0], report_b()[0]
    neo.put_batch(*report_a())
    neo.put_batch(*report_b())
    rows = cypher(neo4j_uri, "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels")
    want = expect.labels([a, b])
    assert {r["id"]: set(r["labels"]) for r in rows} == {i: {"Entity", lab} for i, lab in want.items()}
    types = {r["t"] for r in cypher(neo4j_uri, "MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")}
    assert types <= set(REL_TYPES) | {"MENTIONS", "STATES"}
    assert {"AUTHORED", "HAS_PASSAGE", "MENTIONED_IN", "CITES", "MENTIONS", "STATES"} <= types
    # Each symmetric relation is one relationship, however many reports state it; each report's
    # statement about it is its own node.
    partner = cypher(neo4j_uri, """
        MATCH (a)-[r:PARTNER_OF]->(b)
        RETURN a.id AS a, b.id AS b,
               COUNT { (:Report)-[:STATES]->(:Statement {key: a.id + '|PARTNER_OF|' + b.id}) } AS statements""")
    assert len(partner) == len({(p["a"], p["b"]) for p in partner}) and all(p["a"] < p["b"] for p in partner)
    assert any(p["statements"] == 2 for p in partner)
    # Provenance lives in relationships: one MENTIONS per report and entity, no lists on entities.
    mentions = cypher(neo4j_uri, "MATCH (r:Report)-[m:MENTIONS]->(n:Entity) RETURN r.id AS r, n.id AS n, m {.*} AS m")
    assert len(mentions) == len({(m["r"], m["n"]) for m in mentions}) == sum(len({n.id for n in x.nodes}) for x in (a, b))
    assert all(m["m"]["passages"] and len(m["m"]["passages"]) == len(m["m"]["starts"]) for m in mentions)
    keys = {k for r in cypher(neo4j_uri, "MATCH (n:Entity) RETURN keys(n) AS k") for k in r["k"]}
    assert not keys & {"reports", "contrib", "name_list", "name_reports"}
    # Queryable props sit on the node itself, next to the per-report JSON.
    kinds = cypher(neo4j_uri, "MATCH (p:Place) RETURN DISTINCT p.kind AS kind")
    assert kinds == [{"kind": "city"}]
    assert set(ENTITY_LABELS) >= {r["label"] for r in cypher(neo4j_uri, "MATCH (n:Entity) RETURN n.label AS label")}


def test_failed_put_leaves_the_previous_state(neo):
    a, va = report_a()
    b, vb = report_b()
    neo.put_batch(a, va)
    neo.put_batch(b, vb)
    before = (neo.stats(), sorted((n.to_dict() for n in neo.iter_nodes()), key=lambda d: d["id"]))
    # A new version of A whose last passage takes an id B already owns: the write fails
    # after A's old contribution was stripped inside the transaction, which must roll back.
    clash = report_a(drop_exchange=True)[0]
    last = clash.passages[-1]
    clash.passages[-1] = Passage(b.passages[0].id, last.report, last.index, last.text, last.start, last.end,
                                 last.section, last.role, last.year)
    with pytest.raises(StoreError, match="Neo4j"):
        neo.put_batch(clash)
    assert (neo.stats(), sorted((n.to_dict() for n in neo.iter_nodes()), key=lambda d: d["id"])) == before


def test_vectors_of_another_size_or_model_are_refused(neo):
    a, va = report_a()
    neo.put_batch(a, va)
    b, vb = report_b()
    small = Vectors(vb.model, vb.passages[:, :8], vb.entity_ids, vb.entities[:, :8])
    with pytest.raises(StoreError, match="384-dimensional"):
        neo.put_batch(b, small)
    with pytest.raises(StoreError, match="holds vectors of model"):
        neo.put_batch(b, Vectors("another-model", vb.passages, vb.entity_ids, vb.entities))
    assert [r.id for r in neo.reports()] == [a.report.id]
    with pytest.raises(ValueError, match="passage vectors"):
        neo.put_batch(b, Vectors(vb.model, vb.passages[:2], [], None))
    with pytest.raises(ValueError, match="dimensions"):
        neo.vector_search(np.ones(8), 3)


def test_lucene_syntax_in_a_query_is_searched_not_parsed(neo):
    neo.put_batch(*report_a())
    for q in ('外语标识 AND (', '"儿童画', "*:*", "OR NOT", "\\"):
        assert isinstance(neo.lexical_search(q, [q], 5), list)
    assert neo.lexical_search("《北京市公共场所外语标识管理规定》", [], 5)


# -- credentials: a second, auth-enabled server --------------------------------------------------

@pytest.fixture(scope="module")
def auth_server(tmp_path_factory):
    """A real Neo4j with auth on (the shared one has it off), run from tests/neo4j/AuthNeo4j.java."""
    tool = load_server_tool()
    if not tool.is_built():
        tool.build(quiet=True)
    port = free_port()
    data = tmp_path_factory.mktemp("auth-neo4j")
    log = open(data / "server.log", "wb")
    proc = subprocess.Popen(
        ["java", "-Xmx512m", *tool.JVM_FLAGS, "-cp", str(tool.LIB_DIR / "*"),
         str(Path(__file__).with_name("AuthNeo4j.java")), str(port), str(data / "db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    try:
        line = proc.stdout.readline().decode()
        assert "AUTH NEO4J READY" in line, (data / "server.log").read_text(errors="replace")[-2000:]
        yield f"bolt://127.0.0.1:{port}"
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_wrong_credentials_are_a_store_error_not_unavailable(auth_server):
    for user, password in (("neo4j", "not-the-password"), ("nobody", "x")):
        with pytest.raises(StoreError) as err:
            Neo4jStore(auth_server, user, password)
        assert not isinstance(err.value, StoreUnavailable)
        msg = str(err.value)
        assert auth_server in msg and "rejected the credentials" in msg and user in msg
        assert "GOVGRAPH_NEO4J_PASSWORD" in msg
    with pytest.raises(StoreError, match="rejected the credentials"):
        Neo4jStore(auth_server)  # no credentials at all


# -- recovery ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_store_recovers_when_the_server_comes_back(tmp_path):
    tool = load_server_tool()
    port = free_port()
    data = tmp_path / "db"
    server = tool.start_server(port=port, data_dir=data)
    store = None
    try:
        store = Neo4jStore(server.uri)
        a, va = report_a()
        store.put_batch(a, va)
        before = store.stats()
        server.stop()
        for call in (store.stats, lambda: store.vector_search(va.passages[0], 3)):
            with pytest.raises(StoreUnavailable) as err:
                call()
            assert server.uri in str(err.value)
        server = tool.start_server(port=port, data_dir=data)
        # The same store object carries on: no broken driver is kept.
        assert store.stats() == before
        assert store.vector_search(va.passages[0], 1)[0][0] == a.passages[0].id
        store.put_batch(*report_b())
        assert store.stats()["reports"] == 2
    finally:
        if store is not None:
            store.close()
        server.stop()


def test_entity_full_text_index_finds_names_aliases_and_english(neo):
    a, va = report_a()
    b, vb = report_b()
    neo.put_batch(a, va)
    neo.put_batch(b, vb)
    for batch in (a, b):
        for n in batch.nodes:
            for word in (n.name, *n.aliases, *([n.name_en] if n.name_en else [])):
                hits = [h for h, _ in neo.entity_text_search(word, 3)]
                assert n.id in hits, word
    places = neo.entity_text_search("首尔", 5, label="Place")
    assert places and all(neo.get_node(h).label == "Place" for h, _ in places)
    # What a removed report named is no longer found, and the aliases it brought are gone.
    neo.remove_report(b.report.id)
    assert neo.entity_text_search("青少年书法展", 5) == []
    seoul = [n for n in b.nodes if "首尔" in n.aliases][0]
    assert "首尔" not in neo.get_node(seoul.id).aliases
    # What the report left names is still found: an entity both named keeps a's words (its names
    # were drawn again from a's MENTIONS, which give no English name: that null once emptied them).
    shared = {n.id for n in a.nodes} & {n.id for n in b.nodes}
    kept = neo._read("UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id, n.names AS names, "
                     "n.aliases_text AS text", ids=sorted(shared))
    assert kept and all(r["names"] and r["text"] for r in kept), kept
    for n in a.nodes:
        for word in (n.name, *n.aliases, *([n.name_en] if n.name_en else [])):
            assert n.id in [h for h, _ in neo.entity_text_search(word, 3)], word


def test_a_database_of_the_old_model_is_refused_with_the_migration_command(neo, neo4j_uri):
    # What the per-entity-list model (data model 1) left: reports, entities with report lists, and
    # a meta node without a data_model stamp.
    cypher(neo4j_uri, """
        CREATE (:Report {id: 'r1', title: 't', file: 'a.txt', sha256: 'x', touched: ['e1']})
        CREATE (:Entity:Agency {id: 'e1', label: 'Agency', name: '某局', reports: ['r1'], contrib: ['{}']})
        MERGE (m:GovgraphMeta {id: 'store'}) SET m.writes = 1""")
    try:
        with pytest.raises(StoreError, match=r"older govgraph data model .*govgraph neo4j-migrate"):
            Neo4jStore(neo4j_uri)
    finally:
        old = Neo4jStore(neo4j_uri, allow_old_model=True)  # the migration can still open it
        old.clear()
        old.close()
