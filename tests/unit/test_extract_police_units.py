"""Public-security and enforcement units named by their place (ingest/extract/police_units.py), from sentences
of corpus reports outside the test windows (宝安 2017, 福田 2014, 罗湖 2021, 龙华 2021 reports)."""
from tests.unit.extract_mentions import mentions

BAOAN = "深圳市宝安区人民政府"


def agencies(text: str, author: str) -> set[str]:
    return {n for label, n in mentions(text, author) if label == "Agency"}


def test_place_service_and_rank_make_a_unit():
    found = agencies("协办：区交通运输局、宝安交警大队、各街道办", BAOAN)
    assert "宝安区交警大队" in found
    assert "宝安区" not in {n for label, n in mentions("协办：宝安交警大队、各街道办", BAOAN) if label == "Place"}


def test_bare_level_opens_a_unit_of_the_reports_district():
    assert "宝安区公安消防大队" in agencies("主办：新安街道办，协办：区公安消防大队）", BAOAN)
    assert "罗湖区文化市场行政执法大队" in agencies("区文化市场行政执法大队荣获第八届全国文化市场综合执法", "深圳市罗湖区人民政府")


def test_station_keeps_the_place_it_was_named_after():
    assert "龙华派出所" in agencies("民新派出所、观澜派出所、龙华派出所、民治派出所", "深圳市龙华区人民政府")


def test_no_unit_without_a_place_or_a_service():
    assert not any(n.endswith("派出所") for n in agencies("打造枫桥式公安派出所，推广试点派出所经验", BAOAN))
    assert not any(n.endswith("大队") for n in agencies("组建宝安大队", BAOAN))
