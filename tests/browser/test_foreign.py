"""The foreign-affairs view in a real browser on the sample store (the seed and four work reports):
the world map and the network draw, the year and country filters narrow them, a partner shows its
evidence, no console error, and no request leaves the server."""
from __future__ import annotations

import urllib.parse

from .conftest import api_get


def _requests_stay_home(ui) -> list[str]:
    away: list[str] = []
    host = urllib.parse.urlparse(ui.base).netloc
    ui.page.on("request", lambda r: away.append(r.url) if urllib.parse.urlparse(r.url).netloc not in (host, "")
               and not r.url.startswith(("data:", "blob:")) else None)
    return away


def test_foreign_view_map_network_filters_and_evidence(ui):
    away = _requests_stay_home(ui)
    data = api_get(ui.base, "/foreign")
    meguro = next(r for r in data["ties"] if r["partner"]["name"] == "目黑区" and r["kind"] != "event")
    assert meguro["home"]["name"] == "东城区" and meguro["since"] == 1991 and meguro["partner"]["country"] == "日本"
    seoul = next(r for r in data["ties"] if r["partner"]["name"] == "首尔")
    assert seoul["via"]["name"] == "首尔友谊节" and seoul["partner"]["country"] == "韩国"
    assert "首尔友谊节" in seoul["evidence"]["text"]

    ui.open()
    ui.tid("tab-partners").click()
    ui.page.wait_for_selector('[data-testid="map-point"]')
    points = ui.tid("map-point")
    placed = [r for r in data["ties"] if r["partner"]["lat"] is not None]
    assert points.count() == len(placed)
    assert ui.page.locator('[data-testid="map-point"][data-partner="目黑区"]').count() >= 1
    assert ui.page.locator('[data-testid="map-point"][data-partner="首尔"]').count() >= 1
    ui.page.wait_for_function("() => window.govgraph.foreignNetwork && window.govgraph.foreignNetwork.nodes().length > 0")
    names = ui.page.evaluate("window.govgraph.foreignNetwork.nodes().map(n => n.data('name'))")
    assert "目黑区" in names and "首尔友谊节" in names and "日本" in names  # grouped by country

    # Country filter: only Japan's ties stay on the map and in the table.
    ui.tid("foreign-country").select_option("日本")
    japan = [r for r in placed if r["partner"]["country"] == "日本"]
    assert points.count() == len(japan)
    assert {ui.tid("foreign-row").nth(i).get_attribute("data-partner") for i in range(ui.tid("foreign-row").count())} \
        == {r["partner"]["name"] for r in data["ties"] if r["partner"]["country"] == "日本"}
    ui.tid("foreign-country").select_option("")

    # Year filter: up to 1991 only ties known by then (目黑区 since 1991) remain.
    ui.tid("foreign-year").evaluate("(e) => { e.value = 1991; e.dispatchEvent(new Event('input')); }")
    early = [r for r in placed if not r["year"] or r["year"] <= 1991]
    assert points.count() == len(early) and early
    ui.page.locator('[data-testid="map-point"][data-partner="目黑区"]').first.click()
    evidence = ui.tid("foreign-evidence-text")
    assert "目黑区结好30周年" in evidence.inner_text()

    # The table row of Seoul shows its sentence too.
    ui.tid("foreign-year").evaluate("(e) => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
    ui.page.locator('[data-testid="foreign-row"][data-partner="首尔"]').first.click()
    assert "首尔友谊节" in evidence.inner_text()
    # The table exports as CSV, one row per tie shown, each with its evidence sentence.
    with ui.page.expect_download() as dl:
        ui.tid("foreign-csv").click()
    csv_text = open(dl.value.path(), encoding="utf-8").read()
    lines = csv_text.strip().split("\n")
    assert lines[0].startswith("home,partner,") and len(lines) == 1 + ui.tid("foreign-row").count()
    assert "首尔友谊节" in csv_text and "目黑区结好30周年" in csv_text
    ui.shot("ui-partners.png")
    ui.assert_no_console_errors()
    assert not away, f"requests left the server: {away}"
