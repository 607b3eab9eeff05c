"""A new index generation made from an older one plus the reports added since: the flush after an
ingest costs what the new reports cost, not what the whole store does.

A full build merges every segment (106 s at 16x the corpus). Here the older generation's files are
the start: its SQLite records are copied page by page (the backup API, from the open connection,
so a folder another process removes meanwhile still serves) and the new reports' rows are added in
one transaction. Evidence is kept per report (node_parts, edge_parts) and read in report-id order,
so a hub named by every report is not rewritten; its name, aliases and props are merged again from
every report's part in report-id order, so the result is the one a full build gives;
passage columns and vectors are the old arrays followed by the new rows; BM25 gets one more chunk
(bm25_postings.py).

Only additions are extended. A report replaced or removed since, vectors in one and not the other,
or an entity whose label would change raise NotAppendable, and the caller builds the whole index.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import numpy as np

from govgraph.ingest.batch import GraphBatch, Node
from govgraph.ingest.vocabulary import Label, RelType
from .base import Vectors
from .bm25_postings import MAX_CHUNKS, save_postings
from .derived import DerivedIndex, build_derived, node_part
from .disk_index import INDEX_FORMAT, RECORDS, DiskIndex, _dumps, _evidence_rows, _folded_names, write_meta
from .merge import merge_aliases

# Extending copies the old records and arrays whole (sequential, ~1 s a GB) and merges the hubs
# again; past this share of new reports a full build costs about the same.
MAX_NEW_SHARE = 0.5


class NotAppendable(Exception):
    """The change since the older generation is not only added reports: build the whole index."""


def added_reports(old: dict[str, str], now: dict[str, str]) -> list[str]:
    """The reports `now` adds to `old` (segment maps); NotAppendable unless it only adds."""
    if any(now.get(rid) != fname for rid, fname in old.items()):
        raise NotAppendable("a report was replaced or removed")
    new = sorted(set(now) - set(old))
    if not new:
        raise NotAppendable("no reports were added")
    if len(new) > MAX_NEW_SHARE * len(now):
        raise NotAppendable(f"{len(new)} of {len(now)} reports are new")
    return new


def extend_index(prev: DiskIndex, new: dict[str, tuple[GraphBatch, Vectors | None]],
                 segments: dict[str, str], folder: Path) -> None:
    """Write into the empty `folder` the index of `prev`'s reports plus `new` (report id -> segment
    contents); `segments` is the segment map of the result."""
    meta = prev.meta
    if meta.get("format") != INDEX_FORMAT:
        raise NotAppendable("the older index has another format")
    delta = build_derived(new, with_graph=False)
    if meta["vectors"] != (delta.passage_matrix is not None) or (
            meta["entity_vectors"] != (delta.entity_matrix is not None)):
        raise NotAppendable("vectors in the older index and not in the new reports, or the reverse")
    codes = dict(meta["report_codes"])
    for rid in delta.reports:
        codes[rid] = len(codes)
    authors = dict(meta["author_codes"])
    for a in delta.author_codes:
        authors.setdefault(a, len(authors))
    first_row = prev.passage_count
    con = sqlite3.connect(folder / RECORDS)
    try:
        with prev._lock:
            prev._db.backup(con)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;")
        with con:
            _add_passages(con, delta, first_row)
            node_rows = _merge_nodes(con, delta)
            _add_node_lookups(con, delta, node_rows)
            degree = _merge_edges(con, delta)
            con.executemany("UPDATE nodes SET degree = degree + ? WHERE id = ?",
                            ((n, nid) for nid, n in degree.items()))
            entity_changes = _merge_entity_rows(con, delta) if delta.entity_matrix is not None else None
            stats = _stats(con, meta, delta)
    finally:
        con.close()
    label_bits = sorted(set(meta["label_bits"]) | set(delta.p_labels))
    _extend_columns(prev, delta, codes, authors, label_bits, folder / "columns")
    entity_labels = _extend_vectors(prev, delta, entity_changes, folder / "vectors")
    if prev.postings is not None or delta.postings is not None:
        postings = prev.postings.appended(delta.tokens) if prev.postings is not None else delta.postings
        if len(postings.chunks) > MAX_CHUNKS:
            postings = postings.merged()
        save_postings(postings, folder / "bm25", prev.folder / "bm25")
    write_meta(folder, {
        "format": INDEX_FORMAT, "stats": stats, "passages": first_row + len(delta.passage_ids),
        "report_codes": codes, "author_codes": authors, "label_bits": label_bits,
        "entity_labels": entity_labels, "vectors": meta["vectors"], "entity_vectors": meta["entity_vectors"],
        "bm25": bool(meta["bm25"] or delta.postings is not None), "segments": dict(segments),
    })


# -- records -------------------------------------------------------------------------------
def _add_passages(con: sqlite3.Connection, delta: DerivedIndex, first_row: int) -> None:
    con.executemany("INSERT INTO passages VALUES (?,?,?,?)",
                    ((first_row + i, p.id, p.report, _dumps(vars(p)))
                     for i, p in enumerate(delta.passages.values())))
    con.executemany("INSERT INTO mentions VALUES (?,?)",
                    ((pid, nid) for pid, nids in delta.passage_nodes.items() for nid in nids))


def _fold_parts(parts: list[tuple[str, dict]]) -> dict:
    """merge_nodes' rules over every report's part, in report-id order (as a full build reads them)."""
    parts = sorted(parts, key=lambda x: x[0])
    first = parts[0][1]
    out = {"label": first["label"], "name": first["name"], "aliases": list(first["aliases"]),
           "name_en": first["name_en"], "props": dict(first["props"])}
    for _, p in parts[1:]:
        out["aliases"] = merge_aliases(out["name"], out["aliases"], p["aliases"])
        out["name_en"] = out["name_en"] or p["name_en"]
        for k, v in p["props"].items():
            out["props"].setdefault(k, v)
    return out


def _merge_nodes(con: sqlite3.Connection, delta: DerivedIndex) -> dict[str, int]:
    """Each entity the new reports name: inserted, or its name, aliases and props merged again from
    every report's part (its evidence is the parts' own, read in report order); its row."""
    (next_row,) = con.execute("SELECT coalesce(max(row), -1) + 1 FROM nodes").fetchone()
    rows: dict[str, int] = {}
    for nid, n in delta.nodes.items():
        have = con.execute("SELECT row, label, name, data FROM nodes WHERE id=?", (nid,)).fetchone()
        new_parts = delta.node_parts[nid]
        if have is None:
            row, merged, before = next_row, node_part(n), set()
            next_row += 1
            con.execute("INSERT INTO nodes VALUES (?,?,?,?,?,?)", (row, nid, n.label, n.name, 0, _extra(merged)))
        else:
            row, label, extra = have[0], have[1], json.loads(have[3])
            before = _folded_names(Node(nid, label, have[2], extra["aliases"], extra["name_en"]))
            old_parts = [(r, json.loads(t)) for r, t in
                         con.execute("SELECT report, data FROM node_parts WHERE node=?", (row,))]
            merged = _fold_parts(old_parts + [(r, p) for r, p, _ in new_parts])
            if merged["label"] != label:
                raise NotAppendable(f"entity {nid} would change label")
            con.execute("UPDATE nodes SET name=?, data=? WHERE row=?", (merged["name"], _extra(merged), row))
        rows[nid] = row
        after = _folded_names(Node(nid, merged["label"], merged["name"], merged["aliases"], merged["name_en"]))
        con.executemany("DELETE FROM node_names WHERE name=? AND node=?", ((s, row) for s in before - after))
        con.executemany("INSERT INTO node_names VALUES (?,?)", ((row, s) for s in after - before))
        con.executemany("INSERT INTO node_parts VALUES (?,?,?,?)",
                        ((row, r, _dumps(p), _evidence_rows(ev)) for r, p, ev in new_parts))
    return rows


def _extra(merged: dict) -> str:
    return _dumps({"aliases": merged["aliases"], "name_en": merged["name_en"], "props": merged["props"]})


def _add_node_lookups(con: sqlite3.Connection, delta: DerivedIndex, rows: dict[str, int]) -> None:
    """node_reports, and the years and roles not yet listed for each entity (unique indexes)."""
    con.executemany("INSERT INTO node_reports VALUES (?,?)",
                    ((rows[nid], r) for nid, rs in delta.node_reports.items() for r in sorted(rs)))
    con.executemany("INSERT OR IGNORE INTO node_years VALUES (?,?)",
                    ((rows[nid], y) for nid, ys in delta.node_years.items() for y in sorted(ys)))
    con.executemany("INSERT OR IGNORE INTO node_roles VALUES (?,?)",
                    ((rows[nid], r) for nid, n in delta.nodes.items() for r in sorted(_roles(delta, n))))


def _roles(delta: DerivedIndex, n: Node) -> set[str]:
    return {str(p.role) for ev in n.evidence if (p := delta.passages.get(ev.passage)) is not None}


def _merge_edges(con: sqlite3.Connection, delta: DerivedIndex) -> Counter:
    """Each relation the new reports state: inserted, or its props merged again from every report's
    part; the degree each entity gains."""
    (next_row,) = con.execute("SELECT coalesce(max(row), -1) + 1 FROM edges").fetchone()
    degree: Counter = Counter()
    for key, e in delta.edges.items():
        have = con.execute("SELECT row FROM edges WHERE source=? AND type=? AND target=?",
                           (e.source, e.type, e.target)).fetchone()
        new_parts = delta.edge_parts[key]
        if have is None:
            row = next_row
            next_row += 1
            con.execute("INSERT INTO edges VALUES (?,?,?,?,?)", (row, e.source, e.type, e.target, _dumps(e.props)))
            degree[e.source] += 1
            degree[e.target] += 1
        else:
            row = have[0]
            parts = [(r, json.loads(t)) for r, t in
                     con.execute("SELECT report, props FROM edge_parts WHERE edge=?", (row,))]
            props: dict = {}
            for _, p in sorted(parts + [(r, p) for r, p, _ in new_parts], key=lambda x: x[0]):
                for k, v in p.items():
                    props.setdefault(k, v)
            con.execute("UPDATE edges SET props=? WHERE row=?", (_dumps(props), row))
        con.executemany("INSERT INTO edge_parts VALUES (?,?,?,?)",
                        ((row, r, _dumps(p), _evidence_rows(ev)) for r, p, ev in new_parts))
    return degree


def _merge_entity_rows(con: sqlite3.Connection, delta: DerivedIndex) -> tuple[dict[int, int], list[int]]:
    """Entity vector rows: ({old row: delta row} replaced, because a later report (in id order)
    holds the vector a full build keeps; [delta rows] appended)."""
    (next_row,) = con.execute("SELECT coalesce(max(row), -1) + 1 FROM entity_rows").fetchone()
    replaced, appended = {}, []
    for i, eid in enumerate(delta.entity_ids):
        src = delta.entity_vector_report[eid]
        have = con.execute("SELECT row, report FROM entity_rows WHERE id=?", (eid,)).fetchone()
        if have is None:
            con.execute("INSERT INTO entity_rows VALUES (?,?,?)", (next_row, eid, src))
            next_row += 1
            appended.append(i)
        elif src > have[1]:
            con.execute("UPDATE entity_rows SET report=? WHERE row=?", (src, have[0]))
            replaced[have[0]] = i
    return replaced, appended


def _stats(con: sqlite3.Connection, meta: dict, delta: DerivedIndex) -> dict:
    """stats() of the extended index: entities and relations counted in SQLite, the relations
    stores materialise (per report, so additive) from the old figures plus the new reports'."""
    old = meta["stats"]
    derived_types = (RelType.HAS_PASSAGE, RelType.AUTHORED, RelType.MENTIONED_IN, RelType.CITES)
    labels = Counter(dict(con.execute("SELECT label, count(*) FROM nodes GROUP BY label").fetchall()))
    labels[Label.REPORT] = old["reports"] + len(delta.reports)
    labels[Label.PASSAGE] = old["passages"] + len(delta.passages)
    types = Counter(dict(con.execute("SELECT type, count(*) FROM edges GROUP BY type").fetchall()))
    for t in derived_types:
        types[t] += old["edges"].get(t, 0) - 0 + delta.materialised.get(t, 0)
    return {
        "reports": labels[Label.REPORT],
        "passages": labels[Label.PASSAGE],
        "nodes": {k: v for k, v in sorted(labels.items()) if v},
        "edges": {k: v for k, v in sorted(types.items()) if v},
    }


