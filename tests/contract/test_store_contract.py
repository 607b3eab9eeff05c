"""The store contract: every backend answers these the same way (see conftest for the stores)."""
from __future__ import annotations

import re

import numpy as np
import pytest

from govgraph.graph.store.base import Filters

from . import expect
from .batches import bigrams, report_a


def all_batches(batches):
    return [b for b, _ in batches]


# -- writing and reading back --------------------------------------------------------------------

def test_round_trip(loaded, batches):
    a, b = all_batches(batches)
    assert sorted(r.id for r in loaded.reports()) == sorted([a.report.id, b.report.id])
    for batch in (a, b):
        stored = {r.id: r for r in loaded.reports()}[batch.report.id]
        assert stored == batch.report
        assert loaded.passages_of(batch.report.id) == batch.passages
    assert loaded.passage_counts() == {x.report.id: len(x.passages) for x in (a, b)}
    wanted = [b.passages[2].id, a.passages[0].id, "no-such-passage", a.passages[3].id]
    assert [p.id for p in loaded.get_passages(wanted)] == [w for w in wanted if w != "no-such-passage"]

    a_only = [n for n in a.nodes if n.id not in {m.id for m in b.nodes}]
    got = loaded.get_nodes([n.id for n in a_only] + ["agency-0000000000000000"])
    assert [n.to_dict() for n in got] == [n.to_dict() for n in a_only]
    assert loaded.get_node("agency-0000000000000000") is None


def test_find_report_by_id_file_path_and_sha(loaded, batches):
    a, _ = all_batches(batches)
    for ref in (a.report.id, a.report.file, f"/somewhere/else/{a.report.file}"):
        found = loaded.find_report(ref)
        assert found is not None and found.id == a.report.id, ref
    assert loaded.find_report("never-ingested.txt") is None
    assert loaded.report_by_sha(a.report.sha256).id == a.report.id
    assert loaded.report_by_sha("0" * 64) is None


def test_shared_entity_merges_evidence_of_both_reports(loaded, batches):
    a, b = all_batches(batches)
    shared = {n.id for n in a.nodes} & {n.id for n in b.nodes}
    assert len(shared) >= 2
    want = expect.node_evidence([a, b])
    for node in loaded.get_nodes(sorted(shared)):
        assert len(node.evidence) == len(set(node.evidence)), "duplicated evidence"
        assert set(node.evidence) == want[node.id]
        assert {ev.report for ev in node.evidence} == {a.report.id, b.report.id}
    # Aliases and English names from either report survive the merge.
    for batch in (a, b):
        for n in batch.nodes:
            if n.id in shared:
                merged = loaded.get_node(n.id)
                assert set(n.aliases) <= set(merged.aliases)
                if n.name_en:
                    assert merged.name_en == n.name_en
    # A relation both reports state is one edge carrying both reports' evidence.
    shared_edges = set(expect.edge_evidence([a])) & set(expect.edge_evidence([b]))
    assert shared_edges
    for key in shared_edges:
        found = [e for e in loaded.edges_of(key[0]) if expect.edge_key(e) == key]
        assert len(found) == 1
        assert set(found[0].evidence) == expect.edge_evidence([a, b])[key]


def test_put_again_replaces_the_report(loaded, batches):
    a, b = all_batches(batches)
    before = {n.id: n.to_dict() for n in loaded.iter_nodes()}
    loaded.put_batch(*report_a())  # the same report again: nothing may double
    assert {n.id: n.to_dict() for n in loaded.iter_nodes()} == before
    assert loaded.stats() == expect.stats([a, b])

    edited, vectors = report_a(drop_exchange=True)
    loaded.put_batch(edited, vectors)
    gone = {n.id for n in a.nodes} - {n.id for n in edited.nodes} - {n.id for n in b.nodes}
    assert gone
    assert loaded.get_nodes(sorted(gone)) == []
    assert not any(e.source in gone or e.target in gone for e in loaded.iter_edges())
    want = expect.node_evidence([edited, b])
    assert {n.id: set(n.evidence) for n in loaded.iter_nodes()} == want
    assert all(len(n.evidence) == len(set(n.evidence)) for n in loaded.iter_nodes())
    assert loaded.stats() == expect.stats([edited, b])


