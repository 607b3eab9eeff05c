"""GET /compare and /ask on aggregation questions, both stores, over the sample reports.

What is expected is read from the sample files themselves: the reports whose text holds the
topic, and their authors as the API lists them."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from govgraph.api.app import create_app
from govgraph.api.context import Settings
from govgraph.ingest.aggregation import place_of
from tests.conftest import SAMPLES, govgraph

TOPIC = "法治政府"


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def client(request, sample_store):
    if request.param == "embedded":
        settings = Settings(store=str(sample_store))
    else:
        uri = request.getfixturevalue("neo4j_uri")
        if not _holds_the_samples(uri):  # test_api.py leaves them there: ingesting again costs a minute
            from tests.neo4j_util import wipe
            wipe(uri)
            govgraph("ingest", str(SAMPLES), "--neo4j", uri, "--json")
        settings = Settings(neo4j=uri)
    with TestClient(create_app(settings)) as c:
        yield c


def _holds_the_samples(uri: str) -> bool:
    from govgraph.graph.store.factory import open_store
    with open_store(None, uri) as store:
        return sorted(r.file for r in store.reports()) == sorted(p.name for p in SAMPLES.glob("*.txt"))


def _authors_mentioning(client, term: str) -> dict[str, str]:
    """report id -> author, for the sample reports whose text holds `term`."""
    out = {}
    for r in client.get("/reports").json()["items"]:
        if term in (SAMPLES / r["file"]).read_text("utf-8") and r.get("author"):
            out[r["id"]] = r["author"]
    return out


def test_compare_districts_lists_every_district_author_and_nothing_else(client):
    authors = _authors_mentioning(client, TOPIC)
    districts = {place_of(a).name for a in authors.values() if place_of(a) and place_of(a).kind == "district"}
    assert len(districts) >= 2, "the samples should hold two district reports on the topic"
    body = client.get("/compare", params={"q": TOPIC, "scope": "district"}).json()
    assert body["topic"] == TOPIC and body["scope"] == "district"
    names = {r["name"] for r in body["rows"]}
    assert names == districts
    for row in body["rows"]:
        assert row["count"] == len(row["reports"]) == len(row["evidence"]) > 0
        assert row["years"] == sorted({e["year"] for e in row["evidence"] if e["year"]})
        for ev in row["evidence"]:
            assert TOPIC in ev["text"] and ev["status"] in ("done", "planned", "mentioned")
            assert ev["report"] in authors and ev["end"] > ev["start"]


def test_compare_agencies_and_years(client):
    authors = _authors_mentioning(client, TOPIC)
    body = client.get("/compare", params={"q": TOPIC, "label": "Agency"}).json()
    assert {a for r in body["rows"] for a in r["agencies"]} >= set(authors.values())
    years = sorted({e["year"] for r in body["rows"] for e in r["evidence"]})
    one = client.get("/compare", params={"q": TOPIC, "label": "Agency", "years": f"{years[0]}-{years[0]}"}).json()
    assert one["rows"] and all(e["year"] == years[0] for r in one["rows"] for e in r["evidence"])


def test_ask_answers_an_aggregation_question_with_rows(client):
    q = f"哪些区推进{TOPIC}建设？"
    r = client.get("/ask", params={"q": q}).json()
    cmp = client.get("/compare", params={"q": q}).json()
    assert r["aggregate"] == {"topic": cmp["topic"], "scope": "district"}
    assert r["label"] == "Place"
    assert [a["name"] for a in r["answers"]] == [row["name"] for row in cmp["rows"]]
    for a in r["answers"]:
        assert a["years"] and a["count"] == len(a["reports"]) and a["evidence"]
    assert r["passages"]


def test_compare_bad_input_is_a_clear_422(client):
    for params in ({"q": TOPIC, "years": "soon"}, {"q": TOPIC, "scope": "galaxy"}, {"q": ""}):
        res = client.get("/compare", params=params)
        assert res.status_code == 422 and res.headers["content-type"].startswith("application/problem+json")
