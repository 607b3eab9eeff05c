"""The web UI in a real Chromium against the real app on the sample store.

Inputs (which entity to expand, which path to find) are chosen from the live API, never
hard-coded, so the tests follow whatever the extractor finds in the sample reports.
"""
from __future__ import annotations

import re

import pytest

from .conftest import api_get

pytestmark = pytest.mark.browser

ZH_QUESTION = "哪些部门开展了外语标识核查？"
EN_QUESTION = "Which agencies checked foreign-language signage?"


def ask(ui, question: str) -> None:
    ui.tid("search-input").fill(question)
    ui.tid("search-submit").click()
    ui.page.wait_for_selector('[data-testid="answers"], [data-testid="search-error"]', timeout=60_000)


def canvas_point(ui, node_id: str, cy: str = "graph") -> tuple[float, float]:
    """Page coordinates of a node drawn on a Cytoscape canvas."""
    pos = ui.page.evaluate(f"(id) => window.govgraph.{cy}.getElementById(id).renderedPosition()", node_id)
    box = ui.tid("graph-canvas" if cy == "graph" else "partners-canvas").bounding_box()
    return box["x"] + pos["x"], box["y"] + pos["y"]


def test_first_load_draws_the_first_report(ui):
    ui.open()
    reports = api_get(ui.base, "/reports")["items"]
    assert reports, "the sample store has no reports"
    assert ui.tid("filter-report").input_value() == reports[0]["id"]
    assert ui.graph_count("nodes") > 0
    labels = set(ui.page.evaluate("window.govgraph.graph.nodes().map(n => n.data('label'))"))
    for label in labels:  # every label drawn has its legend entry
        assert ui.tid(f"legend-{label}").is_visible()
    assert re.search(r"\d+ 节点", ui.tid("graph-status").inner_text())
    assert ui.tid("store-stats").is_visible()
    ui.page.wait_for_timeout(500)
    ui.shot("ui-graph.png")
    ui.assert_no_console_errors()


def test_chinese_question_answer_panel_and_evidence(ui):
    ui.open()
    ask(ui, ZH_QUESTION)
    data = api_get(ui.base, "/ask", q=ZH_QUESTION, k=10)
    assert data["label"] == "Agency"
    assert "机构" in ui.tid("question-label").inner_text()
    answers = ui.tid("answer-item")
    assert answers.count() == len(data["answers"]) > 0
    names = ui.tid("answer-name").all_inner_texts()
    assert names == [a["name"] for a in data["answers"]]  # ranked as the API ranked them
    assert ui.tid("answer-evidence").count() > 0
    assert ui.tid("passage-item").count() == len(data["passages"]) > 0
    # The matching terms and the sentence carrying them are marked in the passages.
    assert ui.page.locator('[data-testid="passages"] mark.term').count() > 0
    assert ui.page.locator('[data-testid="passages"] [data-testid="hit-sentence"]').count() > 0
    ui.shot("ui-search.png")

    first = data["answers"][0]
    ui.tid("answer-open").first.click()
    ui.page.wait_for_selector('[data-testid="entity-name"]')
    assert ui.tid("entity-name").inner_text() == first["name"]
    entity = api_get(ui.base, f"/entities/{first['id']}")
    assert ui.tid("evidence-item").count() == min(len(entity["evidence"]), 8) > 0
    source = ui.tid("evidence-source").first.inner_text()
    assert entity["evidence"][0]["title"] in source
    # The answer is on the canvas and selected.
    ui.page.wait_for_function("(id) => window.govgraph.graph.$(':selected').map(n => n.id()).includes(id)",
                              arg=first["id"])
    ui.assert_no_console_errors()


def test_english_question(ui):
    ui.open()
    ask(ui, EN_QUESTION)
    data = api_get(ui.base, "/ask", q=EN_QUESTION, k=10)
    assert ui.tid("search-error").count() == 0
    assert ui.tid("answer-item").count() == len(data["answers"])
    assert ui.tid("passage-item").count() == len(data["passages"])
    assert data["passages"], "an English question over Chinese reports found no passage"
    ui.assert_no_console_errors()


def test_neighbour_navigation_from_the_panel(ui):
    ui.open()
    ask(ui, ZH_QUESTION)
    ui.tid("answer-open").first.click()
    ui.page.wait_for_selector('[data-testid="neighbor-item"]')
    neighbour = ui.tid("neighbor-item").first
    target_id = neighbour.get_attribute("data-entity")
    target = api_get(ui.base, f"/entities/{target_id}")
    neighbour.click()
    ui.page.wait_for_function(
        "(name) => document.querySelector('[data-testid=entity-name]')?.textContent === name", arg=target["name"])
    ui.page.wait_for_function("(id) => window.govgraph.graph.getElementById(id).nonempty()", arg=target_id)
    ui.assert_no_console_errors()


