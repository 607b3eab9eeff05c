"""A relation is created with its first statement and found by its statements' key after that
(neo4j_cypher.merge_relations_query): whatever order reports are put, re-put, removed and
grouped in, each (source, type, target) is one relationship, and it exists exactly while some
report states it."""
from __future__ import annotations

from collections import Counter

import pytest
from neo4j import GraphDatabase

from govgraph.graph.store.neo4j_cypher import ENTITY_REL_TYPES
from tests.contract.batches import report_a, report_b
from tests.contract.conftest import open_neo4j


@pytest.fixture
def neo(neo4j_uri):
    store = open_neo4j(neo4j_uri)
    yield store
    store.close()


def relation_keys(uri: str) -> tuple[Counter, set[str]]:
    """(each relationship's key with how often it is stored, the keys the statements hold)."""
    with GraphDatabase.driver(uri, auth=None) as d, d.session() as s:
        rels = s.run("MATCH (a:Entity)-[e]->(b:Entity) WHERE type(e) IN $types "
                     "RETURN a.id + '|' + type(e) + '|' + b.id AS key", types=list(ENTITY_REL_TYPES)).value()
        stated = s.run("MATCH (:Report)-[:STATES]->(s:Statement) RETURN DISTINCT s.key AS key").value()
    return Counter(rels), set(stated)


def assert_one_relationship_per_stated_key(uri: str) -> set[str]:
    rels, stated = relation_keys(uri)
    assert [k for k, n in rels.items() if n > 1] == []
    assert set(rels) == stated
    return stated


def test_each_stated_relation_is_one_relationship_through_puts_re_puts_and_removals(neo, neo4j_uri):
    a, b = report_a(), report_b()
    neo.put_batch(*a)
    only_a = assert_one_relationship_per_stated_key(neo4j_uri)
    neo.put_batch(*b)
    both = assert_one_relationship_per_stated_key(neo4j_uri)
    assert only_a < both  # B brings relations of its own, and states some of A's again
    neo.put_batch(*report_a())  # a re-put: A's statements go and come back in one transaction
    assert assert_one_relationship_per_stated_key(neo4j_uri) == both
    assert neo.remove_report(b[0].report.id)
    assert assert_one_relationship_per_stated_key(neo4j_uri) == only_a
    neo.begin_bulk()  # both again in one group: B new, A re-put
    results = neo.queue_batch(*report_b()) + neo.queue_batch(*report_a()) + neo.settle_queued()
    neo.flush()
    assert [r.error for r in results] == [None, None]
    assert assert_one_relationship_per_stated_key(neo4j_uri) == both
