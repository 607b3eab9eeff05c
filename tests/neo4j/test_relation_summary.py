"""The summary each relation keeps of its statements (neo4j_relation_summary, issue 18): after
writes one by one and grouped, a removal and a re-put, it is what the statements left say; views
read from it give what they give read from every statement (a database written before it), and
fill_shown gives such a database the summaries a write would have kept."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from govgraph.graph.store.neo4j_bulk import GROUP_REPORTS
from govgraph.graph.store.neo4j_cypher import RELS
from govgraph.graph.views import SHOWN_EVIDENCE, overview
from tests.contract.conftest import open_neo4j
from tests.neo4j.synthetic import synthetic_batch

pytestmark = pytest.mark.neo4j

KEPT = "e.statements AS n, e.said_props AS props, e.said_props_from AS first"
SUMMARIES = f"""
MATCH (a:Entity)-[e:{RELS}]->(b:Entity)
RETURN a.id + '|' + type(e) + '|' + b.id AS key, {KEPT} ORDER BY key
"""
STATEMENTS = "MATCH (s:Statement) RETURN s.key AS key, s.report AS report, s.props AS props ORDER BY key, report"


@pytest.fixture
def neo(neo4j_uri):
    store = open_neo4j(neo4j_uri)
    yield store
    store.clear()
    store.close()


def kept(neo) -> dict:
    return {r["key"]: (r["n"], r["props"], r["first"]) for r in neo._read(SUMMARIES)}


def recounted(neo) -> dict:
    """Each relation's summary as its statements say it: how many, and each distinct props with
    the lowest report giving it, in that report's order (None when no statement gives props)."""
    out: dict[str, tuple] = {}
    for r in neo._read(STATEMENTS):
        n, props, first = out.get(r["key"], (0, [], []))
        if r["props"] is not None and r["props"] not in props:
            props, first = props + [r["props"]], first + [r["report"]]
        out[r["key"]] = (n + 1, props, first)
    return {k: (n, props or None, first or None) for k, (n, props, first) in out.items()}


def items() -> list:
    """Reports stating the same relations (one seed, several files), each giving a relation no
    props or one of three, highest report id first: a later write brings props from a lower
    report than the kept ones."""
    out = []
    for i in range(GROUP_REPORTS + 3):
        batch, vectors = synthetic_batch(n_passages=12, n_nodes=25, n_edges=30, seed=3, file=f"summary-{i}.txt")
        rng = random.Random(i)
        said = [{}, {"since": 2001}, {"since": 2002}, {"since": 2003, "by": "甲"}]
        out.append((replace(batch, edges=[replace(e, props=rng.choice(said)) for e in batch.edges]), vectors))
    return sorted(out, key=lambda x: x[0].report.id, reverse=True)


def test_the_summary_is_what_the_statements_say_after_writes_removal_and_reput(neo):
    batches = items()
    for batch, vectors in batches[:3]:
        neo.put_batch(batch, vectors)
    neo.begin_bulk()
    for batch, vectors in batches[3:] + batches[:1]:  # a group, with a re-put of a stored report
        assert all(r.error is None for r in neo.queue_batch(batch, vectors))
    assert all(r.error is None for r in neo.settle_queued())
    neo.flush()
    summary = kept(neo)
    assert summary == recounted(neo)
    assert any(n > 1 for n, _, _ in summary.values()) and any(p and len(p) > 1 for _, p, _ in summary.values())
    neo.clear()
    for batch, vectors in batches[:3] + batches[3:] + batches[:1]:
        neo.put_batch(batch, vectors)
    one_by_one = kept(neo)
    assert one_by_one == summary  # grouped or one by one, in any order: the same lists
    assert neo.remove_report(batches[2][0].report.id)
    assert kept(neo) == recounted(neo) != summary


def views(neo, reports, ids) -> list:
    got = []
    for rid in reports:
        sg = overview(neo, report=rid, max_evidence=SHOWN_EVIDENCE)
        got.append(([n.id for n in sg.nodes], [(e.key, e.props, e.evidence) for e in sg.edges]))
    for nid in ids:
        sg = neo.one_hop(nid, None, None, 50, SHOWN_EVIDENCE)
        got.append(([n.id for n in sg.nodes], [(e.key, e.props, e.evidence) for e in sg.edges]))
    return got


def test_views_read_the_summary_as_they_read_every_statement_and_fill_restores_it(neo):
    batches = items()
    for batch, vectors in batches:
        neo.put_batch(batch, vectors)
    reports = [b.report.id for b, _ in batches]
    ids = sorted({e.source for b, _ in batches for e in b.edges})[:8]
    with_summary, summary = views(neo, reports, ids), kept(neo)
    assert any(props for _, es in with_summary for _, props, _ in es)  # relations with merged props
    neo._call(lambda tx: tx.run("MATCH ()-[e]->() WHERE e.statements IS NOT NULL "
                                "REMOVE e.statements, e.said_props, e.said_props_from").consume(), write=True)
    assert all(n is None for n, _, _ in kept(neo).values())  # as a database written before the summary
    assert views(neo, reports, ids) == with_summary
    assert neo.fill_shown() == len(summary)
    assert kept(neo) == summary
    assert views(neo, reports, ids) == with_summary
