"""`govgraph series|indicators|plans|diff|timeline --json` in the forms DESIGN.md fixes, and exit 4 for
what is not there."""
from __future__ import annotations

import json

from tests.conftest import govgraph
from tests.time.reports import write


def _json(res):
    return json.loads(res.stdout)


def test_time_commands(tmp_path):
    store = str(tmp_path / "store")
    write(tmp_path / "in")
    govgraph("ingest", str(tmp_path / "in"), "--store", store, "--no-embed")
    series = _json(govgraph("series", "--store", store, "--json"))
    qs = next(s for s in series["series"] if s["author"] == "青山区人民政府")
    assert set(qs) >= {"id", "author", "genre", "reports"}
    assert all(set(r) >= {"id", "file", "year"} for r in qs["reports"])
    assert series["unplaced"][0]["file"] == "青山区街道工作总结.txt"

    inds = _json(govgraph("indicators", "--series", qs["id"], "--q", "地区生产总值", "--store", store, "--json"))
    assert inds["indicators"]
    for i in inds["indicators"]:
        assert set(i) >= {"id", "name", "unit", "series", "points"} and i["series"] == qs["id"]
        for p in i["points"]:
            assert set(p) >= {"year", "kind", "value", "text", "report", "file", "start", "end"}
            assert p["kind"] in ("target", "actual")

    plans = _json(govgraph("plans", "--series", "青山区", "--year", "2022", "--store", store, "--json"))["plans"]
    assert {p["status"] for p in plans} == {"reported", "not_reported"}
    for p in plans:
        assert set(p) >= {"id", "text", "year", "report", "file", "start", "end", "status", "delivery"}
        for d in p["delivery"]:
            assert set(d) >= {"report", "file", "start", "end", "text", "score"}

    a, b = (r["file"] for r in qs["reports"])
    diff = _json(govgraph("diff", a, b, "--store", store, "--json"))
    assert set(diff) >= {"a", "b", "added", "dropped", "kept"}
    some = next(x for xs in diff["kept"].values() for x in xs)
    tl = _json(govgraph("timeline", some["id"], "--store", store, "--json"))
    assert tl["entity"]["id"] == some["id"] and [p["year"] for p in tl["points"]] == [2022, 2023]
    assert all(set(p) >= {"year", "report", "file", "mentions", "evidence"} for p in tl["points"])

    # (every view's NotFound is checked in tests/time; here that the CLI turns it into exit 4)
    for args in (["plans", "--series", "nowhere"], ["diff", "missing.txt", b]):
        res = govgraph(*args, "--store", store, "--json", check=False)
        assert res.returncode == 4, args
        assert "not found" in res.stderr and "Traceback" not in res.stderr
