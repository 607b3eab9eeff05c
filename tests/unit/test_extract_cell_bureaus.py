"""Bare short bureaus as the items of a list of responsible units (ingest/extract/cell_bureaus.py), from the
task tables of the 福田 2016 and 2017 reports and the 南山 2017 report (outside the test windows)."""
from tests.unit.extract_mentions import mentions

FUTIAN = "深圳市福田区人民政府"


def agencies(text: str, author: str = FUTIAN) -> set[str]:
    return {n for label, n in mentions(text, author) if label == "Agency"}


def test_cells_and_list_items_are_the_reports_bureaus():
    found = agencies("生社区老年人健康服务\t卫计局牵头，民政局、环水局、公安分局消防大队配合")
    assert {"福田区卫计局", "福田区环水局"} <= found
    assert "福田区科创局" in agencies("三期（151个热点）\t科创局牵头办理\t")


def test_listed_offices_of_a_district():
    found = agencies("成立区企业服务中心、重点办、金融办，让企业少跑腿", "深圳市南山区人民政府")
    assert "深圳市南山区重点办" in found


def test_phrases_ending_in_a_bodys_character_stay_unread():
    assert not agencies("坚持马上就办、产业布局、开创新局，指社区党委牵头搭建共建平台")