def test_remove_report(loaded, batches):
    a, b = all_batches(batches)
    assert loaded.remove_report(a.report.file) is True
    assert [r.id for r in loaded.reports()] == [b.report.id]
    assert loaded.passages_of(a.report.id) == []
    assert loaded.passage_counts() == {b.report.id: len(b.passages)}
    assert loaded.get_passages([p.id for p in a.passages]) == []
    a_only = {n.id for n in a.nodes} - {n.id for n in b.nodes}
    assert loaded.get_nodes(sorted(a_only)) == []
    want = expect.node_evidence([b])
    assert {n.id: set(n.evidence) for n in loaded.iter_nodes()} == want
    assert {expect.edge_key(e): set(e.evidence) for e in loaded.iter_edges()} == expect.edge_evidence([b])
    assert loaded.stats() == expect.stats([b])
    assert loaded.remove_report(a.report.id) is False
    # Search no longer finds what only report A said.
    vec = batches[0][1].passages[2]
    assert all(pid.startswith(b.report.id) for pid, _ in loaded.vector_search(vec, 10))
    assert loaded.lexical_search("儿童画互展", bigrams("儿童画互展"), 5) == []


def test_stats_count_materialised_nodes_and_edges(loaded, batches):
    assert loaded.stats() == expect.stats(all_batches(batches))


def test_empty_store(store):
    assert store.reports() == []
    assert store.stats()["reports"] == 0 and store.stats()["passages"] == 0
    assert store.find_nodes() == (0, [])
    assert store.vector_search(np.ones(384, dtype=np.float32) / np.sqrt(384), 5) == []
    assert store.lexical_search("外语", ["外语"], 5) == []
    assert store.remove_report("nothing.txt") is False


# -- browsing ------------------------------------------------------------------------------------

def test_find_nodes_filters(loaded, batches):
    a, b = all_batches(batches)
    labels = expect.labels([a, b])
    total, page = loaded.find_nodes(label="Place", limit=100)
    assert total == len(page) == sum(1 for v in labels.values() if v == "Place")
    assert {n.id for n in page} == {i for i, lab in labels.items() if lab == "Place"}

    for ref in (b.report.id, b.report.file):
        total, page = loaded.find_nodes(report=ref, limit=100)
        assert {n.id for n in page} == {n.id for n in b.nodes} and total == len(b.nodes)

    years = {p.id: p.year for p in a.passages + b.passages}
    in_2022 = {n.id for x in (a, b) for n in x.nodes if any(years[ev.passage] == 2022 for ev in n.evidence)}
    total, page = loaded.find_nodes(year=2022, limit=100)
    assert {n.id for n in page} == in_2022 and total == len(in_2022)

    nodes = {n.id: n for n in loaded.iter_nodes()}
    for prefix in ("北京", "区发改", "beijing", "首尔"):
        want = {i for i, n in nodes.items()
                if any(s.casefold().startswith(prefix.casefold()) for s in (n.name, *n.aliases, n.name_en or ""))}
        assert want, prefix
        total, page = loaded.find_nodes(prefix=prefix, limit=100)
        assert {n.id for n in page} == want and total == len(want), prefix

    total, page = loaded.find_nodes(label="Agency", report=a.report.id, limit=100)
    assert {n.id for n in page} == {n.id for n in a.nodes if n.label == "Agency"}

    total, page = loaded.find_nodes(label=["Place", "Agency"], limit=100)
    assert {n.id for n in page} == {i for i, lab in labels.items() if lab in ("Place", "Agency")}

    roles = {p.id: p.role for p in a.passages + b.passages}
    for role in ("plan", "achievement"):
        want = {n.id for x in (a, b) for n in x.nodes if any(roles[ev.passage] == role for ev in n.evidence)}
        assert want, role
        total, page = loaded.find_nodes(role=role, limit=100)
        assert {n.id for n in page} == want and total == len(want), role


