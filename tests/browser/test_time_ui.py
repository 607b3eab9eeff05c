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

        # the graph view keeps its year filter
        ui.page.goto(ui.base + "/#/graph")
        ui.tid("toggle-filters").click()
        assert ui.tid("filter-year").count() == 1
        ui.assert_no_console_errors()
    finally:
        context.close()