def test_double_click_expands_a_node(ui):
    ui.open()
    ask(ui, ZH_QUESTION)
    ui.tid("answers-to-graph").click()
    answer_ids = [a["id"] for a in api_get(ui.base, "/ask", q=ZH_QUESTION, k=10)["answers"]]
    # the answers and the entities of their evidence are drawn (tests/browser/test_answer_graph.py)
    ui.page.wait_for_function("(ids) => ids.every(i => window.govgraph.graph.getElementById(i).nonempty())",
                              arg=answer_ids)
    ui.page.wait_for_timeout(800)  # let the layout settle before aiming at the node
    drawn = set(ui.page.evaluate("window.govgraph.graph.nodes().map(n => n.id())"))
    # Expand the answer with the fewest (but some) of its 30 best-attested neighbours not drawn yet.
    def outside(eid):
        sub = api_get(ui.base, f"/entities/{eid}/top-neighbours")
        return len({n["id"] for n in sub["nodes"]} - drawn)
    counts = {a: outside(a) for a in answer_ids}
    expandable = [a for a in answer_ids if counts[a] > 0]
    assert expandable, "no answer has neighbours outside the graph"
    node_id = min(expandable, key=counts.get)
    before = ui.graph_count("nodes")
    # the answer graph is larger than the answers alone: aim only once its layout has come to rest
    last = None
    for _ in range(40):
        point = canvas_point(ui, node_id)
        if point == last:
            break
        last = point
        ui.page.wait_for_timeout(250)
    # bring the node to the middle, large enough that no neighbour sits under the pointer
    ui.page.evaluate("(id) => { const cy = window.govgraph.graph; cy.zoom(2); cy.center(cy.getElementById(id)); }", node_id)
    x, y = canvas_point(ui, node_id)
    ui.page.mouse.dblclick(x, y)
    ui.page.wait_for_function("(n) => window.govgraph.graph.nodes().length > n", arg=before)
    assert ui.graph_count("nodes") == before + counts[node_id]
    assert ui.page.evaluate("(id) => window.govgraph.graph.getElementById(id).degree() > 0", node_id)
    ui.assert_no_console_errors()


def test_language_switch_changes_labels_and_persists(ui):
    ui.open()
    assert ui.tid("tab-graph").inner_text() == "图谱"
    zh_placeholder = ui.tid("search-input").get_attribute("placeholder")
    ui.tid("lang-toggle").click()
    assert ui.tid("tab-graph").inner_text() == "Graph"
    assert ui.tid("tab-partners").inner_text() == "Partner network"
    assert ui.tid("search-input").get_attribute("placeholder") != zh_placeholder
    assert ui.page.evaluate("document.documentElement.lang") == "en"
    assert "Legend" in ui.tid("graph-legend").inner_text()
    ui.page.reload()
    ui.page.wait_for_selector("body[data-ready=true]")
    assert ui.tid("tab-graph").inner_text() == "Graph"  # kept in localStorage
    ui.tid("lang-toggle").click()
    assert ui.tid("tab-graph").inner_text() == "图谱"
    ui.assert_no_console_errors()


def test_report_view_marks_entities(ui):
    ui.open()
    ui.tid("tab-reports").click()
    ui.page.wait_for_selector('[data-testid="report-title"]')
    report_id = ui.tid("report-select").input_value()
    report = api_get(ui.base, f"/reports/{report_id}")
    assert ui.tid("report-title").inner_text() == (report["title"] or report["file"])
    assert ui.tid("report-passage").count() == len(report["passages"]) > 0
    marks = ui.tid("entity-mark")
    assert report["mentions"] and marks.count() > 0
    assert marks.count() <= len(report["mentions"])
    mark = marks.first
    entity_id = mark.get_attribute("data-entity")
    assert entity_id in {m["entity"] for m in report["mentions"]}
    ui.shot("ui-report.png")
    mark.click()
    entity = api_get(ui.base, f"/entities/{entity_id}")
    ui.page.wait_for_function(
        "(name) => document.querySelector('[data-testid=entity-name]')?.textContent === name", arg=entity["name"])
    ui.assert_no_console_errors()


def test_passage_link_opens_the_report_at_the_passage(ui):
    ui.open()
    ask(ui, ZH_QUESTION)
    hit = api_get(ui.base, "/ask", q=ZH_QUESTION, k=10)["passages"][0]
    ui.tid("passage-open-report").first.click()
    focused = ui.page.locator(".rp.focused")
    focused.wait_for()
    assert focused.get_attribute("data-passage") == hit["passage"]
    assert ui.tid("report-select").input_value() == hit["report"]
    ui.assert_no_console_errors()


