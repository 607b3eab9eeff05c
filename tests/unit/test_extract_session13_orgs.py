"""Session 13 (x21org, issue 13): an organisation's suffix inside another word (suffix_words.py) and firms
listed before 等…机构 (firm_lists.py). Sentences from corpus reports outside the test windows'
reports (file named per test), found by the recall audit tools/org_audit.py."""
from govgraph.ingest.extract.suffix_words import suffix_in_other_word
from tests.unit.extract_mentions import BAOAN, GUANGMING, NANSHAN, names, names_of
from tests.unit.test_extract_relation_rules import context


def _at(text: str, suffix: str) -> bool:
    i = text.index(suffix)
    return suffix_in_other_word(text, i, i + len(suffix))


def test_a_suffix_inside_another_word_is_no_suffix():
    # 国务院政府工作报告_2019年.txt, 019_gzbg-beijing-2026.txt, 007_gzbg-szba-2022.txt
    assert _at("多渠道扩大学前教育供给", "大学")        # 扩大|学前
    assert _at("推动良乡大学城、沙河高教园高质量发展", "大学")  # 大学城
    assert _at("新增公办高中学位7800座", "中学")        # 高中|学位
    assert _at("提高集团化办学覆盖率", "集团")            # 集团化


def test_a_suffix_on_word_edges_stays_a_suffix():
    # names jieba cuts oddly across the suffix's start, or a longer word after it, keep their suffix
    assert not _at("中山大学深圳校区获批筹建", "大学")
    assert not _at("完成布心中学改扩建等项目土地整备", "中学")         # 布|心中|学
    assert not _at("推动深圳农业基因组研究所整合国内外优势资源", "研究所")  # 基因组研究|所
    assert not _at("区耳鼻咽喉科医院获批5个国家自然科学基金项目", "基金")   # 基金项目


def test_no_organisation_from_a_suffix_inside_another_word():
    # 国务院政府工作报告_2019年.txt, 007_gzbg-szba-2022.txt
    assert not names("多渠道扩大学前教育供给，无论是公办还是民办幼儿园，政府都要支持。", "Organization")
    found = names_of(context("新组建教育集团，提高集团化办学覆盖率。", BAOAN), "Organization")
    assert "提高集团" not in found


def test_firms_listed_before_a_class_of_institutions():
    # 2024年南山区政府工作报告_2024.txt
    found = names_of(context("依托清华研究院、力合科创等专业机构，靶向引进一批科技领军人才团队。", NANSHAN), "Organization")
    assert "力合科创" in found


def test_hotels_listed_are_no_firms():
    # 2020年光明区政府工作报告_2020.txt: hotels are venues (Places) by the gold's convention
    found = names_of(context("龙光玖龙台、星河天地等大型商业综合体正在建设，希尔顿、万豪等酒店签约进驻。", GUANGMING),
                     "Organization")
    assert not found & {"希尔顿", "万豪"}


def test_trades_listed_before_a_class_of_institutions_are_no_firms():
    # 2016年南山区政府工作报告_2016.txt (银行、保险… are trades), 2015年坪山新区管委会工作报告_2015.txt (创投公司 names a kind)
    found = names_of(context("积极引进银行、保险、证券、基金等金融机构。", BAOAN), "Organization")
    assert not found & {"银行", "保险", "证券", "基金"}
    found = names_of(context("探索与国信证券、广发证券、创投公司等机构合作。", BAOAN), "Organization")
    assert "创投公司" not in found