# -- arrays --------------------------------------------------------------------------------
def _extend_columns(prev: DiskIndex, delta: DerivedIndex, codes: dict, authors: dict, label_bits: list[str],
                    folder: Path) -> None:
    folder.mkdir()
    old = prev._columns
    local_report = {code: codes[rid] for rid, code in delta.report_codes.items()}
    local_author = {code: authors[a] for a, code in delta.author_codes.items()}
    new_cols = {
        "p_report": np.array([local_report[c] for c in delta.p_report.tolist()], dtype=np.int32),
        "p_year": delta.p_year, "p_role": delta.p_role,
        "p_author": np.array([local_author.get(c, -1) for c in delta.p_author.tolist()], dtype=np.int32),
    }
    for name, arr in new_cols.items():
        np.save(folder / f"{name}.npy", np.concatenate([np.asarray(old[name]), arr.astype(old[name].dtype)]))
    old_bits = np.asarray(old["p_labels"])
    if label_bits != prev.meta["label_bits"]:   # a label new to the store moves the bits after it
        moved = np.zeros_like(old_bits)
        for b, label in enumerate(prev.meta["label_bits"]):
            moved |= ((old_bits >> np.uint32(b)) & np.uint32(1)) << np.uint32(label_bits.index(label))
        old_bits = moved
    bits = np.zeros(len(delta.passage_ids), dtype=np.uint32)
    for label, mask in delta.p_labels.items():
        bits |= mask.astype(np.uint32) << np.uint32(label_bits.index(label))
    np.save(folder / "p_labels.npy", np.concatenate([old_bits, bits]))


