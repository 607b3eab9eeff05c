"""A firm's regional unit (regional_units.py), a firm opening its project's name in a list of projects
(project_firms.py), a city bureau's district branch (agency_branches.py), seated central bodies and 部门
(issue 13, session 11). Sentences from corpus reports outside the gold windows (file named per test) unless
marked made-up."""
from govgraph.ingest.extract.rules.structure import committee_offices, nested_units
from tests.unit.extract_mentions import BAOAN, FUTIAN, GUANGMING, LUOHU, NANSHAN, PINGSHAN, names_of
from tests.unit.test_extract_relation_rules import context, triples


def test_a_firms_regional_headquarters_is_a_unit_of_the_firm():
    # 2022年政府工作报告（在深圳市罗湖区第八届人民代表大会第二次会议上）_2022.txt
    s = context("笋岗-清水河片区成功引进华润水泥研发及供应链总部、闻泰科技华南总部、明喆集团等总部企业。", LUOHU)
    assert {"闻泰科技华南总部", "闻泰科技"} <= names_of(s, "Organization")
    assert ("闻泰科技华南总部", "PART_OF", "闻泰科技") in triples(nested_units, s)
    # 2024年坪山区政府工作报告_2024.txt: the firm after a list's 、
    s = context("壳牌比亚迪、复星医药大湾区总部、宁德时代重卡换电等69个优质项目落地。", PINGSHAN)
    assert ("复星医药大湾区总部", "PART_OF", "复星医药") in triples(nested_units, s)


def test_a_known_firm_before_the_region_is_the_parent_by_its_full_name():
    # 深圳市宝安区…第六届人民代表大会第七次会议上作政府工作报告_2021.txt
    s = context("完成麦德龙华南总部、奥特莱斯佛罗伦萨小镇建设。", BAOAN)
    assert ("麦德龙华南总部", "PART_OF", "麦德龙") in triples(nested_units, s)


def test_no_firm_before_the_region_is_no_unit():
    # made-up contrasts: a clause (深化), a kind (国内大型企业), a division (盐田), a building (…总部大厦)
    s = context("深化国际科技创新中心建设，引进国内大型企业国际总部，推动盐田国际航运总部建设，开展汇隆国际总部大厦全球招商。",
                "深圳市盐田区人民政府")
    orgs = names_of(s, "Organization")
    assert not orgs & {"深化", "国内大型企业", "盐田", "汇隆", "深化国际科技创新中心", "汇隆国际总部"}
    assert not triples(nested_units, s)


def test_a_firm_opens_its_project_in_a_list_of_projects():
    # 2023年光明区政府工作报告_2023.txt
    s = context("加快建设贝特瑞、燃机电厂、电连5G高性能材料、潮州三环等重点项目28个。", GUANGMING)
    assert "电连" in names_of(s, "Organization")
    assert not names_of(s, "Organization") & {"燃机电厂", "燃机", "潮州"}


def test_sites_roads_and_phases_in_lists_of_projects_are_no_firms():
    # 008_gzbg-szlg-2021.txt (roads) and made-up phases of sites: 观澜三期 is a site's phase, not a firm's plant
    s = context("“五纵”指梅观高速、清平高速、丹平快速、盐排高速-博深高速、惠盐高速等项目。推动观澜三期、沙田二期等项目。",
                "深圳市龙岗区人民政府")
    assert not names_of(s, "Organization") & {"梅观", "清平", "丹平", "盐排", "惠盐", "观澜", "沙田"}


def test_a_city_bureaus_district_branch_is_part_of_the_bureau():
    # 2024年南山区政府工作报告_2024.txt
    s = context("市生态环境局南山管理局获评全国生态环境系统先进集体。", NANSHAN)
    assert "深圳市生态环境局南山管理局" in names_of(s, "Agency")
    assert ("深圳市生态环境局南山管理局", "PART_OF", "深圳市生态环境局") in triples(committee_offices, s)


def test_a_district_bureau_read_bare_has_no_branch_in_another_district():
    # made-up: 市场监管局 written bare is read as the report's district's; 光明监管局 is no branch of it
    s = context("市场监管局光明监管局开展检查。", BAOAN)
    assert not any("光明监管局" in n for n in names_of(s, "Agency"))


def test_a_seated_central_body_takes_its_city_and_is_never_read_bare():
    # made-up: 深圳海关 and 深圳证监局 are the city's; 海关 and 证监局 alone name no body of the district
    s = context("联合深圳海关、深圳证监局开展服务。", BAOAN)
    assert {"深圳市海关", "深圳市证监局"} <= names_of(s, "Agency")
    s = context("证监局加强监管，由海关负责。", BAOAN)
    assert names_of(s, "Agency") <= {BAOAN.replace("深圳市", "")} | {BAOAN}


def test_the_offices_of_a_field_are_no_ministry():
    # 福田区政府工作报告（2014）_2014.txt: 公安部门 is the police at any level, not 公安部
    s = context("城管综合执法与公安部门建立的“证据联用、信息联通、执法联动”机制。", FUTIAN)
    assert "公安部" not in names_of(s, "Agency")
