"""Places beyond the gazetteer's divisions (issue 13): world regions, the city's other districts by
their short names, 街道 and 社区 by their head. Sentences from corpus reports outside the gold windows."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions


def places(text: str, author: str) -> set[str]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2023, author), text)
    return {m.name for m in find_mentions(text, 0, ctx) if m.label == "Place"}


def test_world_regions_are_places_but_the_centre_and_east_of_china_is_not():
    # 广东省政府工作报告_2019年
    assert {"南亚", "东南亚"} <= places("进一步密切与南亚、东南亚、太平洋岛国等的交流合作", "广东省人民政府")
    assert "中东" not in places("推动产业向中东部地区梯度转移", "广东省人民政府")


def test_the_citys_other_districts_by_short_name_where_they_stand_alone():
    # 盐田区2020年政府工作报告: 坪山, 大鹏, 龙岗 are 盐田's sibling districts in 深圳
    got = places("探索与香港、坪山、大鹏、龙岗等地共建跨域合作平台", "深圳市盐田区人民政府")
    assert {"坪山区", "大鹏新区", "龙岗区"} <= got
    # but not opening a longer name (a campus, a town): 房山 in 房山校区 of a 北京 report
    assert "房山区" not in places("北京工业大学房山校区投入使用", "北京市东城区人民政府")


def test_subdistricts_and_communities_by_their_head():
    # 003_gzbg-szft-2018.txt
    got = places("梅林街道翰岭社区获评“全国综合减灾示范社区”", "深圳市福田区人民政府")
    assert {"梅林街道", "翰岭社区"} <= got
    assert not any(n.endswith("示范社区") for n in got)


def test_rivers_and_lakes_by_name_but_not_the_deltas_named_after_them():
    # 025_gzbg-anhui-2026.txt, 017_gzbg-guangdong-2024.txt, 024_gzbg-yunnan-2026.txt
    assert "长江" in places("推动共抓长江大保护，深入实施长江流域重点水域十年禁渔", "安徽省人民政府")
    assert {"滇池", "洱海"} <= places("海菜花在滇池、洱海绽放", "云南省人民政府")
    assert "珠江" not in places("推进珠江三角洲水资源配置工程", "广东省人民政府")


def test_openers_jieba_cuts_apart_and_numbered_parks():
    # 2025年政府工作报告 of 罗湖区 (corpus-extra): 做|大|做|强 opens the clause; 第七工业区 is numbered;
    # 建强|罗湖 is the home district, not a lake named 强罗湖
    got = mentions_of("建强罗湖-潮州创享岛，完成第七工业区等提质改造，做大做强国家城市安全发展科技研究院。",
                      "深圳市罗湖区人民政府")
    assert ("Place", "第七工业区") in got and ("Organization", "国家城市安全发展科技研究院") in got
    assert ("Place", "强罗湖") not in got


def mentions_of(text: str, author: str) -> set[tuple[str, str]]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2025, author), text)
    return {(m.label, m.name) for m in find_mentions(text, 0, ctx)}
