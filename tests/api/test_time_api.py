"""GET /series, /indicators, /plans, /diff, /timeline/{id} on both stores: the CLI's JSON, 404 for what is
not there, 422 for a bad parameter."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from govgraph.api.app import create_app
from govgraph.api.context import Settings
from govgraph.ingest.pipeline import build_batch
from tests.time.reports import write


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def client(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp("time-api")
    if request.param == "embedded":
        settings = Settings(store=str(folder / "store"))
    else:
        from tests.neo4j_util import wipe
        uri = request.getfixturevalue("neo4j_uri")
        wipe(uri)
        settings = Settings(neo4j=uri)
    with TestClient(create_app(settings)) as c:
        store = c.app.state.ctx.store
        for p in write(folder / "in"):
            store.put_batch(build_batch(p))
        yield c


def _problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    return r.json()


def test_time_routes(client):
    series = client.get("/series").json()
    qs = next(s for s in series["series"] if s["author"] == "青山区人民政府")
    assert [r["year"] for r in qs["reports"]] == [2022, 2023]

    inds = client.get("/indicators", params={"series": qs["id"], "q": "地区生产总值"}).json()["indicators"]
    growth = next(i for i in inds if i["name"] == "地区生产总值增长")
    assert {(p["year"], p["kind"]) for p in growth["points"]} >= {(2022, "target"), (2022, "actual")}

    plans = client.get("/plans", params={"series": "青山区", "year": 2022}).json()["plans"]
    reported = [p for p in plans if p["status"] == "reported"]
    assert reported and all(p["delivery"] and p["delivery"][0]["file"] == "2023年青山区政府工作报告.txt"
                            for p in reported)

    a, b = (r["id"] for r in qs["reports"])
    diff = client.get("/diff", params={"a": a, "b": b}).json()
    some = next(x for xs in diff["kept"].values() for x in xs)
    tl = client.get(f"/timeline/{some['id']}").json()
    assert [p["year"] for p in tl["points"]] == [2022, 2023]


def test_time_routes_not_found_and_bad_input(client):
    assert "nowhere" in _problem(client.get("/plans", params={"series": "nowhere"}), 404)["detail"]
    assert "nowhere" in _problem(client.get("/indicators", params={"series": "nowhere"}), 404)["detail"]
    _problem(client.get("/diff", params={"a": "missing.txt", "b": "also.txt"}), 404)
    _problem(client.get("/timeline/place-0000000000000000"), 404)
    _problem(client.get("/plans", params={"year": "last"}), 422)
    _problem(client.get("/diff", params={"a": "x"}), 422)
