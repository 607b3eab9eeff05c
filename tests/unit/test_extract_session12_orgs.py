"""Session 12 (x16org, issue 13): a parent placed before a district's short name or a lab's unit
(placed_units.py), one firm alone before 等 and a class of firms (single_firms.py), lists of platforms
(org_lists.py), the nation before two joined fields (joined_fields.py). Sentences from corpus reports
outside the gold windows (file named per test) unless marked made-up."""
from govgraph.ingest.extract.placed_units import placed_parent
from govgraph.ingest.extract.rules.structure import nested_units
from tests.unit.extract_mentions import BAOAN, GUANGMING, LONGGANG, NANSHAN, PINGSHAN, YANTIAN, names_of
from tests.unit.test_extract_relation_rules import context, triples


def test_a_districts_short_name_ends_the_parent():
    # 龙岗区2017年政府工作报告_2017.txt
    s = context("深圳大学龙岗创新研究院成功落户，新开通3列国际创新创业直通车。", LONGGANG)
    assert ("深圳大学龙岗创新研究院", "PART_OF", "深圳大学") in triples(nested_units, s)
    # 龙岗区2023年政府工作报告_2023.txt: a campus named by the district in brackets
    s = context("北京中医药大学深圳医院（龙岗）园山院区开业。", LONGGANG)
    assert ("北京中医药大学深圳医院（龙岗）", "PART_OF", "北京中医药大学深圳医院") in triples(nested_units, s)


def test_a_common_word_is_no_districts_short_name():
    # 光明 is a common word (jieba 1219): 南科大光明高等研究院 gets no parent from it; 创新 is no place
    assert placed_parent("南科大光明高等研究院") is None
    assert placed_parent("深圳大学创新研究院") is None


def test_a_lab_places_its_units():
    # 2020年坪山区政府工作报告_2020.txt
    s = context("清华大学超滑技术研究所、深圳湾实验室坪山转化中心等落户。", PINGSHAN)
    assert ("深圳湾实验室坪山转化中心", "PART_OF", "深圳湾实验室") in triples(nested_units, s)


def test_one_firm_alone_before_a_class_of_firms():
    # 2022年光明区政府工作报告_2022.txt, 2018年坪山区政府工作报告_2018.txt, 盐田区2025年政府工作报告_2025.txt
    assert "联影" in names_of(context("加速壮大高端医疗器械产业集群，推动联影等重点企业落户；", GUANGMING), "Organization")
    assert "联懋" in names_of(context("完成联懋等25家企业注册地迁入，新增上市公司5家。", PINGSHAN), "Organization")
    assert "畅思得" in names_of(context("支持畅思得等企业做大规模，积极拓展汽车零部件保税再制造等产业。", YANTIAN),
                           "Organization")


def test_a_class_of_firms_is_no_firm():
    # 深圳市宝安区…第六届人民代表大会…政府工作报告: 规上国高 (规模以上 and 国家高新技术企业); made-up: 专精特新, 优质企业
    s = context("工业互联网生态形成，规上国高等一大批工业企业融入工业互联网。", BAOAN)
    assert "规上国高" not in names_of(s, "Organization")
    s = context("推动专精特新等企业发展，引导优质企业等企业增资扩产。", BAOAN)
    assert not names_of(s, "Organization") & {"专精特新", "优质企业"}


def test_a_single_site_before_projects_is_no_firm():
    # firm_lists' rule stands: before 等…项目 a bare short name may be a site (made-up, after 田头等项目)
    s = context("推动田头等项目建设。", PINGSHAN)
    assert "田头" not in names_of(s, "Organization")


def test_firms_listed_before_a_class_of_platforms():
    # 2025年南山区政府工作报告_2025.txt (w84, a dev window: written after its first score)
    s = context("支持抖音、阿里、京东等重点电商平台扩大业务种类和覆盖范围。", NANSHAN)
    assert {"抖音", "阿里"} <= names_of(s, "Organization")
    # made-up contrast: no known firm among the items, no firm
    s = context("建设工业互联网、大数据等公共平台。", NANSHAN)
    assert not names_of(s, "Organization") & {"工业互联网", "大数据"}


def test_the_nation_before_two_joined_fields_belongs_to_the_name():
    # 2024年光明区政府工作报告_2024.txt
    s = context("争取国家智能传感器创新中心、中国传感器与物联网产业联盟在光明设立分支机构。", GUANGMING)
    assert "中国传感器与物联网产业联盟" in names_of(s, "Organization")
    assert "传感器与物联网产业联盟" not in names_of(s, "Organization")


