"""The time view in a real Chromium: series picker, the indicator chart (targets beside results), plans with
their follow-up sentence, and the diff of two years, on a store of a district's three yearly reports.
What the page must show is read from the live API, never hard-coded."""
from __future__ import annotations

import pytest

from tests.conftest import govgraph
from tests.time.reports import write
from tools.serve_process import serve

from .conftest import LAPTOP, _new_ui, api_get

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def time_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("time-ui")
    write(folder / "in")
    govgraph("ingest", str(folder / "in"), "--store", str(folder / "store"), "--no-embed")
    with serve(["--store", str(folder / "store")], log=folder / "serve.log") as app:
        yield app.base


def test_time_view(browser, time_app):
    context, ui = _new_ui(browser, time_app, LAPTOP, "zh-CN")
    try:
        ui.open("/#/time")
        ui.page.wait_for_selector('[data-testid="time-chart"]', timeout=60_000)
        series = api_get(ui.base, "/series")["series"]
        qs = next(s for s in series if s["author"] == "青山区人民政府")
        # the series with most reports is picked first
        assert ui.tid("time-series").input_value() == qs["id"]

        inds = api_get(ui.base, "/indicators", series=qs["id"])["indicators"]
        growth = next(i for i in inds if i["name"] == "地区生产总值增长")
        ui.tid("time-indicator").select_option(growth["id"])
        ui.page.wait_for_selector('[data-testid="bar-target-2022"]')
        for p in growth["points"]:
            bar = ui.tid(f"bar-{p['kind']}-{p['year']}")
            assert bar.count() == 1
            assert float(bar.get_attribute("data-value")) == pytest.approx(
                next(x["value"] for x in growth["points"] if (x["year"], x["kind"]) == (p["year"], p["kind"])))

        ui.tid("time-year").select_option("2022")
        plans = api_get(ui.base, "/plans", series=qs["id"], year=2022)["plans"]
        ui.page.wait_for_function(f"document.querySelectorAll('[data-testid=time-plan]').length === {len(plans)}")
        shown = ui.tid("time-plan")
        statuses = [shown.nth(i).get_attribute("data-status") for i in range(shown.count())]
        assert statuses == [p["status"] for p in plans] and "reported" in statuses
        deliveries = [p["delivery"][0]["text"] for p in plans if p["delivery"]]
        assert ui.tid("plan-delivery").all_inner_texts() == deliveries

        diff = api_get(ui.base, "/diff", a=qs["reports"][0]["id"], b=qs["reports"][1]["id"])
        added_text = ui.tid("diff-added").inner_text()
        for label, items in diff["added"].items():
            assert f"{label} ({len(items)})" in added_text
        ui.shot("time-view.png")

        # the graph view's year filter: the graph shows what GET /subgraph gives for that year, which is
        # not what it gives for every year
        ui.page.goto(ui.base + "/#/graph")
        ui.page.wait_for_function("() => !document.querySelector('[data-testid=graph-loading]')")
        ui.tid("toggle-filters").click()
        year = str(qs["reports"][0]["year"])
        ui.tid("filter-year").select_option(year)
        ui.tid("filter-apply").click()
        ui.page.wait_for_function("() => !document.querySelector('[data-testid=graph-loading]')")
        labels = ui.page.evaluate("Array.from(document.querySelectorAll('[data-testid^=filter-label-]'))"
                                  ".filter(b => b.checked).map(b => b.dataset.testid.slice(13)).join(',')")
        # the other filters as the page holds them (the report picker may start on a report)
        others = {k: ui.tid(f"filter-{k}").input_value() or None for k in ("report", "role")}
        want = {n["id"] for n in api_get(ui.base, "/subgraph", labels=labels, year=year, limit=300, **others)["nodes"]}
        every = {n["id"] for n in api_get(ui.base, "/subgraph", labels=labels, limit=300, **others)["nodes"]}
        shown: set = set()
        for _ in range(60):  # the overlay may not be up yet when the click returns: wait for the answer
            shown = set(ui.page.evaluate("window.govgraph.graph.nodes().map(n => n.id())"))
            if shown == want:
                break
            ui.page.wait_for_timeout(500)
        assert shown == want, (sorted(shown - want)[:5], sorted(want - shown)[:5], labels)
        assert want and want != every
        ui.assert_no_console_errors()
    finally:
        context.close()
