"""Session 12 place rules of issue 13 (x16place), each written from a class of Chinese place naming; sentences
from corpus reports that are in no test window (file named per test)."""
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, find_mentions


def mentions(text: str, author: str = "深圳市人民政府") -> set[tuple[str, str]]:
    ctx = build_context(ReportInfo("r1", "t", "f.txt", "x", 2021, author), text)
    return {(m.label, m.name) for m in find_mentions(text, 0, ctx)}


def places(text: str, author: str = "深圳市人民政府") -> set[str]:
    return {n for label, n in mentions(text, author) if label == "Place"}


def test_a_bare_name_among_listed_places_is_a_place():
    # 大鹏新区2017年管委会工作报告_2017.txt (dev window w82's report)
    got = places("加快推进葵涌、大鹏、南澳、坝光、西涌等直升机停机坪规划建设。", "大鹏新区管理委员会")
    assert "坝光" in got
    # the same report: rivers whose siblings the shaped finder took (新|大 河: two characters jieba reads apart)
    assert "新大河" in places("加快鹏城河、南澳河、新大河、乌泥河等10条河道综合整治项目建设。", "大鹏新区管理委员会")
    # 017_gzbg-guangdong-2024.txt: a middle item
    assert "南沙" in places("把横琴、前海、南沙、河套这几个龙头舞起来。", "广东省人民政府")


def test_a_list_item_glued_to_its_head_or_a_list_of_other_things_adds_nothing():
    # 深圳市宝安区…第九次会议上作政府工作报告_2016.txt: 咸水涌 is one river, 咸水 no place of its own
    got = places("做好新圳河、西乡河、咸水涌水质改善试验项目第一阶段工作。", "深圳市宝安区人民政府")
    assert "咸水" not in got
    # 广东省政府工作报告_2019年.txt: 太平洋岛国 is a kind of country, not the ocean
    assert "太平洋" not in places("进一步密切与南亚、东南亚、太平洋岛国等的交流合作。", "广东省人民政府")
    # firms listed after one place: fewer than two places vouch for the list
    got = places("支持深圳、华为、腾讯等企业发展。")
    assert not {"华为", "腾讯"} & got


def test_tunnels_old_market_towns_and_themed_streets_by_their_head():
    # 2014年南山区政府工作报告_2014.txt
    assert "大南山隧道" in places("推动桂庙路快速化改造和大南山隧道前期工作。", "深圳市南山区人民政府")
    # 2024年龙华区二届人大四次会议政府工作报告_2024.txt
    assert "观澜古墟" in places("观澜古墟成为全市商埠领域唯一入选大湾区文化遗产游径的项目。", "深圳市龙华区人民政府")
    # a modifier of common words before the head names a kind: 新建隧道, 特色风情街
    got = places("打造特色风情街，新建隧道2条。")
    assert not any(p.endswith(("风情街", "隧道")) for p in got)


def test_a_known_place_and_one_common_noun_open_a_name():
    # 011_gzbg-szgm-2025.txt: 光明 is a common noun to jieba, 法务 another; the district opens the name
    assert "光明法务大厦" in places("光明法务大厦正式启用，落地外国律所代表机构。", "深圳市光明区人民政府")
    # a verb after the place names nothing: 光明|改造|片区 is no name
    assert not any(p.endswith("片区") for p in places("推进光明改造片区建设。", "深圳市光明区人民政府"))


def test_a_lower_division_right_after_its_place():
    # 030_gzbg-xizang-2026.txt (dev window w21's report, another sentence)
    assert "嘎拉村" in places("给林芝市嘎拉村全体村民回信。", "西藏自治区人民政府")
    # 深圳市政府工作报告_2023年.txt (dev window w02's report, another sentence)
    assert "大安村" in places("深汕合作区大安村入选中国美丽休闲乡村。")
    # 光明新区2016年政府工作报告_2016.txt: the chain runs on from a community to its village
    assert "红坳村" in places("加快凤凰社区红坳村整体搬迁的可行性研究。", "深圳市光明新区管理委员会")
    # 广东省政府工作报告_2021年.txt (dev window w65's report): a port keeps its city in its name
    got = mentions("推进揭惠、茂名博贺港等货运铁路建设。", "广东省人民政府")
    assert ("Place", "茂名博贺港") in got


def test_a_designation_or_a_phrase_after_a_place_is_no_division():
    # 龙岗区2014年政府工作报告_2014.txt: a title conferred on communities
    assert "宜居社区" not in places("创建10个广东省宜居社区，提高社区宜居水平。", "深圳市龙岗区人民政府")
    # a common word closing the name (城镇) and a count before the head name nothing
    assert not any(p.endswith("镇") for p in places("推进中西部地区就近城镇化，支持全市各镇发展。"))
