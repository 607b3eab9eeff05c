"""政协 written bare after its place's people's congress (ingest/extract/listed_councils.py), from sentences of
the 福田 2018, 龙岗 2017 and 大鹏 2022 reports outside the test windows."""
from tests.unit.extract_mentions import mentions


def agencies(text: str, author: str) -> set[str]:
    return {n for label, n in mentions(text, author) if label == "Agency"}


def test_conference_shares_the_congress_place():
    assert "福田区政治协商会议" in agencies("在区委正确领导下，在区人大、政协的监督支持下", "深圳市福田区人民政府")
    assert "龙岗区政治协商会议" in agencies("是区人大和政协大力支持、有效监督的结果", "深圳市龙岗区人民政府")
    assert "龙岗区政治协商会议" in agencies("在龙岗区人大、政协的监督支持下", "深圳市大鹏新区管理委员会")


def test_members_and_motions_are_no_conference():
    found = agencies("感谢各位人大代表、政协委员，办理人大代表建议和政协提案", "深圳市福田区人民政府")
    assert not any(n.endswith("政治协商会议") for n in found)
