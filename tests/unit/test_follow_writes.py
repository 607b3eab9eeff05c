"""A long-lived reader (the server's AppContext with follow_writes) serves another process's write
without a whole garbage collection when the old store built no graph: that collection walks
everything warm() froze, holding the GIL (7-9 s of stalled requests at load ~30)."""
from __future__ import annotations

import gc
import time

from govgraph.api.context import AppContext, Settings
from govgraph.graph.store.embedded import EmbeddedStore
from tests.contract.batches import report_a, report_b


def _serve_until(ctx: AppContext, version: int) -> None:
    deadline = time.monotonic() + 60
    while ctx.generation != version:
        assert time.monotonic() < deadline, f"still serving {ctx.generation}, want {version}"
        time.sleep(0.05)


def test_a_reload_collects_only_when_the_old_store_holds_a_graph(tmp_path, monkeypatch):
    writer = EmbeddedStore(tmp_path)
    writer.put_batch(*report_a())
    writer.flush()
    ctx = AppContext(Settings(store=str(tmp_path), follow_writes=True))
    assert ctx.generation == 1
    collections = []
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *a: collections.append(a) or real(*a))

    writer.put_batch(*report_b())
    _serve_until(ctx, 2)
    assert {r.id for r in ctx.store.reports()} == {report_a()[0].report.id, report_b()[0].report.id}
    assert collections == [], "a whole collection for a store with nothing cyclic to free"

    ctx.store.networkx_graph()          # now the served store holds a graph (frozen cycles)
    assert ctx.store.holds_graph
    collections.clear()                 # building it collected once on its own (embedded.py)
    writer.remove_report(report_a()[0].report.id)
    _serve_until(ctx, 3)
    assert collections, "the old store's graph was never handed back to the collector"
