"""Agencies written short after their level and named by their function (ingest/extract/shaped_agencies.py).
Sentences from corpus reports outside the gold windows (file named per test)."""
from govgraph.ingest.extract.shaped_agencies import function_name
from tests.unit.test_extract_relation_rules import context

BAOAN = "深圳市宝安区人民政府"
GUANGMING = "深圳市光明区人民政府"
DAPENG = "深圳市大鹏新区管理委员会"


def _agencies(sentence: str, author: str) -> set[str]:
    return {m.name for m in context(sentence, author).mentions if m.label == "Agency"}


def test_bureaus_the_lexicon_lacks_are_read_by_their_shape():
    # 深圳市宝安区…政府工作报告_2017.txt: 建筑工务局 and 卫计局 are in no lexicon
    found = _agencies("宝安中心区青少年宫（含文化艺术中心）建成开放（主办：区建筑工务局、团区委，协办：区中心区办）。", BAOAN)
    assert "宝安区建筑工务局" in found
    found = _agencies("福永人民医院改扩建（一期）完工并投入使用（主办：福永街道办、区卫计局，协办：区发改局、住建局、采购中心）。", BAOAN)
    assert "宝安区卫计局" in found


def test_a_city_body_in_a_district_report_takes_the_city():
    # 大鹏新区2017年管委会工作报告_2017.txt: 人居环境委 is in no lexicon
    found = _agencies("由中国生态文明研究与促进会、深圳市人民政府、广东省环境保护厅共同主办，市人居环境委、大鹏新区管委会共同承办。",
                      DAPENG)
    assert "深圳市人居环境委" in found


def test_phrases_ending_in_a_body_character_are_no_bodies():
    for phrase in ("区公办", "区举办", "省安委会督办", "市内外一流学校合作办", "区域均衡布局", "市决策部署", "市和区委部署", "市的部署", "省网上办", "区地标性城市会客厅", "区委政法委"):
        assert not function_name(phrase), phrase
    found = _agencies("坚决落实市决策部署，优化区域均衡布局，打造粤港澳大湾区地标性城市会客厅，实现省网上办。", GUANGMING)
    assert not any(a.endswith(("部署", "布局", "会客厅", "网上办")) for a in found), found


def test_a_body_character_that_starts_the_next_word_ends_no_body():
    # 办 of 民办|学校 and of 管理|办法 opens the next word
    found = _agencies("推进市优质民办学校建设，出台市占用挖掘道路管理办法。", BAOAN)
    assert not any(a.endswith("办") for a in found), found
