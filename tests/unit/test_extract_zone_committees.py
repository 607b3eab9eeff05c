"""A new area's Party working committee and management committee (ingest/extract/zone_committees.py), from
sentences of the 大鹏, 坪山 and 光明 new areas' reports outside the test windows."""
from tests.unit.extract_mentions import mentions

DAPENG = "深圳市大鹏新区管理委员会"


def agencies(text: str, author: str) -> set[str]:
    return {n for label, n in mentions(text, author) if label == "Agency"}


def test_bare_new_area_bodies_are_the_reports_own():
    found = agencies("认真贯彻落实市委市政府和新区党工委各项决策部署。今年新区管委会工作的总体要求是", DAPENG)
    assert {"中共大鹏新区工作委员会", "大鹏新区管理委员会"} <= found


def test_zone_name_before_party_committee():
    assert "中共大鹏新区工作委员会" in agencies("在市委市政府和大鹏新区党工委的坚强领导下", DAPENG)


def test_new_area_read_from_the_author_when_the_report_has_no_place():
    # the 2016 坪山新区 report: its author names the new area, the gazetteer gives it no district
    found = agencies("15年，在市委、市政府和新区党工委的坚强领导下，新区管委会按照市第六次党代会部署", "坪山新区管委会")
    assert {"中共坪山新区工作委员会", "坪山新区管理委员会"} <= found


def test_listed_management_committee_shares_the_zone():
    found = agencies("受华楠书记委托，我代表新区党工委、管委会向大会报告工作", "光明新区人民政府")
    assert {"中共光明新区工作委员会", "光明新区管理委员会"} <= found


def test_no_body_outside_a_new_areas_report_or_inside_another_word():
    assert not any("新区" in n for n in agencies("在市委市政府和新区党工委的正确领导下", "深圳市南山区人民政府"))
    assert not any("工作委员会" in n for n in agencies("建设高新区管委会大楼", DAPENG))
