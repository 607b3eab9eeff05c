"""Four `govgraph ingest` processes into one Neo4j at once, their reports naming the same hub
entities (深圳市, 国务院, district governments): the graph equals a serial ingest of the same
reports, item for item (no twin entity, no lost contribution). Issue 14."""
from __future__ import annotations

import json
import subprocess
import time

import pytest

from govgraph.api.ingest_service import ingest_paths
from govgraph.graph.export import collect
from govgraph.graph.store.neo4j_store import Neo4jStore
from tests.neo4j_util import wipe
from tests.reliability.helpers import GOVGRAPH, assert_no_stack_trace, record_figures
from tests.reliability.writers import small_reports

pytestmark = pytest.mark.neo4j

WRITERS = 4
FILES_PER_WRITER = 2


def _graph(uri: str) -> tuple[dict, list, list]:
    store = Neo4jStore(uri)
    try:
        rec = collect(store)
        return store.stats(), rec.nodes, rec.edges
    finally:
        store.close()


def test_concurrent_writers_sharing_hub_entities_equal_a_serial_ingest(neo4j_uri, tmp_path):
    files = small_reports(tmp_path / "reports", WRITERS * FILES_PER_WRITER)
    wipe(neo4j_uri)
    store = Neo4jStore(neo4j_uri)
    t0 = time.monotonic()
    assert ingest_paths(store, files).ok
    serial_seconds = time.monotonic() - t0
    store.close()
    serial = _graph(neo4j_uri)
    hubs = [n["name"] for n in serial[1] if len({e["report"] for e in n["evidence"]}) >= WRITERS]
    assert len(hubs) >= 3, f"the reports share too few entities to test contention: {hubs}"

    wipe(neo4j_uri)
    t0 = time.monotonic()
    procs = [subprocess.Popen([str(GOVGRAPH), "ingest", *map(str, files[w::WRITERS]), "--neo4j", neo4j_uri,
                               "--no-embed", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for w in range(WRITERS)]
    added = set()
    for p in procs:
        out, errs = p.communicate(timeout=600)
        assert p.returncode == 0, errs
        assert_no_stack_trace(errs)
        added |= {f["file"] for f in json.loads(out)["files"] if f["status"] == "added"}
    concurrent_seconds = time.monotonic() - t0
    assert added == {f.name for f in files}

    stats, nodes, edges = _graph(neo4j_uri)
    assert stats == serial[0]
    assert [n["id"] for n in nodes] == [n["id"] for n in serial[1]]
    assert nodes == serial[1], "an entity lost or doubled a contribution under concurrent writes"
    assert edges == serial[2], "a relation lost or doubled a contribution under concurrent writes"
    record_figures("neo4j_concurrent_writers", {
        "writers": WRITERS, "reports": len(files), "shared_hub_entities": len(hubs),
        "serial_seconds": round(serial_seconds, 1), "concurrent_seconds_with_process_start": round(concurrent_seconds, 1),
        "entities": len(serial[1]), "equal_to_serial": True})
