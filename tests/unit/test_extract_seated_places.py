"""Places named with the nation and their seat in brackets (ingest/extract/seated_places.py)."""
from govgraph.ingest.extract.mentions import Mention
from govgraph.ingest.extract.seated_places import find_seated_places


def test_a_place_after_the_nation_and_its_seat_takes_them_in():
    text = "抓好中国（深圳）新媒体广告产业园、深圳文化创意园的运营。"
    at = text.index("新媒体")
    found = [Mention("Place", 10 + at, 10 + at + 8, "新媒体广告产业园", "新媒体广告产业园")]
    out = find_seated_places(text, 10, found)
    assert [(m.surface, m.start, m.label) for m in out] == [("中国（深圳）新媒体广告产业园", 10 + text.index("中国"), "Place")]


def test_a_zone_of_a_generic_kind_is_a_name_only_with_its_seat():
    assert [m.surface for m in find_seated_places("中国（广东）自由贸易试验区获国家批准。", 0, [])] == ["中国（广东）自由贸易试验区"]
    assert find_seated_places("建设自由贸易试验区。", 0, []) == []
    assert find_seated_places("中国（广东）国际创新大会成功举办。", 0, []) == []   # no place after the prefix
    assert find_seated_places("中国（某某）自由贸易试验区", 0, []) == []   # the seat must be a known place
