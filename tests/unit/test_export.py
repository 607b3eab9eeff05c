"""Exports of a real embedded store filled with hand-built report batches."""
from __future__ import annotations

import io
import json
import re
from collections import Counter

import networkx as nx
import pytest

from tests.unit.admin_csv import read_file
from govgraph.graph.export import FORMATS, export
from govgraph.graph.export.cypher import cypher_string, iter_statements
from govgraph.graph.export.neo4j_csv import export_neo4j_csv
from govgraph.ingest.batch import LABELS, REL_TYPES
from tests.unit.sample_graph import TRICKY_NAME, filled_store, sample_batches

NODE_KEYS = {"kind", "id", "label", "name", "aliases", "name_en", "props", "evidence"}
EDGE_KEYS = {"kind", "source", "target", "type", "props", "evidence"}
EVIDENCE_KEYS = {"report", "file", "passage", "start", "end", "text"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return filled_store(tmp_path_factory.mktemp("export"))


@pytest.fixture(scope="module")
def texts():
    return {b.report.id: b.text for b in sample_batches()}


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


# -- jsonl -----------------------------------------------------------------------------------

def test_jsonl_counts_equal_stats_and_keys_are_as_designed(store, texts):
    buf = io.StringIO()
    summary = export(store, "jsonl", buf)
    recs = read_jsonl(buf.getvalue())
    nodes = [r for r in recs if r["kind"] == "node"]
    edges = [r for r in recs if r["kind"] == "edge"]
    stats = store.stats()
    assert dict(Counter(n["label"] for n in nodes)) == stats["nodes"]
    assert dict(Counter(e["type"] for e in edges)) == stats["edges"]
    assert summary == {"nodes": len(nodes), "edges": len(edges)}
    ids = {n["id"] for n in nodes}
    assert len(ids) == len(nodes)
    for n in nodes:
        assert set(n) == NODE_KEYS and isinstance(n["aliases"], list) and isinstance(n["props"], dict)
    for e in edges:
        assert set(e) == EDGE_KEYS
        assert e["source"] in ids and e["target"] in ids
    # Everything but the Report nodes carries evidence, and evidence quotes the report exactly.
    for r in recs:
        if r.get("label") == "Report":
            continue
        assert r["evidence"], r
        for ev in r["evidence"]:
            assert set(ev) == EVIDENCE_KEYS
            assert texts[ev["report"]][ev["start"]:ev["end"]] == ev["text"]


def test_jsonl_to_a_path_matches_the_stream_and_keeps_tricky_names(store, tmp_path):
    out = tmp_path / "deeper" / "graph.jsonl"
    export(store, "jsonl", out)
    buf = io.StringIO()
    export(store, "jsonl", buf)
    assert out.read_text("utf-8") == buf.getvalue()
    names = {r["name"] for r in read_jsonl(buf.getvalue()) if r["kind"] == "node"}
    assert TRICKY_NAME in names
    bio = io.BytesIO()
    export(store, "jsonl", bio)
    assert bio.getvalue().decode("utf-8") == buf.getvalue()


def test_materialised_edges_are_those_the_evidence_implies(store):
    recs = read_jsonl(_export_text(store, "jsonl"))
    nodes = {r["id"]: r for r in recs if r["kind"] == "node"}
    by_type = {}
    for r in recs:
        if r["kind"] == "edge":
            by_type.setdefault(r["type"], []).append(r)
    for e in by_type["MENTIONED_IN"]:
        assert nodes[e["target"]]["label"] == "Passage"
        assert all(ev["passage"] == e["target"] for ev in e["evidence"])
    for e in by_type["HAS_PASSAGE"]:
        assert nodes[e["source"]]["label"] == "Report" and nodes[e["target"]]["props"]["report"] == e["source"]
    for e in by_type["CITES"]:
        assert nodes[e["source"]]["label"] == "Report" and nodes[e["target"]]["label"] == "Policy"
    for e in by_type["AUTHORED"]:
        assert nodes[e["source"]]["label"] == "Agency" and nodes[e["target"]]["label"] == "Report"
    reports = [n for n in nodes.values() if n["label"] == "Report"]
    assert {r["props"]["file"] for r in reports} == {r.file for r in store.reports()}


def _export_text(store, fmt):
    buf = io.StringIO()
    export(store, fmt, buf)
    return buf.getvalue()


# -- graphml ---------------------------------------------------------------------------------

def test_graphml_reads_back_with_networkx(store, tmp_path):
    path = tmp_path / "g.graphml"
    export(store, "graphml", path)
    g = nx.read_graphml(path, force_multigraph=True)
    stats = store.stats()
    assert g.number_of_nodes() == sum(stats["nodes"].values())
    assert g.number_of_edges() == sum(stats["edges"].values())
    assert dict(Counter(d["label"] for _, d in g.nodes(data=True))) == stats["nodes"]
    assert dict(Counter(d["type"] for *_, d in g.edges(data=True))) == stats["edges"]
    names = {d["name"] for _, d in g.nodes(data=True)}
    assert TRICKY_NAME in names
    tricky = next(d for _, d in g.nodes(data=True) if d["name"] == TRICKY_NAME)
    assert json.loads(tricky["aliases"]) == ["a;b", "协会"]
    assert json.loads(tricky["props"])["meta"] == {"k": [1, "x"]}
    assert all(json.loads(d["evidence"]) for *_, d in g.edges(data=True))
    # The same document through a text stream.
    assert nx.parse_graphml(_export_text(store, "graphml"), force_multigraph=True).number_of_edges() == \
        g.number_of_edges()


# -- neo4j-admin CSV -------------------------------------------------------------------------

def test_csv_headers_follow_neo4j_admin_rules(store, tmp_path):
    res = export_neo4j_csv(store, tmp_path / "csv")
    stats = store.stats()
    # An alias holds ';', so another delimiter is chosen and written into the command.
    assert res.array_delimiter != ";"
    script = (tmp_path / "csv" / "import.sh").read_text("utf-8")
    assert "neo4j-admin database import full" in script
    assert f"--array-delimiter={res.array_delimiter}" in script.replace("'", "")
    assert set(res.node_files) == set(stats["nodes"]) and set(res.relationship_files) == set(stats["edges"])

    ids = set()
    for label, path in res.node_files.items():
        assert path.name in script
        cols, rows = read_file(path, res.array_delimiter)
        header = [c.type if not c.name else f"{c.name}:{c.type}" for c in cols]
        assert header[:2] == ["id:ID", "LABEL"]
        assert len(rows) == stats["nodes"][label]
        assert all(r.labels == [label] and r.props["id"] == r.id for r in rows)
        ids.update(r.id for r in rows)
        first_line = path.read_text("utf-8").splitlines()[0].split(",")
        if label in ("Agency", "Organization"):
            assert "aliases:string[]" in first_line
        if label == "Event":
            assert "year:int" in first_line
        if label == "Passage":
            assert {"start:int", "end:int", "index:int", "text"} <= set(first_line)
        if label == "Organization":
            (t,) = [r for r in rows if r.props["name"] == TRICKY_NAME]
            assert t.props["aliases"] == ["a;b", "协会"]
            assert t.props["tags"] == ["x", "y"] and t.props["score"] == 1.5
            assert json.loads(t.props["meta"]) == {"k": [1, "x"]}
    for type_, path in res.relationship_files.items():
        assert path.name in script
        cols, rows = read_file(path, res.array_delimiter)
        assert [c.type for c in cols[:3]] == ["START_ID", "END_ID", "TYPE"]
        assert len(rows) == stats["edges"][type_]
        for r in rows:
            assert r.type == type_ and r.start in ids and r.end in ids
            assert json.loads(r.props["evidence"])
    partner = read_file(res.relationship_files["PARTNER_OF"], res.array_delimiter)[1]
    assert any(r.props.get("since") == 1991 for r in partner)


def test_csv_needs_a_folder(store, tmp_path):
    with pytest.raises(ValueError, match="folder"):
        export(store, "csv", io.StringIO())
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(ValueError, match="folder"):
        export(store, "csv", f)


# -- Cypher ----------------------------------------------------------------------------------

_UNESCAPE = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def read_cypher_string(lit: str) -> str:
    """Decode a single-quoted Cypher literal by the escape rules of the Cypher manual."""
    assert lit[0] == lit[-1] == "'"
    out, i, body = [], 0, lit[1:-1]
    while i < len(body):
        c = body[i]
        if c == "'":
            raise AssertionError(f"unescaped quote in {lit!r}")
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1]
        if nxt == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        else:
            out.append(_UNESCAPE[nxt])
            i += 2
    return "".join(out)