def test_edges_among_and_near(loaded, batches):
    a, b = all_batches(batches)
    edges = {e.key: e for x in (a, b) for e in x.edges}
    ids = sorted({x for e in list(edges.values())[:6] for x in (e.source, e.target)})
    among = loaded.edges_among(ids)
    assert {e.key for e in among} == {k for k, e in edges.items() if e.source in ids and e.target in ids}
    only_a = loaded.edges_among(ids, a.report.id)
    assert only_a and all(any(ev.report == a.report.id for ev in e.evidence) for e in only_a)

    near = loaded.edges_near(ids, reports=[b.report.id])
    for nid, lst in near.items():
        assert all(nid in (e.source, e.target) and any(ev.report == b.report.id for ev in e.evidence) for e in lst)
    degree = {i: len(loaded.edges_of(i)) for i in ids}
    capped = loaded.edges_near(ids, max_degree=min(degree.values()))
    assert set(capped) <= {i for i, d in degree.items() if d <= min(degree.values())}


def test_find_nodes_pagination(loaded, batches):
    total, everything = loaded.find_nodes(limit=1000)
    assert total == len(expect.labels(all_batches(batches))) == len(everything)
    pages = []
    for offset in range(0, total, 3):
        t, page = loaded.find_nodes(offset=offset, limit=3)
        assert t == total and len(page) == min(3, total - offset)
        pages += page
    assert [n.id for n in pages] == [n.id for n in everything]
    assert loaded.find_nodes(offset=total, limit=3) == (total, [])


def test_edges_of(loaded, batches):
    a, b = all_batches(batches)
    want = expect.edge_evidence([a, b])
    for n in a.nodes + b.nodes:
        got = {expect.edge_key(e): set(e.evidence) for e in loaded.edges_of(n.id)}
        assert got == {k: v for k, v in want.items() if n.id in (k[0], k[2])}, n.name
    # Symmetric relations come back once, in id order, whichever way the report wrote them.
    for e in loaded.iter_edges():
        if e.type in ("COOPERATED_WITH", "PARTNER_OF"):
            assert e.source <= e.target
    assert loaded.edges_of("agency-0000000000000000") == []


def test_iterators_and_mentions(loaded, batches):
    a, b = all_batches(batches)
    assert {n.id for n in loaded.iter_nodes()} == set(expect.labels([a, b]))
    assert {expect.edge_key(e) for e in loaded.iter_edges()} == set(expect.edge_evidence([a, b]))
    assert sorted(p.id for p in loaded.iter_passages()) == sorted(p.id for p in a.passages + b.passages)
    want = expect.mentions([a, b])
    ids = [p.id for p in a.passages + b.passages] + ["no-such-passage"]
    got = loaded.nodes_in_passages(ids)
    assert set(got) == set(ids)
    assert {pid: set(v) for pid, v in got.items()} == {pid: want.get(pid, set()) for pid in ids}


# -- search --------------------------------------------------------------------------------------

def test_vector_search_finds_the_queried_passage(loaded, batches):
    for batch, vectors in batches:
        for i, p in enumerate(batch.passages):
            hits = loaded.vector_search(vectors.passages[i], 3)
            assert hits[0][0] == p.id
            assert hits[0][1] == pytest.approx(1.0, abs=1e-3)
            assert len(hits) == 3 and hits[0][1] >= hits[1][1] >= hits[2][1]


@pytest.mark.parametrize("filters", [
    Filters(report="xicheng-waiban-2022.txt"),
    Filters(year=2022),
    Filters(role="plan"),
    Filters(author="西城区"),
    Filters(label="Event"),
    Filters(label="Place", year=2021),
])
def test_vector_search_respects_filters(loaded, batches, filters):
    index = expect.passage_index(all_batches(batches))
    ment = expect.mentions(all_batches(batches))
    labels = expect.labels(all_batches(batches))

    def allowed(pid: str) -> bool:
        p, rep = index[pid]
        return ((not filters.report or filters.report in (rep.id, rep.file))
                and (filters.year is None or p.year == filters.year)
                and (not filters.role or p.role == filters.role)
                and (not filters.author or filters.author in (rep.author or ""))
                and (not filters.label or any(labels[n] == filters.label for n in ment.get(pid, ()))))

    ok = {pid for pid in index if allowed(pid)}
    assert ok and len(ok) < len(index)
    for batch, vectors in batches:
        for i, p in enumerate(batch.passages):
            hits = loaded.vector_search(vectors.passages[i], 4, filters)
            assert {pid for pid, _ in hits} <= ok
            assert len(hits) == min(4, len(ok))
            if p.id in ok:
                assert hits[0][0] == p.id