def _save_rows(path: Path, old: np.ndarray, new: np.ndarray) -> None:
    """old rows then new rows into a .npy file, through a mapping: the old matrix (600 MB at 16x
    the corpus) is copied page by page, never held in memory whole."""
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(len(old) + len(new), old.shape[1]))
    step = 65_536
    for i in range(0, len(old), step):
        j = min(i + step, len(old))
        out[i:j] = old[i:j]
    out[len(old):] = new
    out.flush()
    del out


def _extend_vectors(prev: DiskIndex, delta: DerivedIndex, changes, folder: Path) -> list[str]:
    """Passage vectors: the old rows then the new; entity vectors: old rows (some replaced) then
    the new entities'. Returns the entity label vocabulary."""
    folder.mkdir()
    if prev.passage_matrix is None:
        return []
    _save_rows(folder / "passages.npy", prev.passage_matrix, delta.passage_matrix)
    if prev.entity_matrix is None:
        return []
    replaced, appended = changes
    matrix = np.array(prev.entity_matrix)
    for row, i in replaced.items():
        matrix[row] = delta.entity_matrix[i]
    matrix = np.concatenate([matrix, delta.entity_matrix[appended]])
    old_names = prev.meta["entity_labels"]
    labels = [old_names[c] for c in np.asarray(prev._entity_labels).tolist()]
    labels += [str(delta.entity_labels[i]) for i in appended]
    vocab = sorted(set(labels))
    np.save(folder / "entities.npy", np.ascontiguousarray(matrix, dtype=np.float32))
    np.save(folder / "entity_labels.npy", np.array([vocab.index(x) for x in labels], dtype=np.int16))
    return vocab
