"""The light reads views use (issue 18): entities without evidence (`get_briefs`, `find_briefs`)
and relations with only the evidence a view shows (`edges_among(..., max_evidence=k)`). Each must
equal the full read cut down, on every store."""
from __future__ import annotations

from dataclasses import replace

import pytest

from govgraph.graph.store.base import first_evidence

from .batches import report_a


def full_view(store, n):
    """What a brief must hold, from the full node: its fields and its degree (a loop twice)."""
    degree = sum(2 if e.source == e.target else 1 for e in store.edges_of(n.id))
    return (n.id, n.label, n.name, n.aliases, n.name_en, n.props, degree)


def brief_view(b):
    return (b.id, b.label, b.name, b.aliases, b.name_en, b.props, b.degree)


def test_briefs_are_the_full_nodes_without_evidence(loaded, batches):
    ids = sorted({n.id for b, _ in batches for n in b.nodes})
    wanted = [ids[3], "agency-0000000000000000", *ids[:3], ids[3]]
    full = loaded.get_nodes([i for i in wanted if i != "agency-0000000000000000"])
    briefs = loaded.get_briefs(wanted)
    assert [b.id for b in briefs] == [i for i in wanted if i != "agency-0000000000000000"]
    everything = loaded.get_nodes(ids)
    assert [brief_view(b) for b in loaded.get_briefs(ids)] == [full_view(loaded, n) for n in everything]
    assert [brief_view(b) for b in briefs] == [full_view(loaded, n) for n in full]
    # Entities both reports name merge their aliases and props as the full read does.
    shared = [n for n in everything if len({ev.report for ev in n.evidence}) == 2]
    assert shared and all(not hasattr(b, "evidence") for b in loaded.get_briefs([n.id for n in shared]))
    assert loaded.get_briefs([]) == []


@pytest.mark.parametrize("kwargs", [{}, {"label": "Place"}, {"label": ["Agency", "Policy"]}, {"year": 2022},
                                    {"prefix": "东城"}, {"role": "plan"}, {"offset": 2, "limit": 3}, {"offset": 1000},
                                    {"report": "dongcheng-waiban-2021.txt"}])
def test_find_briefs_pages_as_find_nodes(loaded, kwargs):
    total, nodes = loaded.find_nodes(**kwargs)
    btotal, briefs = loaded.find_briefs(**kwargs)
    assert btotal == total
    assert [brief_view(b) for b in briefs] == [full_view(loaded, n) for n in nodes]


@pytest.mark.parametrize("k", [0, 1, 2, None])
def test_edges_among_with_max_evidence_is_the_first_evidence(loaded, batches, k):
    ids = sorted({n.id for b, _ in batches for n in b.nodes})
    full = loaded.edges_among(ids)
    assert any(len(e.evidence) > 1 for e in full)   # a relation both reports state
    shown = loaded.edges_among(ids, max_evidence=k)
    assert [(e.key, e.props, e.evidence) for e in shown] == \
        [(e.key, e.props, e.evidence) for e in first_evidence(full, k)]
    a = batches[0][0].report.id
    assert [(e.key, e.evidence) for e in loaded.edges_among(ids, a, max_evidence=k)] == \
        [(e.key, e.evidence) for e in first_evidence(loaded.edges_among(ids, a), k)]


def test_max_evidence_skips_a_report_that_gave_a_relation_no_evidence(store):
    """A report stating a relation without a span sorts first: the first k statements then hold
    fewer than k spans, and the store must still show the first k pieces of the merged evidence."""
    batch, vectors = report_a()
    later = replace(batch.report, id="zz-" + batch.report.id, file="zz-" + batch.report.file, sha256="0" * 64)
    store.put_batch(batch, vectors)
    ev = lambda e: [replace(x, report=later.id, file=later.file, passage=x.passage.replace(batch.report.id, later.id))
                    for x in e.evidence]
    second = replace(batch, report=later,
                     passages=[replace(p, id=p.id.replace(batch.report.id, later.id), report=later.id)
                               for p in batch.passages],
                     nodes=[replace(n, evidence=ev(n)) for n in batch.nodes],
                     edges=[replace(e, evidence=ev(e)) for e in batch.edges])
    store.put_batch(second, None)
    first = replace(batch.report, id="aa-" + batch.report.id, file="aa-" + batch.report.file, sha256="1" * 64)
    bare = replace(batch, report=first,
                   passages=[replace(p, id=p.id.replace(batch.report.id, first.id), report=first.id)
                             for p in batch.passages],
                   nodes=[replace(n, evidence=[]) for n in batch.nodes],
                   edges=[replace(e, evidence=[]) for e in batch.edges])
    store.put_batch(bare, None)
    ids = sorted({n.id for n in batch.nodes})
    full = store.edges_among(ids)
    assert all(len(e.evidence) == 2 for e in full)
    for k in (1, 2):
        shown = store.edges_among(ids, max_evidence=k)
        assert [(e.key, e.evidence) for e in shown] == [(e.key, e.evidence[:k]) for e in full]


def test_get_edges_by_key_with_the_evidence_shown(loaded, batches):
    ids = sorted({n.id for b, _ in batches for n in b.nodes})
    full = {(e.type, e.source, e.target): e for e in loaded.edges_among(ids)}
    keys = sorted(full, reverse=True) + [("PARTNER_OF", ids[0], "place-0000000000000000")]
    for k in (1, None):
        got = loaded.get_edges(keys, max_evidence=k)
        want = first_evidence([full[x] for x in keys if x in full], k)
        assert [(e.key, e.props, e.evidence) for e in got] == [(e.key, e.props, e.evidence) for e in want]


