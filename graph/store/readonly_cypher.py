"""Read-only Cypher for POST /cypher: refused unless Neo4j itself plans it as a read.

Three independent locks, so a disguise that slips past one meets the next:
1. a lexical screen on the query with comments and string literals blanked out (no write
   clauses, no LOAD CSV, no CALL {...} IN TRANSACTIONS, only allow-listed procedures);
2. EXPLAIN: the planner's query type must be 'r';
3. execution in a READ access-mode transaction with a timeout and a row cap.
"""
from __future__ import annotations

import re
from typing import Any

import neo4j

from .base import StoreError


class CypherRefused(ValueError):
    """The query is not a plain read; the message says why."""


ALLOWED_PROCEDURES = (
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships", "db.index.vector.querynodes", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
)
_WRITE_WORDS = re.compile(
    r"\b(create|merge|delete|detach|set|remove|drop|load\s+csv|periodic\s+commit|foreach|"
    r"in\s+transactions|alter|grant|deny|revoke|start\s+database|stop\s+database|terminate|"
    r"enable|rename|use)\b", re.I)
_CALL = re.compile(r"\bcall\s*([A-Za-z_][\w.]*)\s*(?=\(|\byield\b|$|\s)", re.I)
_CALL_SUBQUERY = re.compile(r"\bcall\s*[({]", re.I)


def _blank_literals(q: str) -> str:
    """Replace comments, string literals and backtick names with spaces, keeping the rest."""
    out, i, n = [], 0, len(q)
    while i < n:
        c = q[i]
        if q.startswith("//", i):
            j = q.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif q.startswith("/*", i):
            j = q.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(" " * (j - i))
            i = j
        elif c in ("'", '"', "`"):
            j = i + 1
            while j < n and q[j] != c:
                j += 2 if q[j] == "\\" and c != "`" else 1
            j = min(j + 1, n)
            out.append(c + "x" * max(0, j - i - 2) + (c if j - i >= 2 else ""))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def screen(query: str) -> None:
    """The lexical lock; raises CypherRefused."""
    if not query.strip():
        raise CypherRefused("the query is empty")
    if "\\u" in query.lower():
        raise CypherRefused("unicode escapes are not accepted in queries; pass values as parameters")
    bare = _blank_literals(query)
    m = _WRITE_WORDS.search(bare)
    if m:
        raise CypherRefused(f"only read queries are allowed: {m.group(0).upper()} is refused")
    if _CALL_SUBQUERY.search(bare):
        # CALL { ... } subqueries are where IN TRANSACTIONS and writes hide; reads never need them here.
        raise CypherRefused("CALL subqueries are refused; write the read as a plain MATCH")
    # Backtick-quoted names (CALL `db`.`createLabel`) are checked with the quotes taken off.
    unquoted = _CALL.findall(query.replace("`", "")) if "`" in query else []
    for name in [*_CALL.findall(bare), *unquoted]:
        if name.lower() not in ALLOWED_PROCEDURES:
            raise CypherRefused(f"procedure {name} is not on the read-only allow-list")
    if ";" in bare.strip().rstrip(";"):
        raise CypherRefused("one statement at a time")


def run_read_only(store, query: str, params: dict[str, Any] | None = None,
                  timeout_s: float = 5.0, max_rows: int = 1000) -> dict:
    screen(query)
    params = params or {}
    drv = store._connect()
    try:
        with drv.session(database=store.database, default_access_mode=neo4j.READ_ACCESS) as s:
            plan = s.run("EXPLAIN " + query, params).consume()
            if plan.query_type != "r":
                raise CypherRefused(f"the planner says this query is not read-only (type {plan.query_type!r})")

            @neo4j.unit_of_work(timeout=timeout_s)
            def work(tx):
                res = tx.run(query, params)
                cols = list(res.keys())
                rows, truncated = [], False
                for rec in res:
                    if len(rows) >= max_rows:
                        truncated = True
                        break
                    rows.append([_plain(v) for v in rec.values()])
                return {"columns": cols, "rows": rows, "truncated": truncated}

            return s.execute_read(work)
    except CypherRefused:
        raise
    except (ValueError, TypeError, UnicodeError) as e:
        # The driver could not encode the parameters (e.g. lone surrogates): the caller's input.
        raise CypherRefused(f"parameters cannot be sent to Neo4j: {e}") from e
    except neo4j.exceptions.ClientError as e:
        raise CypherRefused(f"Neo4j refused the query: {e.message or e.code}") from e
    except Exception as e:
        err = store._translate(e)
        if isinstance(err, StoreError):
            raise err from e
        raise


def _plain(v: Any) -> Any:
    """Graph values -> JSON: nodes and relationships become their properties plus labels/type."""
    if isinstance(v, neo4j.graph.Node):
        return {"labels": sorted(v.labels), **{k: _plain(x) for k, x in v.items()
                                               if k not in ("embedding", "evidence_json")}}
    if isinstance(v, neo4j.graph.Relationship):
        return {"type": v.type, **{k: _plain(x) for k, x in v.items() if k != "evidence_json"}}
    if isinstance(v, neo4j.graph.Path):
        return [_plain(n) for n in v.nodes]
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)
