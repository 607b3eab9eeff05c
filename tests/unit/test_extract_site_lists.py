"""Sites listed short before 等 and a class of places (ingest/extract/site_lists.py)."""
from govgraph.ingest.extract.mentions import Mention
from govgraph.ingest.extract.site_lists import find_site_lists


def _names(text: str) -> list[str]:
    return [m.surface for m in find_site_lists(text, 0, [])]


def test_villages_listed_before_a_class_of_places_are_places():
    text = "大力推动城市更新，推进沙嘴、上沙、水围、下梅林等城中村改造项目。"
    assert _names(text) == ["沙嘴", "上沙", "水围", "下梅林"]
    assert all(m.label == "Place" and m.props["listed"] == "sites" for m in find_site_lists(text, 100, []))
    assert [(m.start, m.end) for m in find_site_lists(text, 100, [])][0] == (100 + text.index("沙嘴"), 100 + text.index("沙嘴") + 2)


def test_the_clause_opening_verbs_stay_out_of_the_first_name():
    text = "全面升级打造香蜜湖、华强北、车公庙等特色商圈，储备投资项目120个。"
    assert _names(text) == ["华强北", "车公庙"]   # the first item's edge is unclear: left out
    at = text.index("香蜜湖")
    found = [Mention("Place", at, at + 3, "香蜜湖", "香蜜湖")]
    assert [m.surface for m in find_site_lists(text, 0, found)] == ["华强北", "车公庙"]
    assert _names("新开工平山二路、丹梓西路等道路14条。") == ["丹梓西路"]
    assert "吉路" not in _names("开展清吉路、春风路等28条道路品质提升行动。")
    assert _names("加快推进彩田工业区、八卦岭片区、车公庙片区等重点片区规划建设。") == ["彩田工业区", "八卦岭片区", "车公庙片区"]


def test_lists_of_industries_actors_or_one_bare_item_are_not_read():
    assert _names("加快建设智能网联汽车、生物医药与健康、新一代电子信息等三大先进制造业园区。") == []
    assert _names("充分调动社会组织、物业企业、辖区单位等社会力量参与社区治理。") == []
    assert _names("抓好广佛跨界等重污染河流整治。") == []
    assert _names("发展居家养老、用餐、保洁等多样社区服务。") == []
    assert _names("河狸、罗小象等公园IP获得市公园文创大赛奖项。") == []



def test_two_names_joined_by_a_conjunction_are_not_read_as_one():
    assert _names("串联龙岗河及儿童公园、龙城公园、大运公园等六大公园。") == ["龙城公园", "大运公园"]
    assert _names("推动龙城公园、壹方汇和嘉乐道等商圈提升。") == []