@pytest.mark.parametrize("s", [
    "plain", "O'Brien", 'say "hi"', "back\\slash", "\\'", "two\nlines\r\n", "tab\there",
    "东城区人民政府外事办公室（区政府外办）", "sep\u2028x\u0000y\x7f\ud800z", TRICKY_NAME, "",
])
def test_cypher_strings_escape_and_read_back(s):
    lit = cypher_string(s)
    assert "\n" not in lit and "\r" not in lit and len(lit.splitlines()) == 1
    assert read_cypher_string(lit) == s
    if s == "O'Brien":
        assert lit == "'O\\'Brien'"
    if s == "back\\slash":
        assert lit == "'back\\\\slash'"
    if s.startswith("东城区"):
        assert lit == f"'{s}'"      # Chinese goes as it is


def _literal_at(stmt: str, i: int) -> tuple[str, int]:
    """The single-quoted literal starting at stmt[i], decoded, and the index after it."""
    j = i + 1
    while stmt[j] != "'":
        j += 2 if stmt[j] == "\\" else 1
    return read_cypher_string(stmt[i:j + 1]), j + 1


def cypher_rows(stmt: str) -> list:
    """Rows of one UNWIND statement: packed lines split into fields, or literal map ids."""
    if stmt.startswith("UNWIND split('"):
        packed, _ = _literal_at(stmt, len("UNWIND split("))
        return [line.split("\x1f") for line in packed.split("\x1e")]
    return re.findall(r"[{]id: '|[{]s: '", stmt)


