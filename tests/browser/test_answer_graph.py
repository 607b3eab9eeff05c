"""Answers drawn in the graph: after a question the canvas shows the answers and the entities of their
evidence (not the first report's overview), "back" returns to what it showed; expanding a hub brings
its 30 best-attested neighbours and "show more" the next ones."""
from __future__ import annotations

from .conftest import api_get
from .test_ui import ZH_QUESTION, ask


def _ids(ui) -> set[str]:
    return set(ui.page.evaluate("window.govgraph.graph.nodes().map(n => n.id())"))


def test_question_draws_its_answers_and_back_restores(ui):
    ui.open()
    before = _ids(ui)
    ask(ui, ZH_QUESTION)
    result = api_get(ui.base, "/ask", q=ZH_QUESTION, k=10)
    answers = {a["id"] for a in result["answers"]}
    assert answers
    passages = list(dict.fromkeys([ev["passage"] for a in result["answers"] for ev in a["evidence"]]
                                  + [h["passage"] for h in result["passages"]]))
    expected = api_get(ui.base, "/answer-graph", ids=",".join(a["id"] for a in result["answers"]),
                       passages=",".join(passages[:200]))
    want = sorted(n["id"] for n in expected["nodes"])
    # the overview may already hold the answers: wait for exactly the answer graph
    ui.page.wait_for_function("(ids) => { const got = window.govgraph.graph.nodes().map(n => n.id()).sort(); "
                              "return got.length === ids.length && got.every((x, i) => x === ids[i]); }", arg=want)
    drawn = _ids(ui)
    assert answers <= drawn
    assert drawn != before and len(drawn) > len(answers)  # the evidence's entities too
    ui.tid("graph-back").click()
    assert _ids(ui) == before
    assert ui.tid("graph-back").is_hidden()
    ui.assert_no_console_errors()


def test_expanding_a_hub_shows_thirty_then_more(ui):
    # the best connected entity of the sample store: a hub with more than 30 neighbours
    hub = api_get(ui.base, "/entities", limit=1)["items"][0]
    first = api_get(ui.base, f"/entities/{hub['id']}/top-neighbours")
    assert first["total"] > 30 and len(first["nodes"]) == 31
    ui.open()
    ui.page.evaluate("(hub) => { window.govgraph.graph.elements().remove(); window.govgraph.ui.graph.add({nodes: [hub], edges: []}); }",
                     hub)
    ui.page.evaluate("(id) => window.govgraph.expand(id)", hub["id"])
    ui.page.wait_for_function("() => window.govgraph.graph.nodes().length > 1")
    assert len(_ids(ui)) == 31
    more = ui.tid("show-more")
    more.wait_for(state="visible")
    more.click()
    ui.page.wait_for_function("() => window.govgraph.graph.nodes().length > 31")
    assert len(_ids(ui)) <= 61
    ui.assert_no_console_errors()
