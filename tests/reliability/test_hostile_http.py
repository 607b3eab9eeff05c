"""Hostile HTTP requests on the embedded store: size limits, path traversal, absurd parameters,
the write token, and never a stack trace in a response."""
from __future__ import annotations

import asyncio
import concurrent.futures
import hmac
import io
import secrets
import tempfile
from pathlib import Path

import pytest
from fastapi import HTTPException, UploadFile
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph.api.app import create_app
from govgraph.api.context import Settings
from govgraph.api.uploads import safe_name, save_uploads
from tests.conftest import SEED, govgraph

from .helpers import assert_no_stack_trace

TOKEN = "hostile-" + secrets.token_hex(8)
LIMIT = 64 * 1024
REPORT_LINES = "测试报告\n2024年，某区外事办公室组织开展公共场所外语标识检查工作。\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A small store of its own (no vectors: uploads go in fast), since these tests write."""
    path = tmp_path_factory.mktemp("hostile") / "store"
    govgraph("ingest", str(SEED), "--store", str(path), "--no-embed")
    return path


@pytest.fixture(scope="module")
def client(store):
    app = create_app(Settings(store=str(store), ingest_token=TOKEN, max_upload_bytes=LIMIT))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def _problem(r, *statuses: int) -> dict:
    assert r.status_code in statuses, (r.request.url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    assert_no_stack_trace(r.text, f"for {r.request.method} {r.request.url}")
    body = r.json()
    assert body["status"] == r.status_code and body["title"] and isinstance(body["detail"], str)
    return body


def _reports(client) -> set[str]:
    return {r["file"] for r in client.get("/reports").json()["items"]}


# -- uploads ---------------------------------------------------------------------------------------

def test_uploads_over_the_limit_are_refused(client):
    before = _reports(client)
    one_big = [("files", ("big.txt", b"a" * (LIMIT + 1), "text/plain"))]
    _problem(client.post("/ingest", headers=_auth(), files=one_big), 413)
    # Several files that are each small but together over the limit.
    parts = [("files", (f"part{i}.txt", ("报告" * (LIMIT // 20)).encode(), "text/plain")) for i in range(4)]
    body = _problem(client.post("/ingest", headers=_auth(), files=parts), 413)
    assert str(LIMIT) in body["detail"]
    assert _reports(client) == before


HOSTILE_NAMES = [
    "../../{m}.txt", "..\\..\\{m}.txt", "/tmp/{m}.txt", "/etc/{m}.txt", "....//....//{m}.txt",
    "..%2f..%2f{m}.txt", "C:\\Windows\\System32\\{m}.txt", "sub/../../{m}.txt", "./{m}.txt",
    "..\u2215..\u2215{m}.txt", "~/{m}.txt", "{m}.txt/", "a/b/c/../../../../{m}.txt",
]


def test_path_traversal_in_upload_names_is_neutralised(client):
    marker = "traversal-" + secrets.token_hex(6)
    places = [Path(tempfile.gettempdir()), Path.cwd(), Path("/etc"), Path.home()]
    accepted = 0
    for pattern in HOSTILE_NAMES:
        name = pattern.format(m=marker)
        r = client.post("/ingest", headers=_auth(),
                        files=[("files", (name, REPORT_LINES.encode(), "text/plain"))])
        assert r.status_code in (200, 422), (name, r.status_code, r.text)
        assert_no_stack_trace(r.text)
        if r.status_code == 200:
            stored = r.json()["files"][0]["file"]
            assert "/" not in stored and "\\" not in stored and not stored.startswith("."), (name, stored)
            assert marker in stored
            accepted += 1
    assert accepted >= len(HOSTILE_NAMES) - 2, "the traversal names should go in under a safe name"
    for place in places:
        assert not list(place.glob(f"*{marker}*")), f"an upload escaped into {place}"
    for name in ("..", ".", "", "/", "../", "\\..\\", " . "):
        r = client.post("/ingest", headers=_auth(), files=[("files", (name, b"x", "text/plain"))])
        assert r.status_code in (400, 422), (name, r.status_code, r.text)
        assert_no_stack_trace(r.text)
    for name in ("evil.exe", "report.txt.sh", "payload.html.py", ".bashrc"):
        _problem(client.post("/ingest", headers=_auth(), files=[("files", (name, b"x", "text/plain"))]), 422)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=300))
def test_any_upload_name_stays_in_its_folder(tmp_path, name):
    """Whatever the name, safe_name gives a plain file name inside the folder or refuses it."""
    try:
        safe = safe_name(name)
    except HTTPException as e:
        assert e.status_code == 422
        return
    assert safe and safe not in (".", "..") and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert len(safe) <= 200
    assert (tmp_path / safe).resolve().parent == tmp_path.resolve()


def test_save_uploads_writes_only_into_its_folder(tmp_path):
    folder = tmp_path / "upload"
    folder.mkdir()
    names = [n for n in HOSTILE_NAMES if not n.endswith("/")]   # a name ending in / has no file name: 422
    files = [UploadFile(io.BytesIO(REPORT_LINES.encode()), filename=n.format(m=f"f{i}"))
             for i, n in enumerate(names)]
    # In a thread of its own: earlier tests in the session can leave an event loop running here.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        saved = pool.submit(asyncio.run, save_uploads(files, folder, LIMIT)).result()
    assert len(saved) == len(names)
    assert all(p.parent == folder and p.read_text("utf-8") == REPORT_LINES for p in saved)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(p.name for p in saved)


# -- parameters ------------------------------------------------------------------------------------

ABSURD = [
    ("/search", {"q": "x" * 501}), ("/search", {"q": "外" * 2_000}), ("/search", {"q": ""}),
    ("/search", {"q": "外事", "k": 0}), ("/search", {"q": "外事", "k": -1}),
    ("/search", {"q": "外事", "k": 101}), ("/search", {"q": "外事", "k": 10**30}),
    ("/search", {"q": "外事", "k": "NaN"}), ("/search", {"q": "外事", "k": "1e3"}),
    ("/search", {"q": "外事", "k": "ten"}), ("/search", {"q": "外事", "mode": "sql"}),
    ("/search", {"q": "外事", "year": 99999}), ("/search", {"q": "外事", "label": "Passage"}),
    ("/search", {"q": "外事", "role": "admin"}), ("/search", {"q": "外事", "report": "r" * 201}),
    ("/ask", {"q": "谁" * 600}), ("/ask", {"q": "哪些部门", "k": 10**9}), ("/ask", {"q": "哪些部门", "k": -5}),
    ("/entities", {"limit": 10**9}), ("/entities", {"limit": 0}), ("/entities", {"offset": -1}),
    ("/entities", {"offset": 10**12}), ("/entities", {"label": "Report) DETACH DELETE (n"}),
    ("/entities", {"prefix": "p" * 201}),
    ("/subgraph", {"limit": 10**6}), ("/subgraph", {"labels": "Agency,Nope"}),
    ("/subgraph", {"ids": "a," * 10_001}),
    ("/paths", {"source": "s" * 201, "target": "t"}), ("/paths", {"source": "a", "target": "b", "max_len": 11}),
    ("/paths", {"source": "a", "target": "b", "max_len": 10**9}),
    ("/export", {"format": "../../etc/passwd"}),
]


def test_oversized_queries_and_absurd_values_are_422(client):
    for path, params in ABSURD:
        body = _problem(client.get(path, params=params), 422)
        assert body["detail"], (path, params)
    some = client.get("/entities", params={"limit": 1}).json()["items"][0]["id"]
    for depth in (0, 5, 99, 10**9, -1, "deep"):
        _problem(client.get(f"/entities/{some}/neighbors", params={"depth": depth}), 422)
    for limit in (0, 2001, 10**12):
        _problem(client.get(f"/entities/{some}/neighbors", params={"limit": limit}), 422)
    # Oversized Cypher is refused by size before anything else looks at it.
    _problem(client.post("/cypher", json={"query": "MATCH (n) RETURN n " + "x" * 6000}), 422)
    _problem(client.post("/cypher", json={"query": "MATCH (n) RETURN n"}), 400)  # embedded store: no Cypher


def test_nasty_paths_and_bytes_never_leak_a_trace(client):
    bodies = []
    for url in ["/entities/%00", "/entities/..%2f..%2fetc%2fpasswd", "/reports/%2e%2e%2f%2e%2e",
                "/reports/" + "r" * 5000, "/static/../api/app.py", "/static/..%2f..%2fapi%2fapp.py",
                "/static/%2e%2e/%2e%2e/api/app.py", "/search?q=%ED%A0%80", "/search?q=%FF%FE",
                "/search?q=%00%00", "/ask?q=%E2%80%AE%E2%80%AD", "/search?q=a&k=1&k=2&k=999999",
                "/entities?label=Agency&label=Agency&limit=1", "/nope", "/search?q=" + "%25" * 200]:
        r = client.get(url)
        bodies.append(r.text)
        assert r.status_code < 500, (url, r.status_code, r.text[:300])
        assert "def create_app" not in r.text and "import " not in r.text, url
    for method in ("PUT", "PATCH", "DELETE"):
        r = client.request(method, "/search?q=x")
        assert r.status_code == 405 and r.headers["content-type"].startswith("application/problem+json")
        bodies.append(r.text)
    for body in bodies:
        assert_no_stack_trace(body)


# -- the write token -------------------------------------------------------------------------------

def _write_attempts(client, headers: dict) -> list:
    rid = next(iter(client.get("/reports").json()["items"]))["id"]
    return [
        client.post("/ingest", headers=headers, files=[("files", ("x.txt", REPORT_LINES.encode(), "text/plain"))]),
        client.delete(f"/reports/{rid}", headers=headers),
    ]


def test_write_endpoints_demand_the_token(client):
    before = _reports(client)
    wrong = [{}, {"Authorization": "Bearer"}, {"Authorization": "Bearer "}, _auth("wrong"),
             _auth(TOKEN + "x"), _auth(TOKEN[:-1]), _auth(TOKEN.upper()), _auth(" " * len(TOKEN)),
             {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Token {TOKEN}"},
             {"X-Token": TOKEN}, {"Authorization": "Bearer " + "A" * 10_000},
             {"Authorization": b"Bearer \xe4\xbb\xa4\xe7\x89\x8c"}]
    for headers in wrong:
        for r in _write_attempts(client, headers):
            _problem(r, 401)
    r = client.post(f"/ingest?token={TOKEN}", files=[("files", ("x.txt", b"x", "text/plain"))])
    _problem(r, 401)
    assert _reports(client) == before


def test_writing_is_off_without_a_configured_token(store):
    with TestClient(create_app(Settings(store=str(store), ingest_token=None)),
                    raise_server_exceptions=False) as c:
        before = _reports(c)
        for headers in ({}, _auth(""), _auth("anything"), _auth("None")):
            for r in _write_attempts(c, headers):
                body = _problem(r, 403)
                assert "GOVGRAPH_INGEST_TOKEN" in body["detail"]
        assert _reports(c) == before


def test_the_token_is_compared_in_constant_time(client, monkeypatch):
    """Every check goes through hmac.compare_digest (the real one, watched), whatever the guess."""
    seen = []
    real = hmac.compare_digest

    def watched(a, b):
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", watched)
    guesses = ["", "h", TOKEN[:4], TOKEN[:-1], TOKEN + "0", "z" * 100]
    for guess in guesses:
        _problem(client.delete("/reports/whatever", headers=_auth(guess)), 401)
    assert len(seen) == len(guesses)
    assert all(b == TOKEN.encode() for _, b in seen)
    assert [a for a, _ in seen] == [g.encode() for g in guesses]
    r = client.delete("/reports/no-such-report", headers=_auth())
    _problem(r, 404)   # the right token gets past the check to the handler