def middle_word(text: str) -> str:
    """Four Chinese characters from the middle of a text: a stretch any store must find it by."""
    runs = re.findall(r"[\u4e00-\u9fff]{4,}", text)
    run = max(runs, key=len)
    mid = len(run) // 2
    return run[mid - 2: mid + 2]


def test_lexical_search_finds_chinese_words(loaded, batches):
    a, b = all_batches(batches)
    for batch in (a, b):
        for p in batch.passages:
            word = middle_word(p.text)
            hits = loaded.lexical_search(word, bigrams(word), 3)
            assert p.id in [pid for pid, _ in hits], word
            assert all(s > 0 for _, s in hits)
    hits = loaded.lexical_search("儿童画互展", bigrams("儿童画互展"), 5)
    assert hits[0][0] == a.passages[2].id
    assert loaded.lexical_search("量子引力", bigrams("量子引力"), 5) == []


def test_lexical_search_respects_filters(loaded, batches):
    a, b = all_batches(batches)
    word = "外语标识"
    both = {pid for pid, _ in loaded.lexical_search(word, bigrams(word), 10)}
    assert both & {p.id for p in a.passages} and both & {p.id for p in b.passages}
    only_a = loaded.lexical_search(word, bigrams(word), 10, Filters(report=a.report.id))
    assert only_a and {pid for pid, _ in only_a} <= {p.id for p in a.passages}
    achieved = loaded.lexical_search(word, bigrams(word), 10, Filters(role="achievement", year=2022))
    assert {pid for pid, _ in achieved} == {p.id for p in b.passages
                                            if p.id in both and p.role == "achievement" and p.year == 2022}


def test_entity_vector_search(loaded, batches):
    a, b = all_batches(batches)
    shared = {n.id for n in a.nodes} & {n.id for n in b.nodes}
    labels = expect.labels([a, b])
    for _, vectors in batches:
        for i, nid in enumerate(vectors.entity_ids):
            if nid in shared:
                continue  # two reports gave it two vectors; which one wins is the store's rule
            hits = loaded.entity_vector_search(vectors.entities[i], 3)
            assert hits[0][0] == nid and hits[0][1] == pytest.approx(1.0, abs=1e-3)
            places = loaded.entity_vector_search(vectors.entities[i], 3, label="Place")
            assert places and all(labels[h] == "Place" for h, _ in places)
            assert len(places) == min(3, sum(1 for v in labels.values() if v == "Place"))


def test_model_is_recorded(loaded, batches):
    assert loaded.model == batches[0][1].model


def test_entity_passages_in_reading_order_without_widely_named_entities(loaded, batches):
    a, b = all_batches(batches)
    nodes = {n.id: n for n in loaded.iter_nodes()}
    index = {p.id: (p.report, p.index) for p in a.passages + b.passages}
    wanted = {i: sorted({ev.passage for ev in n.evidence}, key=index.get) for i, n in nodes.items()}
    widest = max(len(v) for v in wanted.values())
    assert widest > 1
    got = loaded.entity_passages(sorted(nodes) + ["entity-unknown"], widest - 1)
    assert got == {i: v for i, v in wanted.items() if len(v) <= widest - 1}


def test_entity_vector_passages_is_the_search_then_the_passages(loaded, batches):
    """The one-call form (Neo4j folds it into one round trip) answers as the two calls do."""
    _, vectors = batches[0]
    nodes = {n.id: n for n in loaded.iter_nodes()}
    widest = max(len({ev.passage for ev in n.evidence}) for n in nodes.values())
    for i in range(min(4, len(vectors.entity_ids))):
        near = loaded.entity_vector_search(vectors.entities[i], 5)
        assert near
        of = loaded.entity_passages([nid for nid, _ in near], widest - 1)
        got_near, got_of = loaded.entity_vector_passages(vectors.entities[i], 5, widest - 1)
        assert [nid for nid, _ in got_near] == [nid for nid, _ in near]
        assert [s for _, s in got_near] == pytest.approx([s for _, s in near], abs=1e-6)
        assert got_of == of
