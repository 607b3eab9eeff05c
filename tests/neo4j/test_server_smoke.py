"""The real Neo4j from tools/neo4j_server.py does what govgraph's graph layer needs:
no-auth Bolt, uniqueness constraints, batched MERGE, a 384-dim cosine vector index
and a full-text index with the `cjk` analyzer over Chinese text."""

from __future__ import annotations

import math
import os
import random
import uuid
from collections.abc import Iterator

import pytest
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import ConstraintError

pytestmark = pytest.mark.neo4j

DIMENSIONS = 384
SENTENCES = (
    "加快发展新质生产力，推动高质量发展",
    "推进乡村全面振兴，巩固拓展脱贫攻坚成果",
    "着力扩大国内需求，促进消费稳定增长",
    "深化教育科技人才体制机制改革",
)


@pytest.fixture(scope="module")
def driver() -> Iterator[Driver]:
    uri = os.environ.get("GOVGRAPH_NEO4J_URI")
    if not uri:
        pytest.fail(
            "GOVGRAPH_NEO4J_URI is not set; run via `python tools/neo4j_server.py run -- python -m pytest ...`"
        )
    with GraphDatabase.driver(uri, auth=None) as drv:
        drv.verify_connectivity()
        yield drv


@pytest.fixture()
def label(driver: Driver) -> Iterator[str]:
    """A label (and index names) unique to this test, dropped afterwards, so the test
    can share a server with other tests."""
    name = f"Smoke_{uuid.uuid4().hex[:12]}"
    yield name
    with driver.session() as s:
        for index in s.run(
            "SHOW INDEXES YIELD name, labelsOrTypes, owningConstraint "
            "WHERE $label IN labelsOrTypes AND owningConstraint IS NULL "
            "RETURN name",
            label=name,
        ).value():
            s.run(f"DROP INDEX `{index}` IF EXISTS").consume()
        for constraint in s.run(
            "SHOW CONSTRAINTS YIELD name, labelsOrTypes WHERE $label IN labelsOrTypes RETURN name", label=name
        ).value():
            s.run(f"DROP CONSTRAINT `{constraint}` IF EXISTS").consume()
        s.run(f"MATCH (n:`{name}`) DETACH DELETE n").consume()


def _unit_vector(rng: random.Random) -> list[float]:
    v = [rng.gauss(0.0, 1.0) for _ in range(DIMENSIONS)]
    norm = math.sqrt(sum(x * x for x in v))
    return [x / norm for x in v]


def _rows(count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [
        {"id": f"chunk-{i}", "text": SENTENCES[i % len(SENTENCES)], "embedding": _unit_vector(rng)}
        for i in range(count)
    ]


def test_server_is_neo4j_526_without_auth(driver: Driver) -> None:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *")
    kernel = next(r for r in records if r["name"] == "Neo4j Kernel")
    assert kernel["versions"][0].startswith("5.26.")
    assert kernel["edition"] == "community"


def test_constraint_and_batched_merge_are_idempotent(driver: Driver, label: str) -> None:
    rows = _rows(200, seed=7)
    with driver.session() as s:
        s.run(f"CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.id IS UNIQUE").consume()
        merge = f"UNWIND $rows AS r MERGE (n:`{label}` {{id: r.id}}) SET n.text = r.text"
        first = s.run(merge, rows=rows).consume().counters
        again = s.run(merge, rows=rows).consume().counters
        count = s.run(f"MATCH (n:`{label}`) RETURN count(n)").single()[0]
        with pytest.raises(ConstraintError):
            s.run(f"CREATE (:`{label}` {{id: $id}})", id=rows[0]["id"]).consume()

    assert first.nodes_created == len(rows)
    assert again.nodes_created == 0
    assert count == len(rows)


def test_cosine_vector_index_finds_nearest_neighbours(driver: Driver, label: str) -> None:
    rows = _rows(300, seed=11)
    index = f"{label}_embedding"
    with driver.session() as s:
        s.run(f"UNWIND $rows AS r MERGE (n:`{label}` {{id: r.id}}) SET n.embedding = r.embedding", rows=rows).consume()
        s.run(
            f"CREATE VECTOR INDEX {index} IF NOT EXISTS FOR (n:`{label}`) ON n.embedding "
            "OPTIONS {indexConfig: {`vector.dimensions`: $dims, `vector.similarity_function`: 'cosine'}}",
            dims=DIMENSIONS,
        ).consume()
        s.run("CALL db.awaitIndexes(120)").consume()
        info = s.run(
            "SHOW INDEXES YIELD name, type, state, options WHERE name = $name RETURN type, state, options",
            name=index,
        ).single()

        target = rows[42]
        # A slightly perturbed copy of one stored vector must find that vector first.
        rng = random.Random(3)
        query = [x + rng.gauss(0.0, 0.002) for x in target["embedding"]]
        hits = s.run(
            f"CALL db.index.vector.queryNodes('{index}', 5, $q) YIELD node, score RETURN node.id AS id, score",
            q=query,
        ).data()

    assert info["type"] == "VECTOR"
    assert info["state"] == "ONLINE"
    assert info["options"]["indexConfig"]["vector.dimensions"] == DIMENSIONS
    assert info["options"]["indexConfig"]["vector.similarity_function"].lower() == "cosine"
    assert len(hits) == 5
    assert hits[0]["id"] == target["id"]
    assert hits[0]["score"] > 0.99
    # Random unit vectors in 384 dims are nearly orthogonal: cosine ~0, Neo4j score ~0.5.
    assert all(h["score"] < 0.75 for h in hits[1:])
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_cjk_fulltext_index_matches_chinese_words(driver: Driver, label: str) -> None:
    rows = _rows(40, seed=5)
    index = f"{label}_text"
    with driver.session() as s:
        s.run(f"UNWIND $rows AS r MERGE (n:`{label}` {{id: r.id}}) SET n.text = r.text", rows=rows).consume()
        s.run(
            f"CREATE FULLTEXT INDEX {index} IF NOT EXISTS FOR (n:`{label}`) ON EACH [n.text] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
        ).consume()
        s.run("CALL db.awaitIndexes(120)").consume()
        analyzer = s.run(
            "SHOW INDEXES YIELD name, options WHERE name = $name RETURN options.indexConfig['fulltext.analyzer']",
            name=index,
        ).single()[0]

        def search(words: str) -> set[str]:
            return set(
                s.run(
                    f"CALL db.index.fulltext.queryNodes('{index}', $q) YIELD node RETURN node.id AS id",
                    q=words,
                ).value()
            )

        productivity = search('"生产力"')
        villages = search('"乡村振兴" OR "乡村"')
        absent = search('"航天"')

    expected_productivity = {r["id"] for r in rows if "生产力" in r["text"]}
    expected_villages = {r["id"] for r in rows if "乡村" in r["text"]}
    assert analyzer == "cjk"
    assert expected_productivity and productivity == expected_productivity
    assert expected_villages and villages == expected_villages
    assert absent == set()
