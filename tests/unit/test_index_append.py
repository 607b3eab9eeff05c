"""A flush after added reports extends the older index generation (graph/store/index_append.py)
instead of merging every segment again, and a reader cannot tell: every answer equals a full
build's, whatever order the reports were written in."""
from __future__ import annotations

import logging

from govgraph.graph.store.embedded import EmbeddedStore
from tests.contract.batches import report_a, report_b
from tests.unit.store_dump import dump

QUERIES = [["外语"], ["外事", "办公室"], ["国际", "交流", "外语"]]


def _full(path, batches) -> EmbeddedStore:
    store = EmbeddedStore(path)
    for b, v in batches:
        store.put_batch(b, v)
    store.flush()
    return EmbeddedStore(path)


def test_an_added_report_extends_the_index_and_answers_as_a_full_build(tmp_path, caplog):
    for order in ((report_a(), report_b()), (report_b(), report_a())):   # ids sort both ways
        name = order[0][0].report.id
        store = EmbeddedStore(tmp_path / f"ext-{name}")
        store.put_batch(*order[0])
        store.flush()
        store.put_batch(*order[1])
        with caplog.at_level(logging.INFO, logger="govgraph.graph.store.embedded"):
            store.flush()
        assert "extended with 1 reports" in caplog.text, caplog.text
        caplog.clear()
        full = _full(tmp_path / f"full-{name}", order)
        assert dump(EmbeddedStore(tmp_path / f"ext-{name}"), QUERIES) == dump(full, QUERIES)


def test_a_replaced_report_builds_the_index_whole(tmp_path, caplog):
    store = EmbeddedStore(tmp_path / "s")
    store.put_batch(*report_a())
    store.put_batch(*report_b())
    store.flush()
    store.put_batch(*report_a(drop_exchange=True))
    with caplog.at_level(logging.INFO, logger="govgraph.graph.store.embedded"):
        store.flush()
    assert "built whole: a report was replaced or removed" in caplog.text
    full = _full(tmp_path / "full", [report_a(drop_exchange=True), report_b()])
    assert dump(EmbeddedStore(tmp_path / "s"), QUERIES) == dump(full, QUERIES)


def test_a_generation_superseded_while_it_is_read_gets_no_index_folder(tmp_path):
    """A reader still at version 1 builds its index after another process removed a report and
    collected its segment: it moves on to version 2 and serves that, and no index-1 folder holds
    version 2's reports (a later flush would have extended it with them a second time)."""
    (a, va), (b, vb) = report_a(), report_b()
    writer = EmbeddedStore(tmp_path)
    writer.put_batch(a, va)
    reader = EmbeddedStore(tmp_path)            # version 1, index not built yet
    writer.put_batch(b, vb)
    writer.remove_report(a.report.id)           # a's segment is deleted
    assert reader.stats()["reports"] == 1
    assert reader.version == 3 and {r.id for r in reader.reports()} == {b.report.id}
    assert not (tmp_path / "index-1").exists()
