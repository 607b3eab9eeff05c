"""A rank opening a body's name is no part of it (ingest/extract/ranked_kinds.py): after it the name starts, or,
when nothing says which body, the run is a kind. Sentences of corpus reports outside the test windows
(盐田区 2024 is dev window w88's report, 016 w36's; the others are in no window's scope)."""
from govgraph.ingest.extract.ranked_kinds import names_which_after_rank, rank_end
from tests.unit.test_extract_relation_rules import context


def _orgs(sentence: str, author: str) -> set[str]:
    return {m.name for m in context(sentence, author).mentions if m.label == "Organization"}


def test_rank_and_what_follows():
    assert rank_end("世界500强中冶") == 6 and rank_end("全球前20大船") == 6 and rank_end("百强会计师") == 2
    assert rank_end("前海") == 0 and rank_end("十大") == 0
    assert names_which_after_rank("中冶") and names_which_after_rank("魏桥创业")
    assert not names_which_after_rank("船") and not names_which_after_rank("跨国") and not names_which_after_rank("会计师")


def test_a_rank_before_a_kind_is_no_organisation():
    # 盐田区2024年政府工作报告_2024.txt (w88's report)
    assert not any("船公司" in o for o in _orgs(
        "办好海洋经济专场招商大会，吸引全球前20大船公司以及供应链头部企业、航运服务企业在盐设立区域总部、分支机构。",
        "深圳市盐田区人民政府"))
    # 016_gzbg-shenzhen-2003.txt (w36's report)
    assert not any("跨国公司" in o for o in _orgs("共吸引17家世界500强跨国公司来我市投资或增资，总数已达86家。", "深圳市人民政府"))
    # 2024年龙华区二届人大四次会议政府工作报告_2024.txt
    orgs = _orgs("永信瑞和、天平正大会计师事务所落户，实现券商资管子公司、全国百强会计师事务所零的突破。", "深圳市龙华区人民政府")
    assert not any("百强" in o for o in orgs), orgs


def test_a_firm_after_its_rank_starts_after_it():
    # 盐田区2017年政府工作报告_2017.txt, 盐田区2025年政府工作报告_2025.txt
    orgs = _orgs("成功引进世界500强中冶集团华南总部、总规模达500亿元的国调招商基金等一批优质企业和项目。", "深圳市盐田区人民政府")
    assert "中冶集团" in orgs and not any(o.startswith("世界500强") for o in orgs), orgs
    orgs = _orgs("世界500强恒力集团、全球前50强独角兽企业远景能源等区域性、功能性总部纷纷落户盐田。", "深圳市盐田区人民政府")
    assert "恒力集团" in orgs and not any(o.startswith("世界500强") for o in orgs), orgs
