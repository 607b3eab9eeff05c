"""Session 7 rules of issue 13 (firms listed short, bodies written without their level, new place heads);
sentences from corpus reports that are no gold window (file named per test) unless said otherwise."""
from tests.unit.extract_mentions import names


def test_firms_listed_short_before_a_class_of_projects_are_organisations():
    # 光明新区2017年工作报告: trade name + line of business
    got = names("推动电连精密、易方数码、键桥通讯等项目建成投产，推动世成电子、得润电子、康佳等项目动工建设。",
                "Organization", "深圳市光明新区管理委员会")
    assert {"电连精密", "易方数码", "键桥通讯", "世成电子", "得润电子", "康佳"} <= got
    # 2015年南山区政府工作报告: the first item carries the clause's verb (推动|恒大食品)
    got = names("推动恒大食品、天音控股等重大项目和重点企业选址落地。", "Organization", "深圳市南山区人民政府")
    assert {"恒大食品", "天音控股"} <= got


def test_lists_of_sites_and_of_trades_name_no_firm():
    # 盐田区2021年政府工作报告: plots (沙井头, 鸿基仓); 2022年光明区政府工作报告: trades
    assert not names("完成海涛花园旧改签约工作，启动沙井头、鸿基仓等5个项目建设。", "Organization",
                     "深圳市盐田区人民政府")
    assert not names("加快智慧交通、智慧水务、智慧消防、智慧街道等项目建设。", "Organization",
                     "深圳市光明区人民政府")
    # written for the test: one bare item alone is never read (田头等项目), a trade with a business word neither
    assert not names("完成田头等项目，加快精准医疗、跨境保险等项目。", "Organization", "深圳市坪山区人民政府")


def test_bodies_written_without_their_level_take_the_list_or_the_report_place():
    # 深圳市宝安区人民政府…第六届人民代表大会第二次会议…_2017: the list's 区 carries over
    got = names("新建污水管网51公里（主办：新安街道办，协办：区环保水务局、交通运输局、住建局、城管局）",
                "Agency", "深圳市宝安区人民政府")
    assert {"宝安区环境保护和水务局", "宝安区交通运输局", "宝安区住房和城乡建设局",
            "宝安区城市管理和综合执法局"} <= got
    # written for the test in a 法治政府 report's style: a department named by function alone is the author's
    got = names("由司法局牵头，信访办、公安分局加强协调。", "Agency", "深圳市龙华区人民政府")
    assert {"深圳市龙华区司法局", "深圳市龙华区信访办公室", "深圳市龙华区公安分局"} <= got
    # a body glued to a word that is no clause opener stays unread (全市|场监管局; 新区|教育局)
    assert not names("加强全市场监管局面的统筹。", "Agency", "深圳市龙华区人民政府")


def test_reclaimed_areas_industry_belts_and_technology_cities_are_places():
    # 016_gzbg-shenzhen-2003.txt (outside its window), 深圳市政府工作报告_2021年, 龙岗区2018年政府工作报告
    assert "深圳湾填海区" in names("加快东部黄金海岸和深圳湾填海区的规划、设计和建设。", "Place")
    assert "盐田河临港产业带" in names("加快大梧桐新兴产业带、盐田河临港产业带等产业集聚区规划建设。", "Place")
    assert "宝龙科技城" in names("整合国际大学园、宝龙科技城、阿波罗未来产业城等资源。", "Place", "深圳市龙岗区人民政府")
    # 国务院政府工作报告_2018年: 产业带 in 第二产业|带动 is the verb
    assert not names("由主要依靠第二产业带动转向依靠三次产业共同带动。", "Place", "国务院")
