"""What views read of a relation's statements comes from two composite indexes (neo4j_schema,
neo4j_view_cypher._shown_parts, issue 18): the first k statements in report order and the few
that give props. On relations that many reports state, with props that differ from report to
report and come in out of report id order, the views give what the embedded store gives, and
the full read cut down."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.views import overview
from tests.contract.conftest import open_neo4j
from tests.neo4j.synthetic import synthetic_batch

pytestmark = pytest.mark.neo4j

SAID = [{}, {"since": 2001}, {"since": 2002}, {"since": 2003, "by": "甲"}]


def items() -> list:
    """Reports stating the same relations (one seed, several files), each giving a relation no
    props or one of three, highest report id first: later reports bring props from lower ids."""
    out = []
    for i in range(7):
        batch, vectors = synthetic_batch(n_passages=12, n_nodes=25, n_edges=30, seed=3, file=f"shown-{i}.txt")
        rng = random.Random(i)
        out.append((replace(batch, edges=[replace(e, props=rng.choice(SAID)) for e in batch.edges]), vectors))
    return sorted(out, key=lambda x: x[0].report.id, reverse=True)


@pytest.fixture(scope="module")
def stores(neo4j_uri, tmp_path_factory):
    emb, neo = EmbeddedStore(tmp_path_factory.mktemp("shown") / "emb"), open_neo4j(neo4j_uri)
    for batch, vectors in items():
        emb.put_batch(batch, vectors)
        neo.put_batch(batch, vectors)
    emb.flush()
    yield emb, neo
    neo.clear()
    neo.close()
    emb.close()


def edges(es) -> list:
    return sorted((e.key, e.props, e.evidence) for e in es)


@pytest.mark.parametrize("k", [0, 1, 3, 6, 7, 8])
def test_views_give_the_merged_props_and_first_evidence_as_the_embedded_store(stores, k):
    emb, neo = stores
    reports = sorted(r.id for r in emb.reports())
    ids = sorted({n.id for n in emb.iter_nodes()})
    many = [e for e in emb.edges_among(ids, None) if len({ev.report for ev in e.evidence}) > 3]
    assert any(e.props for e in many)  # relations stated by more than three reports, with props
    for rid in reports:
        got, want = overview(neo, report=rid, max_evidence=k), overview(emb, report=rid, max_evidence=k)
        assert got.edges and edges(got.edges) == edges(want.edges)
    assert edges(neo.edges_among(ids, None, max_evidence=k)) == edges(emb.edges_among(ids, None, max_evidence=k))
    keys = [e.key for e in many]
    assert edges(neo.get_edges(keys, max_evidence=k)) == edges(emb.get_edges(keys, max_evidence=k))