def test_relations_of_type_are_keys_without_evidence(loaded, batches):
    partner = sorted((e.type, e.source, e.target) for e in loaded.iter_edges() if e.type == "PARTNER_OF")
    assert len(partner) >= 2 and loaded.relations_of_type("PARTNER_OF") == partner
    with pytest.raises(ValueError):
        loaded.relations_of_type("NO_SUCH_TYPE")


@pytest.mark.parametrize("kwargs", [{}, {"types": ["PARTNER_OF", "ORGANIZED"]}, {"labels": ["Place"]},
                                    {"limit": 2}, {"labels": ["Agency", "Event"], "limit": 1}])
def test_neighbours_are_ordered_by_first_relation_filtered_and_cut(loaded, batches, kwargs):
    ids = sorted({n.id for b, _ in batches for n in b.nodes})
    got = loaded.neighbours_of_many(ids + ["agency-0000000000000000"], **kwargs)
    assert got["agency-0000000000000000"] == []
    label = {n.id: n.label for n in loaded.iter_nodes()}
    for i in ids:
        rels = sorted((e.type, e.source, e.target) for e in loaded.edges_of(i)
                      if "types" not in kwargs or e.type in kwargs["types"])
        want = [o for o in dict.fromkeys(t if s == i else s for _, s, t in rels) if o != i
                and ("labels" not in kwargs or label[o] in kwargs["labels"])]
        assert got[i] == want[:kwargs.get("limit")], i


def _said_again(batch, rid: str, variant: int, repeat: bool = False):
    """`batch` filed again as report `rid`, naming its entities with other aliases and props:
    what a brief merges (aliases in order of first appearance, each prop key's first value)."""
    report = replace(batch.report, id=rid, file=f"{rid}.txt", sha256=f"{variant:064d}")
    ev = lambda xs: [replace(x, report=rid, file=report.file, passage=x.passage.replace(batch.report.id, rid))
                     for x in xs]
    nodes = [replace(n, aliases=[f"别名{variant}", *reversed(n.aliases), f"次名{variant % 2}"]
                     + ([f"别名{variant}"] if repeat else []),
                     props={"variant": variant, **{k: f"{v}-{variant}" for k, v in n.props.items()},
                            f"only{variant}": [variant]},
                     evidence=ev(n.evidence)) for n in batch.nodes]
    return replace(batch, report=report, nodes=nodes, edges=[replace(e, evidence=ev(e.evidence)) for e in batch.edges],
                   passages=[replace(p, id=p.id.replace(batch.report.id, rid), report=rid) for p in batch.passages])


def test_briefs_stay_the_merge_whatever_order_reports_come_and_go(store):
    """The Neo4j store keeps what a brief shows on the entity at write time (neo4j_brief): a report
    that sorts before those already written, a removal and a re-put must leave it equal to the merge."""
    batch, _ = report_a()
    ids = sorted({n.id for n in batch.nodes})

    def check():
        assert [brief_view(b) for b in store.get_briefs(ids)] == [full_view(store, n) for n in store.get_nodes(ids)]
        total, found = store.find_briefs(limit=1000)
        assert [brief_view(b) for b in found] == [full_view(store, n) for n in store.find_nodes(limit=1000)[1]]

    for rid, variant in (("m-report", 1), ("z-report", 2), ("a-report", 3)):
        store.put_batch(_said_again(batch, rid, variant), None)
        check()
    assert any(len(b.aliases) > 3 for b in store.get_briefs(ids))
    if store.kind == "neo4j":  # the briefs above were read from what the entities keep
        assert all(r["kept"] for r in store._read(
            "UNWIND $ids AS i MATCH (n:Entity {id: i}) RETURN n.shown_alias_order IS NOT NULL AS kept", ids=ids))
    store.remove_report("a-report")
    check()
    store.put_batch(_said_again(batch, "z-report", 4), None)
    check()
    store.put_batch(_said_again(batch, "b-report", 5, repeat=True), None)  # an alias named twice
    check()
    store.remove_report("b-report")
    check()
    store.remove_report("m-report")
    store.remove_report("z-report")
    assert store.get_briefs(ids) == []


def test_briefs_are_the_merge_after_grouped_writes_of_new_and_known_entities(store):
    """A bulk writes its reports several to a transaction (neo4j_bulk): an entity the group
    creates takes its shown fields as it is created, one the store held before has the group's
    folded into its own (session 12). Both must equal the merge, whatever the reports' order."""
    batch, _ = report_a()
    ids = sorted({n.id for n in batch.nodes})
    half = set(ids[::2])
    first = _said_again(batch, "m-report", 1)
    first = replace(first, nodes=[n for n in first.nodes if n.id in half],
                    edges=[e for e in first.edges if e.source in half and e.target in half])
    store.put_batch(first, None)

    def check():
        assert [brief_view(b) for b in store.get_briefs(ids)] == [full_view(store, n) for n in store.get_nodes(ids)]

    store.begin_bulk()
    for rid, variant in (("z-report", 2), ("a-report", 3)):
        assert all(r.error is None for r in store.queue_batch(_said_again(batch, rid, variant), None))
    assert all(r.error is None for r in store.settle_queued())
    check()
    assert len(store.get_briefs(ids)) == len(ids) > len(half)
    if store.kind == "neo4j":  # read from what the entities keep, the new ones as the known ones
        assert all(r["kept"] for r in store._read(
            "UNWIND $ids AS i MATCH (n:Entity {id: i}) RETURN n.shown_alias_order IS NOT NULL AS kept", ids=ids))
    for rid, variant, repeat in (("b-report", 5, True), ("c-report", 6, False)):
        assert all(r.error is None for r in store.queue_batch(_said_again(batch, rid, variant, repeat), None))
    store.flush()
    check()