def test_coined_brands_in_lists_of_firms():
    # 深圳市宝安区…第六届人民代表大会…政府工作报告 (姚任): a list ending in 等企业, opened by the clause's verb
    s = context("为优质企业精准配置产业空间，落实臻鼎科技、长盈精密、帝晶光电、德昌电机等一批重点企业的用地需求。", BAOAN)
    assert {"长盈精密", "臻鼎科技", "帝晶光电"} <= names_of(s, "Organization")
    # 2022年光明区政府工作报告_2022.txt: a list of projects with a count
    s = context("释放深港澳科技成果转移转化基地效能，引进上德数据、华拓半导体等17个港澳项目。", GUANGMING)
    assert "华拓半导体" in names_of(s, "Organization")


def test_a_coined_pair_outside_a_list_of_firms_is_no_firm():
    # 027_gzbg-fujian-2026.txt: a list of fields; 2025年坪山区政府工作报告_2025.txt: a verb before a trade;
    # 014_gzbg-shenzhen-2025.txt: 投|硬科技
    s = context("大力发展新型电池、生物制造、绿色氢能、具身智能等。", PINGSHAN)
    assert "具身智能" not in names_of(s, "Organization")
    s = context("提振汽车、家电、家装等大宗消费，推动比亚迪海洋网开业。", PINGSHAN)
    assert "提振汽车" not in names_of(s, "Organization")
    s = context("鼓励发展长期资本、耐心资本、大胆资本，支持投早、投小、投长期、投硬科技。", PINGSHAN)
    assert "投硬科技" not in names_of(s, "Organization")


def test_two_firms_of_a_list_vouch_for_the_rest():
    # 2023年龙华区二届人大三次会议政府工作报告_2023.txt
    s = context("引进迈瑞、迈胜、联影、海克斯康、丰宾电子、中电源动等一批行业龙头企业。", "深圳市龙华区人民政府")
    assert {"迈瑞", "迈胜", "联影", "海克斯康", "中电源动"} <= names_of(s, "Organization")
    # 2024年南山区政府工作报告_2024.txt: names that are common words to jieba (中集, 招商港口)
    s = context("依托中海油深圳分公司、招商港口、中集等龙头企业，巩固海洋油气、港航业优势。", NANSHAN)
    assert {"招商港口", "中集"} <= names_of(s, "Organization")


def test_a_list_of_kinds_or_fields_gets_no_firm():
    # 大鹏新区2025年管理委员会工作报告_2025.txt: classes of firms; made-up: fields before 等企业
    s = context("引进央企国企、外资外贸企业、优质民企、上市公司等各类链主企业或高成长型企业50家以上。", "深圳市大鹏新区管理委员会")
    assert not names_of(s, "Organization") & {"央企国企", "外资外贸企业", "优质民企", "上市公司"}
    s = context("推动汽车、电子、家电等企业加快发展。", NANSHAN)
    assert not names_of(s, "Organization") & {"汽车", "电子", "家电"}
    # 008_gzbg-szlg-2021.txt: the class must follow 等 (…设施等）和企业需求 is no list of firms)
    s = context("保证空间载体各要素（面积、层高、承重、研发办公用房、环保设施、配套生产生活设施等）和企业需求精准匹配。", LONGGANG)
    assert not names_of(s, "Organization") & {"面积", "层高", "承重"}


def test_a_country_before_a_listed_firm_stays_a_place():
    # 深圳市宝安区…第五届人民代表大会…政府工作报告 (姚任)
    s = context("美国休斯、思科、德国库卡、韩国DST、加拿大安泽等一批国际知名企业重点项目落户。", BAOAN)
    assert "德国库卡" not in names_of(s, "Organization")
    assert "德国" in names_of(s, "Place")


def _agencies(s) -> dict[str, str]:
    return {m.surface: m.name for m in s.mentions if m.label == "Agency"}


def test_bare_bureaus_listed_after_a_levelled_sibling():
    # 深圳市宝安区…第六届人民代表大会…政府工作报告 (姚任): project tables name their bureaus so
    s = context("（主办：区综治办，协办：区公安分局、城管局、安监局、市市场和质量监管委）", BAOAN)
    assert _agencies(s)["安监局"] == "宝安区安监局"
    s = context("协办：市规土委宝安管理局、区城市更新局、经促局、卫计局、教育局、各街道办）", BAOAN)
    # the nearest levelled sibling gives the level: 区城市更新局, not 市规土委…
    assert _agencies(s)["卫计局"] == "宝安区卫计局"


def test_a_bare_word_after_a_levelled_sibling_is_no_bureau():
    # made-up: the list ends at an item that is no body (部署 is no bureau; 各街道办 is no single body)
    s = context("落实区住建局、部署、各街道办的要求。", BAOAN)
    assert "部署" not in _agencies(s)
