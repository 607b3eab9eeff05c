"""Places, meetings, documents and events of issue 13's fifth session: named territories (the convention that
economic regions and zones are Places), roads with a number or direction, a city's subdistricts by short
name, meetings by their term numbers, plans named by a quoted term or between 完成 and 编制, kinds of
events. Sentences from corpus reports outside the gold windows."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions


def mentions(text: str, author: str, label: str) -> set[str]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2023, author), text)
    found = find_mentions(text, 0, ctx)
    return {n for m in found if m.label == label for n in (m.name, m.surface)}


def test_economic_regions_are_places():
    # 027_gzbg-fujian-2026.txt
    got = mentions("深度对接长三角一体化发展、长江经济带发展、粤港澳大湾区建设", "福建省人民政府", "Place")
    assert {"长江三角洲", "长江经济带", "粤港澳大湾区"} <= got


def test_roads_with_a_direction_before_the_head():
    # 2018年南山区政府工作报告
    got = mentions("做好桂庙路、望海路、沙河西路、月亮湾大道等道路建设", "深圳市南山区人民政府", "Place")
    assert "沙河西路" in got
    assert not any(n.endswith("道路") for n in got)


def test_a_district_named_by_location_words_needs_its_city_in_view():
    # 2016年10月罗湖区政府工作报告: an old town, not 洛阳's 老城区
    assert not mentions("老城区基础设施欠账较多，交通拥堵问题突出", "深圳市罗湖区人民政府", "Place")


def test_subdistricts_by_short_name_where_they_stand_alone():
    # 2021年龙华区二届人大一次会议政府工作报告: 西丽 and 坂田 are subdistricts of 南山 and 龙岗
    got = mentions("主动链接前海、光明、西丽、坂田、福田等周边区域优质资源", "深圳市龙华区人民政府", "Place")
    assert {"西丽街道", "坂田街道"} <= got


def test_meetings_by_their_term_numbers():
    # 2016年10月罗湖区政府工作报告
    assert "区第七届党代会" in mentions("区第七届党代会提出了“全面振兴发展”", "深圳市罗湖区人民政府", "Event")


def test_a_plan_named_by_a_quoted_term_after_an_implementing_verb():
    # 国务院政府工作报告_2016年; a weak document word alone after 落实 is still no title
    assert any("互联网+" in n for n in mentions("落实“互联网+”行动计划", "国务院", "Policy"))
    assert not mentions("落实常态化疫情防控措施", "国务院", "Policy")


def test_a_plan_between_its_completion_and_drafting():
    # 光明新区2017年工作报告; 广东省政府工作报告_2023年: a plan of a kind names no document
    assert "华侨城光明小镇片区规划" in mentions("完成华侨城光明小镇片区规划编制", "深圳市光明区人民政府", "Policy")
    assert not mentions("完成市县国土空间规划编制", "广东省人民政府", "Policy")


def test_events_of_a_kind_are_no_named_event():
    # 深圳市宝安区2017年政府工作报告
    assert not mentions("举办各类公益招聘会140场", "深圳市宝安区人民政府", "Event")
