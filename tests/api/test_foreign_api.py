"""GET /foreign, /answer-graph and /entities/{id}/top-neighbours on both stores over the sample reports."""
from __future__ import annotations

from .test_api import _problem, client  # noqa: F401 - the module's store-parametrised app fixture


def test_foreign_view_on_the_samples(client):
    d = client.get("/foreign").json()
    meguro = next(r for r in d["ties"] if r["partner"]["name"] == "目黑区" and r["kind"] == "友好城市")
    assert (meguro["home"]["name"], meguro["since"], meguro["partner"]["country"]) == ("东城区", 1991, "日本")
    assert meguro["partner"]["name_en"] == "Meguro" and meguro["partner"]["lat"] is not None
    assert "目黑区结好30周年" in meguro["evidence"]["text"]
    seoul = next(r for r in d["ties"] if r["partner"]["name"] == "首尔")
    assert seoul["via"]["name"] == "首尔友谊节" and seoul["partner"]["country_en"] == "South Korea"
    assert "首尔友谊节" in seoul["evidence"]["text"]
    # Shenzhen's new partners of 2024 (014 report): one edge each, a count is none
    sz = {r["partner"]["name"] for r in d["ties"] if r["home"]["name"] == "深圳市"}
    assert {"旧金山", "维也纳"} <= sz
    # the home filter: 东城区 holds its own tie and those of bodies named after it
    home = next(h for h in d["homes"] if h["name"] == "东城区")
    mine = client.get("/foreign", params={"home": home["id"]}).json()
    assert {r["partner"]["name"] for r in mine["ties"]} == {"目黑区", "首尔"}
    assert all(r["home"]["name"].startswith("东城区") for r in mine["ties"])
    names = {n["name"] for n in mine["network"]["nodes"]}
    assert {"东城区", "目黑区", "首尔", "首尔友谊节"} <= names


def test_foreign_unknown_home_is_404(client):
    _problem(client.get("/foreign", params={"home": "place-nope"}), 404)


def test_answer_graph_holds_answers_and_their_evidence_entities(client):
    ask = client.get("/ask", params={"q": "哪些部门开展了外语标识核查？", "k": 10}).json()
    ids = [a["id"] for a in ask["answers"]]
    passages = [h["passage"] for h in ask["passages"]]
    g = client.get("/answer-graph", params={"ids": ",".join(ids), "passages": ",".join(passages)}).json()
    got = {n["id"] for n in g["nodes"]}
    assert set(ids) <= got and len(got) > len(ids)
    assert all(e["source"] in got and e["target"] in got for e in g["edges"])


def test_top_neighbours_pages_by_evidence(client):
    hub = client.get("/entities", params={"limit": 1}).json()["items"][0]
    first = client.get(f"/entities/{hub['id']}/top-neighbours").json()
    second = client.get(f"/entities/{hub['id']}/top-neighbours", params={"offset": 30}).json()
    assert first["total"] > 30 and len(first["nodes"]) == 31 and first["truncated"]
    a = {n["id"] for n in first["nodes"]} - {hub["id"]}
    b = {n["id"] for n in second["nodes"]} - {hub["id"]}
    assert not a & b and len(b) == min(30, first["total"] - 30)
    _problem(client.get("/entities/nope/top-neighbours"), 404)
