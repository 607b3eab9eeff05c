"""The comparison view in a real Chromium: reached from an aggregation question's answers, one row
per district, a mark per report opening its sentence, CSV export; no console errors and no request
leaving the server."""
from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from .conftest import api_get

pytestmark = pytest.mark.browser

QUESTION = "哪些区提到法治政府？"


def test_aggregation_answers_open_the_comparison_table(ui, tmp_path):
    outside: list[str] = []
    host = urllib.parse.urlparse(ui.base).netloc
    ui.page.on("request", lambda r: outside.append(r.url)
               if urllib.parse.urlparse(r.url).netloc not in (host, "") and not r.url.startswith(("data:", "blob:"))
               else None)
    ui.open()
    ui.tid("search-input").fill(QUESTION)
    ui.tid("search-submit").click()
    ui.page.wait_for_selector('[data-testid="answers-to-compare"]', timeout=60_000)
    data = api_get(ui.base, "/compare", q=QUESTION)
    assert data["rows"], "the sample reports hold district reports on the topic"

    ui.tid("answers-to-compare").click()
    ui.page.wait_for_selector('[data-testid="compare-table"]', timeout=60_000)
    assert ui.tid("view-compare").is_visible()
    rows = ui.tid("compare-row")
    assert rows.count() == len(data["rows"])
    assert [rows.nth(i).get_attribute("data-name") for i in range(rows.count())] == [r["name"] for r in data["rows"]]
    # one column per year any row has, one mark per report
    years = sorted({y for r in data["rows"] for y in r["years"]})
    assert ui.page.locator('[data-testid="compare-table"] thead th').count() == 2 + len(years)
    assert ui.tid("compare-mark").count() == sum(len(r["evidence"]) for r in data["rows"])

    ui.tid("compare-mark").first.click()
    first = data["rows"][0]["evidence"][0]
    assert ui.tid("compare-sentence").inner_text().strip() == first["text"].strip()
    ui.shot("ui-compare.png")

    with ui.page.expect_download() as dl:
        ui.tid("compare-csv").click()
    path = tmp_path / "compare.csv"
    dl.value.save_as(path)
    table = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    assert len(table) == sum(len(r["evidence"]) for r in data["rows"])
    assert {t["name"] for t in table} == {r["name"] for r in data["rows"]}

    ui.tid("compare-open-report").click()
    ui.page.wait_for_selector('[data-testid="view-report"]:not([hidden])', timeout=30_000)
    assert first["report"] in urllib.parse.unquote(ui.page.url)
    assert not outside, f"requests left the server: {outside}"
    ui.assert_no_console_errors()
