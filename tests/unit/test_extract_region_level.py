"""自治区 written bare as a body's level in an autonomous region's report (agencies._resolve_prefix and the
lexicon's 党委), from sentences of the 广西 and 西藏 2026 reports outside the test windows."""
from tests.unit.extract_mentions import mentions


def agencies(text: str, author: str) -> set[str]:
    return {n for label, n in mentions(text, author) if label == "Agency"}


def test_region_party_committee_and_bodies():
    found = agencies("一年来，在自治区党委的强力带领下，提请自治区人大常委会审议地方性法规", "广西壮族自治区人民政府")
    assert {"中共广西壮族自治区委员会", "广西壮族自治区人民代表大会常务委员会"} <= found
    assert "西藏自治区人民政府" in agencies("现在，我代表自治区人民政府，向大会报告工作", "西藏自治区人民政府")


def test_region_is_no_district_and_community_party_committees_stay_unread():
    # in a district's report 自治区 names no body of the district
    assert not any(n.startswith("福田区") for n in agencies("按照自治区党委部署", "深圳市福田区人民政府"))
    assert not agencies("由社区党委牵头组织", "深圳市福田区人民政府")