def test_cypher_script_is_one_statement_a_line_constraints_first(store):
    text = _export_text(store, "cypher")
    stmts = list(iter_statements(text.splitlines()))
    assert len(stmts) == sum(1 for line in text.splitlines() if line.strip() and not line.startswith("//"))
    kinds = ["constraint" if s.startswith("CREATE CONSTRAINT") else
             "node" if " MERGE (n:" in s else "edge" for s in stmts]
    assert kinds == sorted(kinds, key=["constraint", "node", "edge"].index)
    stats = store.stats()
    assert kinds.count("constraint") == len(stats["nodes"])
    node_rows, edge_rows = Counter(), Counter()
    ids = set()
    for s in stmts:
        if not s.startswith("UNWIND"):
            continue
        rows = cypher_rows(s)
        if " MERGE (n:" in s:
            node_rows[re.search(r"MERGE \(n:(\w+)", s).group(1)] += len(rows)
            ids.update(r[0] for r in rows if isinstance(r, list))
        else:
            edge_rows[re.search(r"\[r:(\w+)\]", s).group(1)] += len(rows)
    assert dict(node_rows) == stats["nodes"]
    assert dict(edge_rows) == stats["edges"]
    assert {n.id for n in store.iter_nodes()} - ids == {nid_tricky(store)}


def nid_tricky(store) -> str:
    """The one entity with a separator character in a property: sent as a literal map."""
    return next(n.id for n in store.iter_nodes() if n.name == TRICKY_NAME)


def test_cypher_packed_fields_keep_types_and_nulls(store):
    stmts = list(iter_statements(_export_text(store, "cypher").splitlines()))
    (partner,) = [s for s in stmts if "[r:PARTNER_OF]" in s]
    rows = cypher_rows(partner)
    assert sorted(r[3] for r in rows) == ["\x1c", "1991"]      # since: one null, one stated
    assert "r.since = CASE f[3] WHEN '\\u001c' THEN null ELSE toInteger(f[3]) END" in partner
    (odd,) = [s for s in stmts if s.startswith("UNWIND [") and "MERGE (n:Organization" in s]
    assert cypher_string(TRICKY_NAME) in odd and "ctl: 'unit\\u001fseparator'" in odd


def test_export_rejects_unknown_formats(store):
    assert set(FORMATS) == {"jsonl", "graphml", "csv", "cypher"}
    with pytest.raises(ValueError, match="'xml'.*jsonl"):
        export(store, "xml", io.StringIO())


def test_schema_names_are_plain_identifiers():
    # The Cypher script writes labels and types bare; the schema must keep them so.
    assert all(re.fullmatch(r"[A-Za-z_]\w*", x) for x in (*LABELS, *REL_TYPES))