def test_path_finder(ui):
    ui.open()
    # A two-step chain A - B - C from the live graph.
    ask(ui, ZH_QUESTION)
    start = api_get(ui.base, "/ask", q=ZH_QUESTION, k=10)["answers"][0]
    first = api_get(ui.base, f"/entities/{start['id']}")
    chain = None
    for items in first["neighbors"].values():
        for b in items:
            nb = api_get(ui.base, f"/entities/{b['id']}")
            for items2 in nb["neighbors"].values():
                for c in items2:
                    if c["id"] not in (start["id"], b["id"]):
                        chain = c
                        break
                if chain: break
            if chain: break
        if chain: break
    assert chain, "no two-step chain around the first answer"

    ui.tid("answer-open").first.click()
    ui.tid("entity-path-from").click()
    assert ui.tid("paths-panel").is_visible()
    assert ui.tid("path-source").input_value() == start["name"]
    ui.tid("path-target").fill(chain["name"])
    option = ui.page.locator('[data-testid="path-target-options"] [data-testid="picker-option"]')
    option.first.wait_for()
    option.filter(has_text=chain["name"]).first.click()
    ui.tid("path-find").click()
    ui.tid("path-count").wait_for(state="attached")
    assert re.match(r"\d+ 条路径", ui.tid("path-count").text_content())
    ui.page.wait_for_function("(id) => window.govgraph.graph.getElementById(id).nonempty()", arg=chain["id"])
    assert ui.graph_count("nodes") >= 2
    assert start["id"] in ui.page.evaluate("window.govgraph.graph.nodes().map(n => n.id())")
    ui.assert_no_console_errors()


def test_export_png_downloads_an_image(ui, tmp_path):
    ui.open()
    with ui.page.expect_download() as info:
        ui.tid("export-png").click()
    download = info.value
    assert download.suggested_filename.endswith(".png")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    ui.assert_no_console_errors()


def test_filters_drive_the_subgraph(ui):
    ui.open()
    ui.tid("toggle-filters").click()
    for label in ["Agency", "Organization", "Person", "Place", "Policy", "Measure", "Event"]:
        if label != "Agency":
            ui.tid(f"filter-label-{label}").uncheck()
    ui.tid("filter-apply").click()
    ui.page.wait_for_function("() => !document.querySelector('[data-testid=graph-loading]')")
    labels = set(ui.page.evaluate("window.govgraph.graph.nodes().map(n => n.data('label'))"))
    assert labels <= {"Agency"}
    ui.assert_no_console_errors()


def test_problem_json_errors_are_shown_politely(ui):
    ui.open()
    ui.page.goto(ui.base + "/#/report/no-such-report")
    box = ui.tid("report-error")
    box.wait_for()
    text = box.inner_text()
    assert text.strip() and "Traceback" not in text
    # The 404 itself is logged by the browser; nothing else may be.
    ui.assert_no_console_errors(allow=("status of 404",))


def test_phone_layout(phone_ui):
    ui = phone_ui
    ui.open()
    canvas = ui.tid("graph-canvas").bounding_box()
    assert canvas["width"] <= 390 and canvas["height"] > 250
    results = ui.tid("results-pane").bounding_box()
    assert results["y"] >= canvas["y"] + canvas["height"] - 1  # stacked under the canvas
    width = ui.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the page scrolls sideways on a phone"
    ask(ui, ZH_QUESTION)
    ui.tid("answer-open").first.click()
    panel = ui.tid("entity-panel")
    panel.wait_for()
    assert panel.bounding_box()["width"] <= 390
    ui.shot("ui-phone.png")
    ui.assert_no_console_errors()


def test_clicking_an_edge_shows_its_evidence(ui):
    ui.open()
    ui.page.wait_for_timeout(800)  # let the layout settle before aiming
    # Aim at edge midpoints that no node covers, as a reader would.
    candidates = ui.page.evaluate("""() => {
        const cy = window.govgraph.graph;
        const free = (p) => cy.nodes().every(n => {
            const q = n.renderedPosition(); return Math.hypot(q.x - p.x, q.y - p.y) > n.renderedWidth() + 6; });
        return cy.edges().map(e => ({id: e.id(), type: e.data('type'), p: e.renderedMidpoint()}))
                 .filter(e => free(e.p)).slice(0, 5);
    }""")
    assert candidates, "no edge could be clicked clear of nodes"
    box = ui.tid("graph-canvas").bounding_box()
    for edge in candidates:
        ui.page.mouse.click(box["x"] + edge["p"]["x"], box["y"] + edge["p"]["y"])
        if ui.tid("edge-title").count():
            break
    assert ui.tid("edge-title").is_visible()
    assert ui.tid("edge-evidence").is_visible()
    assert ui.tid("edge-end").count() == 2
    ui.assert_no_console_errors()


def test_a_text_answer_opens_where_the_report_writes_it(ui):
    # 「依托虾皮、九米等头部企业」 (Nanshan 2023): no entity holds either name, so the answers are spans
    # of the text (entity: false); opening one shows its report at that passage, not an entity panel.
    question = "南山区依托哪些头部企业发展跨境电商？"
    data = api_get(ui.base, "/ask", q=question, k=10)
    spans = [i for i, a in enumerate(data["answers"]) if a["entity"] is False]
    assert spans, data["answers"]
    ui.open()
    ask(ui, question)
    first = data["answers"][spans[0]]
    ui.tid("answer-open").nth(spans[0]).click()
    ui.page.wait_for_selector('[data-testid="report-title"]')
    assert f"#/report/{first['evidence'][0]['report']}" in ui.page.url
    focused = ui.page.locator('[data-testid="report-passage"].focused')
    assert focused.count() == 1 and first["name"] in focused.inner_text()
    assert ui.tid("entity-name").count() == 0 or not ui.tid("entity-name").is_visible()
    ui.assert_no_console_errors()
