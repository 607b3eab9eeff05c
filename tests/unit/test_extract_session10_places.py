"""Session 10 place rules of issue 13 (x13place), written against the dev windows' misses (w69-w71 and the
older dev windows); sentences from corpus reports, the report named per test."""
from govgraph.ingest.structure.meta import read_meta
from tests.unit.extract_mentions import mentions, places


def test_a_clause_opener_glued_to_a_place_is_cut_off():
    # 大鹏新区 2022: jieba reads 加|快乐|高 (快乐 "happy")
    got = places("推进区级文体中心项目前期工作，推动加快乐高乐园、西涌滨海旅游度假区等重大项目建设。",
                 "深圳市大鹏新区管理委员会")
    assert "乐高乐园" in got and "加快乐高乐园" not in got
    # 龙岗区 2018 (对标 is a verb of comparison jieba lacks)
    got = places("对标新加坡、中国香港等先进地区和城市在政务服务上的好做法。", "深圳市龙岗区人民政府")
    assert "新加坡" in got and not any(p.startswith("标") for p in got)


def test_lists_counted_with_two_and_items_that_already_end_in_their_class():
    # 罗湖区 2019: 两大 counts the list like 三大
    got = places("湖贝、蔡屋围两大统筹片区规划审批获重大进展。", "深圳市罗湖区人民政府")
    assert {"湖贝", "蔡屋围"} <= got
    # 龙岗区 2017: 书院 is a school already; the class noun adds no second head
    orgs = {n for label, n in mentions("深圳珊蒂泉外国语学校、伊思顿龙岗书院两所国际化学校顺利开学。",
                                       "深圳市龙岗区人民政府") if label == "Organization"}
    assert "伊思顿龙岗书院" in orgs and "伊思顿龙岗书院学校" not in orgs
    # 南山区 2014
    orgs = {n for label, n in mentions("启动西丽小学、沙河小学、南油小学3所学校“校安工程”。", "深圳市南山区人民政府")
            if label == "Organization"}
    assert not any(n.endswith("小学学校") for n in orgs)


def test_a_counted_place_is_a_kind_unless_a_known_place_names_it():
    # 南山区 2018 (dev window w60's report), 盐田区 2019 (w53's), 福田区 2016 (w55's), 深圳市 2025
    assert "城中村" not in places("在6个城中村开展统租运营试点，发展住房租赁市场。", "深圳市南山区人民政府")
    assert not places("规划布局更多国际陆港，加快平盐铁路改造步伐。", "深圳市盐田区人民政府") & {"国际陆港"}
    assert "城中村" not in places("大力推动城中村及老住宅区消防安全整治。", "深圳市福田区人民政府")
    got = places("建成投用中山、江门2座深圳机场候机楼。", "深圳市人民政府")
    assert "深圳机场" in got


def test_one_name_before_deng_and_a_class_of_places():
    # 龙华区 2021 (dev window w59), 南山区 2018 (w60's report), 国务院 2014; the last one written for the test
    assert "黎光" in places("推动黎光等物流园建设和华南物流园转型升级。", "深圳市宝安区人民政府")
    assert "后海" in places("六大片区建设热潮高涨，加快后海等重点片区开发建设。", "深圳市南山区人民政府")
    assert "地下管网" not in places("推进地下管网等城市基础设施建设。", "深圳市龙华区人民政府")
    assert "棚户区" not in places("加快棚户区等片区改造。", "深圳市龙华区人民政府")


def test_the_last_item_of_a_list_of_places_written_on_into_the_clause():
    # 龙岗区 2014, 福田区 2016 (dev window w55's report); the last one written for the test
    got = places("全力推进沙湾河、同乐河、大康河流域综合整治工程。", "深圳市龙岗区人民政府")
    assert "大康河" in got
    got = places("研究启动治水提质计划，开展新洲河、福田河、凤塘河改造提升。", "深圳市福田区人民政府")
    assert "凤塘河" in got
    # a one-character head making a common word with the name before it is no river (河流)
    assert "沙河流" not in places("推进观澜河、沙河流域治理。", "深圳市龙华区人民政府")


def test_a_title_after_a_place_is_cut_to_the_place():
    # 盐田区 2025, 宝安区 2023; the last one written for the test
    got = places("加快推进沙头角特色消费街区建设。", "深圳市盐田区人民政府")
    assert "沙头角特色消费街区" not in got
    assert not any("世界级" in p for p in places("加快打造世界级临空经济带。", "深圳市宝安区人民政府"))
    # 中国特色社会主义 is one phrase, not a title after 中国
    assert "深圳中国" not in places("建设深圳中国特色社会主义先行示范区。", "深圳市人民政府")


def test_more_heads_and_short_names():
    # 福田区 2014, 宝安区 2019 (dev window w54's report), 大鹏新区 2023 (dev window w69), 福田区 2021
    assert "福田保税区" in places("推进福田保税区转型升级。", "深圳市福田区人民政府")
    assert "新安文体中心" in places("新安文体中心、西乡碧海湾文化艺术中心和石岩体育馆投入使用。", "深圳市宝安区人民政府")
    assert "坪山区" in places("深化与坪山共建粤港澳大湾区生命健康创新示范区。", "深圳市大鹏新区管理委员会")
    assert not any(p.endswith("第一街") for p in places("持续挖掘华强北“中国电子第一街”的潜力。", "深圳市福田区人民政府"))


def test_a_management_committee_titles_its_own_report():
    meta = read_meta("大鹏新区2023年管理委员会工作报告\n各位代表！前进的道路充满希望。\n", "大鹏新区2023年管理委员会工作报告_2023.txt")
    assert meta.author == "大鹏新区管理委员会"
    meta = read_meta("坪山区2023年政府工作报告\n各位代表！\n", "2023年坪山区政府工作报告_2023.txt")
    assert meta.author == "坪山区人民政府"


def test_a_quoted_campaign_is_no_place_a_quoted_new_district_is():
    # 福田区 2017 (dev window w71), 龙华区 2022; 铜梁区 法治政府 2022 (dev window w12)
    assert "花漾街区" not in places("选取重点道路建设“花漾街区”，打造国际一流的街区绿化景观环境。", "深圳市福田区人民政府")
    assert "无讼社区" not in places("我区成功创建3个“无讼社区”。", "深圳市龙华区人民政府")
    assert "大铜新区" in places("为设立“大铜新区”、打造科创新城提供法治保障。", "重庆市铜梁区人民政府")
