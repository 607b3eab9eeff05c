"""The embedded store's derived index on disk, opened in constant time and read lazily.

One folder per store generation, `index-<version>/` (docs/storage.md describes every file):

  meta.json          format, stats, report/author codes, label and role codes (small; read whole)
  records.sqlite     passages, entities, relations and their look-up tables, one row each,
                     read by key; entities' and relations' evidence is decoded only when asked
  columns/*.npy      row-aligned passage columns for search filters (report, year, role, author,
                     label bits), memory-mapped
  vectors/*.npy      passage and entity embeddings (float32), memory-mapped
  bm25/              the bm25s index (sparse score matrix, memory-mapped, and its vocabulary)

Opening maps and connects but reads no rows, so a reopen costs the same at 155 or 2,500 reports
(bench/scale_bench.py). Everything is opened at once, at open: a writer in another process may
remove an older generation's folder, and on POSIX an open file or mapping outlives its name.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import shutil
import sqlite3
import threading
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from govgraph.ingest.batch import Edge, Evidence, Node, Passage
from .base import Filters, NodeBrief, StoreError
from .derived import ROLE_CODES, DerivedIndex, EntityGraph, bm25_scores, top_indices

# Bumped when the folder's layout changes; a folder of another format is rebuilt from the segments.
INDEX_FORMAT = 3
META = "meta.json"
RECORDS = "records.sqlite"
# Decoded entities kept per open index: hubs (a city government named in every report) carry
# evidence from every report, ~70,000 items at 16x the corpus, ~0.1 s to decode; search asks for
# them on most questions.
NODE_CACHE_EVIDENCE = 400_000
# SQLite's limit on bound parameters is 32,766 since 3.32; ids are looked up in chunks below it.
CHUNK = 900

SCHEMA = """
CREATE TABLE passages (row INTEGER PRIMARY KEY, id TEXT NOT NULL, report TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE nodes (row INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT NOT NULL, name TEXT NOT NULL,
                    degree INTEGER NOT NULL, data TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE node_names (node INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE node_reports (node INTEGER NOT NULL, report TEXT NOT NULL);
CREATE TABLE node_years (node INTEGER NOT NULL, year INTEGER NOT NULL);
CREATE TABLE node_roles (node INTEGER NOT NULL, role TEXT NOT NULL);
CREATE TABLE edges (row INTEGER PRIMARY KEY, source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
                    props TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE TABLE mentions (passage TEXT NOT NULL, node TEXT NOT NULL);
CREATE TABLE entity_rows (row INTEGER PRIMARY KEY, id TEXT NOT NULL);
"""
# Indexes are made after the rows are in: one sort instead of a b-tree insert per row.
INDEXES = """
CREATE UNIQUE INDEX passages_id ON passages(id);
CREATE INDEX passages_report ON passages(report, row);
CREATE UNIQUE INDEX nodes_id ON nodes(id);
CREATE INDEX node_names_name ON node_names(name, node);
CREATE INDEX node_reports_report ON node_reports(report, node);
CREATE INDEX node_years_year ON node_years(year, node);
CREATE INDEX node_roles_role ON node_roles(role, node);
CREATE INDEX edges_source ON edges(source, row);
CREATE INDEX edges_target ON edges(target, row);
CREATE INDEX mentions_passage ON mentions(passage);
CREATE UNIQUE INDEX entity_rows_id ON entity_rows(id);
"""


# -- encoding ----------------------------------------------------------------------------
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
# One encoder for every record: json.dumps builds a new one per call, a tenth of a flush.
_dumps = _ENCODER.encode


def _evidence_rows(evidence: list[Evidence]) -> str:
    """Evidence as arrays, not objects: a hub's list decodes in half the time."""
    return _dumps([[e.report, e.file, e.passage, e.start, e.end, e.text] for e in evidence])


def _evidence(text: str) -> list[Evidence]:
    return [Evidence(*row) for row in json.loads(text)]


def _passage(text: str) -> Passage:
    return Passage(**json.loads(text))


# -- writing -----------------------------------------------------------------------------
BUILDING = ".building"   # flock'd inside a folder while it is being written


@contextmanager
def building(parent: Path, name: str) -> Iterator[Path]:
    """A new temporary folder `.name.<hex>.tmp` in `parent`, locked (flock on its BUILDING file)
    for as long as it is written: a writer's garbage collection removes only unlocked ones
    (`is_abandoned`), so a reader may build an index without holding the store's writer lock
    (which would make an ingest wait minutes for it at 16x the corpus). Removed afterwards unless
    renamed away."""
    tmp = parent / f".{name}.{secrets.token_hex(4)}.tmp"
    tmp.mkdir()
    fd = os.open(tmp / BUILDING, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield tmp
    finally:
        os.close(fd)
        shutil.rmtree(tmp, ignore_errors=True)


def is_abandoned(tmp: Path) -> bool:
    """True for a temporary folder no process is writing now (its builder finished or died)."""
    try:
        fd = os.open(tmp / BUILDING, os.O_RDWR)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def write_index(d: DerivedIndex, folder: Path) -> None:
    """`d` written into the (new, empty) `folder`, every file synced, meta.json last."""
    _write_records(d, folder / RECORDS)
    _write_columns(d, folder / "columns")
    _write_vectors(d, folder / "vectors")
    if d.bm25 is not None:
        d.bm25.save(str(folder / "bm25"), show_progress=False)
    _write_meta(d, folder / META)
    for f in folder.rglob("*"):
        if f.is_file():
            _fsync(f)


def publish(tmp: Path, target: Path) -> None:
    """Rename a written folder into place: readers see a whole index or none. A folder already
    there for the same generation is kept unless it is damaged (`replace`), which is first
    renamed aside (garbage for the next flush)."""
    try:
        os.rename(tmp, target)
    except OSError:
        if not target.exists():
            raise
        aside = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        os.rename(target, aside)
        os.rename(tmp, target)
    _fsync_dir(target.parent)


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_meta(d: DerivedIndex, path: Path) -> None:
    """Written last: it lists every other file's size, which an open checks (a truncated file is
    then a missing index, rebuilt from the segments, and not a failed query later)."""
    folder = path.parent
    meta = {
        "format": INDEX_FORMAT,
        "stats": d.stats(),
        "passages": len(d.passage_ids),
        "report_codes": d.report_codes,
        "author_codes": d.author_codes,
        "label_bits": sorted(d.p_labels),
        "entity_labels": sorted(set(d.entity_labels.tolist())) if d.entity_labels is not None else [],
        "vectors": d.passage_matrix is not None,
        "entity_vectors": d.entity_matrix is not None,
        "bm25": d.bm25 is not None,
        "files": {f.relative_to(folder).as_posix(): f.stat().st_size
                  for f in sorted(folder.rglob("*")) if f.is_file() and f.name != BUILDING},
    }
    path.write_text(_dumps(meta), "utf-8")


def _node_roles(d: DerivedIndex, n: Node) -> set[str]:
    return {str(p.role) for ev in n.evidence if (p := d.passages.get(ev.passage)) is not None}


def _write_records(d: DerivedIndex, path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        # A new file renamed into place only when whole: no journal, no syncs until the end; a
        # large page cache for building the look-up indexes.
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
                          "PRAGMA temp_store=MEMORY;" + SCHEMA)
        con.executemany("INSERT INTO passages VALUES (?,?,?,?)",
                        ((i, p.id, p.report, _dumps(vars(p))) for i, p in enumerate(d.passages.values())))
        con.executemany("INSERT INTO nodes VALUES (?,?,?,?,?,?,?)",
                        ((i, n.id, n.label, n.name, d.degree.get(n.id, 0),
                          _dumps({"aliases": n.aliases, "name_en": n.name_en, "props": n.props}),
                          _evidence_rows(n.evidence)) for i, n in enumerate(d.nodes.values())))
        rows = {nid: i for i, nid in enumerate(d.nodes)}
        con.executemany("INSERT INTO node_names VALUES (?,?)",
                        ((rows[n.id], s) for n in d.nodes.values() for s in _folded_names(n)))
        con.executemany("INSERT INTO node_reports VALUES (?,?)",
                        ((rows[nid], r) for nid, rs in d.node_reports.items() for r in sorted(rs)))
        con.executemany("INSERT INTO node_years VALUES (?,?)",
                        ((rows[nid], y) for nid, ys in d.node_years.items() for y in sorted(ys)))
        con.executemany("INSERT INTO node_roles VALUES (?,?)",
                        ((rows[n.id], r) for n in d.nodes.values() for r in sorted(_node_roles(d, n))))
        con.executemany("INSERT INTO edges VALUES (?,?,?,?,?,?)",
                        ((i, e.source, e.type, e.target, _dumps(e.props), _evidence_rows(e.evidence))
                         for i, e in enumerate(d.edges.values())))
        con.executemany("INSERT INTO mentions VALUES (?,?)",
                        ((pid, nid) for pid, nids in d.passage_nodes.items() for nid in nids))
        con.executemany("INSERT INTO entity_rows VALUES (?,?)", enumerate(d.entity_ids))
        con.executescript(INDEXES)
        con.commit()
    finally:
        con.close()


def _folded_names(n: Node) -> set[str]:
    """What a name prefix is matched against: the name, aliases and English name, case-folded."""
    return {s.casefold() for s in (n.name, *n.aliases, n.name_en or "") if s}


def _write_columns(d: DerivedIndex, folder: Path) -> None:
    folder.mkdir()
    n = len(d.passage_ids)
    for name in ("p_report", "p_year", "p_role", "p_author"):
        arr = getattr(d, name)
        np.save(folder / f"{name}.npy", arr if arr is not None else np.zeros(n, np.int32))
    # One bit per label, in meta's label_bits order: 12 labels fit a uint32 column.
    bits = np.zeros(n, dtype=np.uint32)
    for b, label in enumerate(sorted(d.p_labels)):
        bits |= d.p_labels[label].astype(np.uint32) << np.uint32(b)
    np.save(folder / "p_labels.npy", bits)


def _write_vectors(d: DerivedIndex, folder: Path) -> None:
    folder.mkdir()
    if d.passage_matrix is not None:
        np.save(folder / "passages.npy", np.ascontiguousarray(d.passage_matrix, dtype=np.float32))
    if d.entity_matrix is not None:
        codes = sorted(set(d.entity_labels.tolist()))
        np.save(folder / "entities.npy", np.ascontiguousarray(d.entity_matrix, dtype=np.float32))
        np.save(folder / "entity_labels.npy",
                np.array([codes.index(x) for x in d.entity_labels.tolist()], dtype=np.int16))


# -- reading -----------------------------------------------------------------------------
class _EdgeData(dict):
    """A networkx edge's attributes whose evidence and props are read from the index the first
    time anything beyond its type is asked for: the graph then costs the same at any number of
    reports (copies add evidence, not edges) and walks that return ten edges decode ten."""
    __slots__ = ("_load",)

    def __init__(self, type_: str, load: Callable[[], tuple[dict, list[Evidence]]]):
        super().__init__(type=type_)
        self._load = load

    def _fill(self) -> None:
        if self._load is not None:
            props, evidence = self._load()
            self._load = None
            dict.__setitem__(self, "props", props)
            dict.__setitem__(self, "evidence", evidence)

    def __getitem__(self, k):
        if k != "type":
            self._fill()
        return dict.__getitem__(self, k)

    def get(self, k, default=None):
        if k != "type":
            self._fill()
        return dict.get(self, k, default)

    def __contains__(self, k):
        if k != "type":
            self._fill()
        return dict.__contains__(self, k)

    def __iter__(self):
        self._fill()
        return dict.__iter__(self)

    def __len__(self):
        self._fill()
        return dict.__len__(self)

    def keys(self):
        self._fill()
        return dict.keys(self)

    def values(self):
        self._fill()
        return dict.values(self)

    def items(self):
        self._fill()
        return dict.items(self)

    def copy(self):
        self._fill()
        return dict(dict.items(self))

    def __reduce__(self):
        self._fill()
        return (dict, (dict(dict.items(self)),))


class DiskIndex:
    """Read side of one `index-<version>/` folder. Thread-safe: one SQLite connection, serialised."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        try:
            self.meta = json.loads((self.folder / META).read_text("utf-8"))
        except (OSError, ValueError) as e:
            raise StoreError(f"store index {self.folder} is unreadable: {e}") from e
        if self.meta.get("format") != INDEX_FORMAT:
            raise StoreError(f"store index {self.folder} has format {self.meta.get('format')}, "
                             f"expected {INDEX_FORMAT}")
        self._check_sizes()
        try:
            # immutable: the folder never changes once renamed into place, so no locks, no journal
            self._db = sqlite3.connect(f"{(self.folder / RECORDS).resolve().as_uri()}?immutable=1", uri=True,
                                       check_same_thread=False)
            self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self._columns = {name: self._map(f"columns/{name}.npy")
                             for name in ("p_report", "p_year", "p_role", "p_author", "p_labels")}
            self.passage_matrix = self._map("vectors/passages.npy") if self.meta["vectors"] else None
            self.entity_matrix = self._map("vectors/entities.npy") if self.meta["entity_vectors"] else None
            self._entity_labels = self._map("vectors/entity_labels.npy") if self.meta["entity_vectors"] else None
            self.bm25 = self._load_bm25() if self.meta["bm25"] else None
        except (OSError, ValueError, KeyError, sqlite3.Error) as e:
            raise StoreError(f"store index {self.folder} is unreadable: {e}") from e
        self._lock = threading.RLock()
        self._nodes: OrderedDict[str, Node] = OrderedDict()
        self._cached_evidence = 0
        self._graph: EntityGraph | None = None

    def _check_sizes(self) -> None:
        for name, size in self.meta.get("files", {}).items():
            try:
                have = (self.folder / name).stat().st_size
            except OSError as e:
                raise StoreError(f"store index {self.folder}: {name} is missing: {e.strerror or e}") from e
            if have != size:
                raise StoreError(f"store index {self.folder}: {name} has {have} bytes, expected {size}")

    def _map(self, name: str) -> np.ndarray:
        return np.load(self.folder / name, mmap_mode="r", allow_pickle=False)

    def _load_bm25(self):
        import bm25s
        logging.getLogger("bm25s").setLevel(logging.WARNING)
        return bm25s.BM25.load(str(self.folder / "bm25"), mmap=True, show_progress=False)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _rows(self, sql: str, args: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, tuple(args)).fetchall()

    def _by_ids(self, sql: str, ids: list[str]) -> list[tuple]:
        """`sql` with a `{}` for the placeholders of an IN list, over `ids` in chunks."""
        out: list[tuple] = []
        for i in range(0, len(ids), CHUNK):
            part = ids[i:i + CHUNK]
            out += self._rows(sql.format(",".join("?" * len(part))), part)
        return out

    # -- counts ------------------------------------------------------------------------
    def stats(self) -> dict:
        return json.loads(json.dumps(self.meta["stats"]))

    @property
    def passage_count(self) -> int:
        return int(self.meta["passages"])

    # -- passages ----------------------------------------------------------------------
    def passages_of(self, report_id: str) -> list[Passage]:
        return [_passage(t) for (t,) in self._rows("SELECT data FROM passages WHERE report=? ORDER BY row",
                                                   (report_id,))]

    def passage_counts(self) -> dict[str, int]:
        return dict(self._rows("SELECT report, COUNT(*) FROM passages GROUP BY report"))

    def get_passages(self, ids: list[str]) -> list[Passage]:
        found = dict(self._by_ids("SELECT id, data FROM passages WHERE id IN ({})", list(dict.fromkeys(ids))))
        return [_passage(found[i]) for i in ids if i in found]

    def iter_passages(self) -> Iterator[Passage]:
        return iter([_passage(t) for (t,) in self._rows("SELECT data FROM passages ORDER BY row")])

    def passage_ids_at(self, rows: list[int]) -> dict[int, str]:
        return dict(self._by_ids("SELECT row, id FROM passages WHERE row IN ({})", [int(r) for r in rows]))

    def passage_rows(self, ids: list[str]) -> dict[str, int]:
        return dict(self._by_ids("SELECT id, row FROM passages WHERE id IN ({})", list(ids)))

    def nodes_in_passages(self, passage_ids: list[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {pid: [] for pid in passage_ids}
        for pid, nid in self._by_ids("SELECT passage, node FROM mentions WHERE passage IN ({}) ORDER BY rowid",
                                     list(out)):
            out[pid].append(nid)
        return out

    # -- entities ----------------------------------------------------------------------
    def _node(self, row: tuple) -> Node:
        nid, label, name, data, evidence = row
        extra = json.loads(data)
        return Node(nid, label, name, extra["aliases"], extra["name_en"], extra["props"], _evidence(evidence))

    def get_nodes(self, ids: list[str]) -> list[Node]:
        with self._lock:
            have = {i: self._nodes[i] for i in ids if i in self._nodes}
            for i in have:
                self._nodes.move_to_end(i)
        missing = [i for i in dict.fromkeys(ids) if i not in have]
        if missing:
            for row in self._by_ids("SELECT id, label, name, data, evidence FROM nodes WHERE id IN ({})", missing):
                have[row[0]] = self._remember(self._node(row))
        return [have[i] for i in ids if i in have]

    def _remember(self, n: Node) -> Node:
        """Keep decoded entities, the most evidence-laden first to matter, within a bound."""
        with self._lock:
            if n.id not in self._nodes:
                self._nodes[n.id] = n
                self._cached_evidence += len(n.evidence) + 1
                while self._cached_evidence > NODE_CACHE_EVIDENCE and len(self._nodes) > 1:
                    _, old = self._nodes.popitem(last=False)
                    self._cached_evidence -= len(old.evidence) + 1
        return n

    def get_briefs(self, ids: list[str]) -> list[NodeBrief]:
        """Entities without their evidence column: views read a hub's row, not its spans."""
        found = {}
        for nid, label, name, degree, data in self._by_ids(
                "SELECT id, label, name, degree, data FROM nodes WHERE id IN ({})", list(dict.fromkeys(ids))):
            extra = json.loads(data)
            found[nid] = NodeBrief(nid, label, name, extra["aliases"], extra["name_en"], extra["props"], degree)
        return [found[i] for i in ids if i in found]

    def iter_nodes(self) -> Iterator[Node]:
        return iter([self._node(r) for r in self._rows(
            "SELECT id, label, name, data, evidence FROM nodes ORDER BY row")])

    def degree(self, ids: list[str]) -> dict[str, int]:
        return dict(self._by_ids("SELECT id, degree FROM nodes WHERE id IN ({})", list(ids)))

    def find_nodes(self, labels: set[str] | None, report: str | None, year: int | None, prefix: str | None,
                   role: str | None, offset: int, limit: int) -> tuple[int, list[Node]]:
        total, ids = self.find_ids(labels, report, year, prefix, role, offset, limit)
        return total, self.get_nodes(ids)

    def find_briefs(self, labels: set[str] | None, report: str | None, year: int | None, prefix: str | None,
                    role: str | None, offset: int, limit: int) -> tuple[int, list[NodeBrief]]:
        total, ids = self.find_ids(labels, report, year, prefix, role, offset, limit)
        return total, self.get_briefs(ids)

    def find_ids(self, labels: set[str] | None, report: str | None, year: int | None, prefix: str | None,
                 role: str | None, offset: int, limit: int) -> tuple[int, list[str]]:
        where, args = [], []
        if labels:
            where.append(f"label IN ({','.join('?' * len(labels))})")
            args += sorted(labels)
        if report:
            where.append("row IN (SELECT node FROM node_reports WHERE report=?)")
            args.append(report)
        if year is not None:
            where.append("row IN (SELECT node FROM node_years WHERE year=?)")
            args.append(int(year))
        if prefix:
            p = prefix.casefold()
            # Names are compared as UTF-8 bytes, which sort as code points: every name that starts
            # with p lies in [p, p + the last code point).
            where.append("row IN (SELECT node FROM node_names WHERE name >= ? AND name < ?)")
            args += [p, p + "\U0010ffff"]
        if role:
            where.append("row IN (SELECT node FROM node_roles WHERE role=?)")
            args.append(str(role))
        cond = f"WHERE {' AND '.join(where)}" if where else ""
        (total,) = self._rows(f"SELECT count(*) FROM nodes {cond}", args)[0]
        ids = [i for (i,) in self._rows(f"SELECT id FROM nodes {cond} ORDER BY degree DESC, name, row "
                                        "LIMIT ? OFFSET ?", [*args, max(0, int(limit)), max(0, int(offset))])]
        return total, ids

    # -- relations ---------------------------------------------------------------------
    @staticmethod
    def _edge(row: tuple) -> Edge:
        source, type_, target, props, evidence = row
        return Edge(source, target, type_, json.loads(props), _evidence(evidence))

    def edges_of(self, node_id: str) -> list[Edge]:
        rows = self._rows("SELECT source, type, target, props, evidence FROM edges WHERE source=? ORDER BY row",
                          (node_id,))
        rows += self._rows("SELECT source, type, target, props, evidence FROM edges WHERE target=? AND source<>? "
                           "ORDER BY row", (node_id, node_id))
        return [self._edge(r) for r in rows]

    def iter_edges(self) -> Iterator[Edge]:
        return iter([self._edge(r) for r in self._rows(
            "SELECT source, type, target, props, evidence FROM edges ORDER BY row")])

    def skeleton(self) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
        nodes = [tuple(r) for r in self._rows("SELECT id, label, name FROM nodes ORDER BY row")]
        return nodes, [tuple(r) for r in self._rows("SELECT source, target, type FROM edges ORDER BY row")]

    def _edge_details(self, row: int) -> tuple[dict, list[Evidence]]:
        props, evidence = self._rows("SELECT props, evidence FROM edges WHERE row=?", (row,))[0]
        return json.loads(props), _evidence(evidence)

    @property
    def has_graph(self) -> bool:
        return self._graph is not None

    def graph(self) -> EntityGraph:
        """The entity graph (networkx), built on first use from the nodes and edges tables; each
        edge's evidence and props are read when asked for (_EdgeData)."""
        with self._lock:
            if self._graph is None:
                self._graph = self._build_graph()
            return self._graph

    def _build_graph(self) -> EntityGraph:
        g = EntityGraph()
        g.add_nodes_from((i, {"label": lab, "name": name})
                         for i, lab, name in self._db.execute("SELECT id, label, name FROM nodes ORDER BY row"))
        succ, pred = g._succ, g._pred   # networkx's own adjacency, documented for subclasses
        for row, s, t, type_ in self._db.execute("SELECT row, source, target, type FROM edges ORDER BY row"):
            for x in (s, t):
                if x not in succ:
                    g.add_node(x)
            data = _EdgeData(type_, lambda r=row: self._edge_details(r))
            succ[s].setdefault(t, {})[type_] = data
            pred[t].setdefault(s, {})[type_] = data
        return g

    # -- search ------------------------------------------------------------------------
    def passage_mask(self, f: Filters) -> np.ndarray:
        c = self._columns
        mask = np.ones(self.passage_count, dtype=bool)
        if f.report:
            mask &= c["p_report"] == self.meta["report_codes"].get(f.report, -2)
        if f.author:
            codes = [code for a, code in self.meta["author_codes"].items() if f.author in a]
            mask &= np.isin(c["p_author"], codes) if codes else False
        if f.year is not None:
            mask &= c["p_year"] == int(f.year)
        if f.role:
            mask &= c["p_role"] == ROLE_CODES.get(f.role, -2)
        if f.label:
            bits = self.meta["label_bits"]
            if f.label in bits:
                mask &= (c["p_labels"] & np.uint32(1 << bits.index(f.label))) != 0
            else:
                mask &= False
        return mask

    @property
    def bm25_vocab(self) -> dict | None:
        return self.bm25.vocab_dict if self.bm25 is not None else None

    def bm25_scores(self, tokens: list[str]) -> np.ndarray | None:
        return bm25_scores(self.bm25, self.bm25_vocab, tokens, self.passage_count)

    def top_passages(self, scores: np.ndarray, k: int, mask: np.ndarray | None,
                     positive_only: bool = False) -> list[tuple[str, float]]:
        idx = top_indices(scores, k, mask, positive_only)
        ids = self.passage_ids_at(idx)
        return [(ids[i], float(scores[i])) for i in idx]

    def entity_search(self, vector: np.ndarray, k: int, label: str | None) -> list[tuple[str, float]]:
        if self.entity_matrix is None:
            return []
        scores = self.entity_matrix @ np.asarray(vector, dtype=np.float32)
        if label:
            codes = self.meta["entity_labels"]
            want = codes.index(label) if label in codes else -1
            scores = np.where(self._entity_labels == want, scores, -np.inf)
        k = min(k, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        idx = idx[np.argsort(-scores[idx])]
        idx = [int(i) for i in idx if np.isfinite(scores[i])]
        ids = dict(self._by_ids("SELECT row, id FROM entity_rows WHERE row IN ({})", idx))
        return [(ids[i], float(scores[i])) for i in idx]

    def passage_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if self.passage_matrix is None:
            return {}
        return {i: np.array(self.passage_matrix[r]) for i, r in self.passage_rows(ids).items()}

    def entity_vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        if self.entity_matrix is None:
            return {}
        rows = dict(self._by_ids("SELECT id, row FROM entity_rows WHERE id IN ({})", list(ids)))
        return {i: np.array(self.entity_matrix[r]) for i, r in rows.items()}
