"""`govgraph neo4j-migrate` rewrites a database of the old data model (per-entity report lists and
JSON contributions) in the current one, keeping every report, entity, relation, evidence and vector."""
from __future__ import annotations

import json
import subprocess

import pytest
from neo4j import GraphDatabase

from govgraph.graph.store.embedded import EmbeddedStore
from govgraph.graph.store.neo4j_codec import merge_batch_edges, merge_batch_nodes, report_props
from govgraph.graph.store.neo4j_store import Neo4jStore
from tests.conftest import ROOT
from tests.contract.batches import report_a, report_b
from tests.contract.conftest import open_neo4j
from tests.contract.test_stores_agree import snapshot

pytestmark = pytest.mark.neo4j


def _json(d) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def write_old_model(uri: str, loaded) -> None:
    """What data model 1 wrote for these batches: lists `reports`/`contrib` on entities and relations."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = {}
    with GraphDatabase.driver(uri, auth=None) as d, d.session() as s:
        for batch, vectors in loaded:
            rid = batch.report.id
            s.run("CREATE (r:Report) SET r = $props", props={**report_props(batch.report), "touched": []}).consume()
            s.run("MATCH (r:Report {id: $rid}) UNWIND $rows AS row CREATE (p:Passage) SET p = row "
                  "CREATE (r)-[:HAS_PASSAGE]->(p)", rid=rid,
                  rows=[{**{k: v for k, v in p.to_dict().items() if v is not None},
                         "embedding": vectors.passages[i].tolist()} for i, p in enumerate(batch.passages)]).consume()
            for n in merge_batch_nodes(batch.nodes):
                x = nodes.setdefault(n.id, {"id": n.id, "label": n.label, "name": n.name, "reports": [], "contrib": []})
                x["reports"].append(rid)
                x["contrib"].append(_json({"name": n.name, "aliases": n.aliases, "name_en": n.name_en,
                                           "props": n.props, "evidence": [e.to_dict() for e in n.evidence]}))
            for e in merge_batch_edges(batch.edges):
                x = edges.setdefault(e.key, {"s": e.source, "t": e.target, "type": e.type, "reports": [], "contrib": []})
                x["reports"].append(rid)
                x["contrib"].append(_json({"props": e.props, "evidence": [v.to_dict() for v in e.evidence]}))
        for n in nodes.values():
            s.run(f"CREATE (n:Entity:`{n['label']}`) SET n = $n", n=n).consume()
        for e in edges.values():
            s.run(f"MATCH (a:Entity {{id: $s}}), (b:Entity {{id: $t}}) CREATE (a)-[r:`{e['type']}`]->(b) "
                  "SET r.reports = $reports, r.contrib = $contrib", **{k: e[k] for k in ("s", "t", "reports", "contrib")}).consume()
        # MENTIONED_IN links and the meta node as model 1 left them (no data_model stamp).
        for batch, vectors in loaded:
            for n in merge_batch_nodes(batch.nodes):
                for pid in dict.fromkeys(e.passage for e in n.evidence):
                    s.run("MATCH (n:Entity {id: $n}), (p:Passage {id: $p}) CREATE (n)-[:MENTIONED_IN]->(p)",
                          n=n.id, p=pid).consume()
        s.run("MERGE (m:GovgraphMeta {id: 'store'}) SET m.model = $model, m.dim = $dim, m.writes = 2",
              model=loaded[0][1].model, dim=int(loaded[0][1].passages.shape[1])).consume()


def test_migrate_rewrites_the_old_model_with_nothing_lost(neo4j_uri, tmp_path):
    loaded = [report_a(), report_b()]
    open_neo4j(neo4j_uri).close()  # empty database
    write_old_model(neo4j_uri, loaded)
    with pytest.raises(Exception, match="neo4j-migrate"):
        Neo4jStore(neo4j_uri)
    backup = tmp_path / "backup.jsonl"
    done = subprocess.run([str(ROOT / ".venv/bin/govgraph"), "neo4j-migrate", "--neo4j", neo4j_uri,
                           "--backup", str(backup), "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"migrated": 2, "backup": str(backup)}
    assert backup.stat().st_size > 0
    emb = EmbeddedStore(tmp_path / "emb")
    neo = Neo4jStore(neo4j_uri)
    try:
        for batch, vectors in loaded:
            emb.put_batch(batch, vectors)
        assert snapshot(neo) == snapshot(emb)
        v = loaded[0][1].passages[0]
        assert [h[0] for h in neo.vector_search(v, 3)] == [h[0] for h in emb.vector_search(v, 3)]
        # Run again: nothing left to migrate.
        again = subprocess.run([str(ROOT / ".venv/bin/govgraph"), "neo4j-migrate", "--neo4j", neo4j_uri, "--json"],
                               capture_output=True, text=True, timeout=120)
        assert again.returncode == 0 and json.loads(again.stdout)["migrated"] == 0
    finally:
        neo.close()
        emb.close()


def test_migrate_gives_entities_written_before_the_fields_views_read(neo4j_uri):
    """A current-model database written before the shown_* fields existed (docs/neo4j.md): its
    briefs are merged from the MENTIONS until `neo4j-migrate` fills the fields, and equal after."""
    store = open_neo4j(neo4j_uri)
    try:
        for batch, vectors in (report_a(), report_b()):
            store.put_batch(batch, vectors)
        ids = sorted(n.id for n in store.iter_nodes())
        want = store.get_briefs(ids)
        store._call(lambda tx: tx.run("MATCH (n:Entity) REMOVE n.shown_aliases, n.shown_alias_order, "
                                      "n.shown_prop_keys, n.shown_prop_order, n.shown_prop_values").consume(),
                    write=True)
        assert store.get_briefs(ids) == want  # read from the MENTIONS meanwhile
        done = subprocess.run([str(ROOT / ".venv/bin/govgraph"), "neo4j-migrate", "--neo4j", neo4j_uri, "--json"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {"migrated": 0, "backup": None, "filled": len(ids), "degrees": 0}
        left = store._read("MATCH (n:Entity) WHERE n.shown_alias_order IS NULL RETURN count(n) AS n")[0]["n"]
        assert left == 0 and store.get_briefs(ids) == want
    finally:
        store.close()
