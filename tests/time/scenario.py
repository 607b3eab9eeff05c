"""The time scenario run against any store: the same assertions for the embedded store and Neo4j."""
from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.graph.time import NotFound, diff_view, indicators_view, plans_view, series_view, timeline_view
from govgraph.ingest.pipeline import build_batch

from .reports import LATER, write


def load(store, folder: Path, files=None) -> dict[str, str]:
    """Ingest the scenario's reports; file name -> report id."""
    ids = {}
    for p in write(folder, files) if files else write(folder):
        b = build_batch(p)
        store.put_batch(b)
        ids[p.name] = b.report.id
    return ids


def _plans(store, series: str, year: int) -> dict[str, dict]:
    return {p["text"]: p for p in plans_view(store, series=series, year=year)["plans"]}


def check_series(store) -> str:
    res = series_view(store)
    by_author = {s["author"]: s for s in res["series"]}
    qs = by_author["青山区人民政府"]
    # The new area's report joins the district's series: the district's report names its founding.
    assert [r["year"] for r in qs["reports"]] == [2022, 2023]
    assert set(qs["places"]) == {"青山新区", "青山区"}
    assert [r["file"] for r in by_author["白水县人民政府"]["reports"]] == ["2023年白水县政府工作报告.txt"]
    assert [u["file"] for u in res["unplaced"]] == ["青山区街道工作总结.txt"]
    assert "no year" in res["unplaced"][0]["reason"]
    return qs["id"]


def check_indicators(store, sid: str) -> None:
    inds = {i["name"]: i for i in indicators_view(store, series=sid)["indicators"]}
    growth = inds["地区生产总值增长"]
    assert growth["unit"] == "%" and growth["series"] == sid
    pts = {(p["year"], p["kind"]): p for p in growth["points"]}
    assert pts[(2022, "target")]["value"] == 7.0 and pts[(2022, "target")]["approx"] is True
    assert pts[(2022, "actual")]["value"] == 7.5 and pts[(2021, "actual")]["value"] == 8.2
    level = {p["year"]: p["value"] for p in inds["地区生产总值"]["points"]}
    assert level == {2021: 50050000000.0, 2022: 54000000000.0}
    for i in inds.values():
        for p in i["points"]:
            assert p["text"] and p["end"] > p["start"] and p["report"] and p["file"]
    only = indicators_view(store, series=sid, q="一般公共预算")["indicators"]
    assert only and all("一般公共预算" in i["name"] for i in only)


def check_plans(store, sid: str) -> None:
    plans = _plans(store, sid, 2022)
    wetland = plans["加快青山湖湿地公园建设，完成湖岸生态修复工程。"]
    assert wetland["status"] == "reported"
    assert wetland["delivery"][0]["text"].startswith("青山湖湿地公园建成开园")
    assert wetland["delivery"][0]["file"] == "2023年青山区政府工作报告.txt"
    assert plans["推进智慧停车平台建设，新增公共停车位1000个。"]["status"] == "not_reported"
    assert plans["推进智慧停车平台建设，新增公共停车位1000个。"]["delivery"] == []
    # The latest year has no later report yet; a one-report series is pending too, not an error.
    assert {p["status"] for p in _plans(store, sid, 2023).values()} == {"pending"}
    assert {p["status"] for p in plans_view(store, series="白水县")["plans"]} == {"pending"}


def check_incremental(store, sid: str, folder: Path, ids: dict[str, str]) -> None:
    """Adding the next year links the pending plans; removing a report unlinks what it supported."""
    ids.update(load(store, folder, LATER))
    gym = _plans(store, sid, 2023)["启动青山体育中心建设，推动青山体育中心主体工程开工。"]
    assert gym["status"] == "reported" and gym["delivery"][0]["file"] == "2024年青山区政府工作报告.txt"
    assert _plans(store, sid, 2022)["加快青山湖湿地公园建设，完成湖岸生态修复工程。"]["status"] == "reported"
    store.remove_report(ids["2023年青山区政府工作报告.txt"])
    # Without the 2023 report (the one that named the founding) the new area's 2022 report stands alone
    # again, and its plans have no review to be followed into.
    after = {s["places"][0]: s for s in series_view(store)["series"]}
    assert [r["year"] for r in after["青山新区"]["reports"]] == [2022]
    assert [r["year"] for r in after["青山区"]["reports"]] == [2024]
    plans = _plans(store, after["青山新区"]["id"], 2022)
    assert plans and {p["status"] for p in plans.values()} == {"pending"}


def check_diff_and_timeline(store, ids: dict[str, str]) -> None:
    a, b = ids["2022年青山新区管委会工作报告.txt"], ids["2023年青山区政府工作报告.txt"]
    d = diff_view(store, "2022年青山新区管委会工作报告.txt", b)
    assert d["a"]["id"] == a and d["b"]["id"] == b
    added = {x["name"] for xs in d["added"].values() for x in xs}
    dropped = {x["name"] for xs in d["dropped"].values() for x in xs}
    kept = {x["name"] for xs in d["kept"].values() for x in xs}
    assert not (added & dropped) and not (added & kept)
    assert "Indicator" not in d["added"] and "Plan" not in d["kept"]
    assert kept, "both reports name the district's places and projects"
    some = next(x for xs in d["kept"].values() for x in xs)
    t = timeline_view(store, some["id"])
    assert t["entity"]["id"] == some["id"]
    assert [p["year"] for p in t["points"]] == [2022, 2023]
    for p in t["points"]:
        assert p["mentions"] == len(p["evidence"]) >= 1 and p["evidence"][0]["report"] == p["report"]


def check_not_found(store) -> None:
    for call in (lambda: indicators_view(store, series="nowhere"), lambda: plans_view(store, series="nowhere"),
                 lambda: diff_view(store, "missing.txt", "also-missing.txt"),
                 lambda: timeline_view(store, "place-0000000000000000")):
        with pytest.raises(NotFound):
            call()


def check_all(store, tmp_path: Path) -> None:
    """The whole scenario on one store: load, series, indicators, plans, diff and timeline, not-found
    answers, and an incremental later report (each store's test runs exactly this)."""
    ids = load(store, tmp_path / "in")
    sid = check_series(store)
    check_indicators(store, sid)
    check_plans(store, sid)
    check_diff_and_timeline(store, ids)
    check_not_found(store)
    check_incremental(store, sid, tmp_path / "later", ids)
