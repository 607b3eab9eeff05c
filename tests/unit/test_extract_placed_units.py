"""A parent organisation named inside its unit's name before a place (ingest/extract/placed_units.py)."""
from govgraph.ingest.extract.placed_units import middle_unit, placed_parent


def test_parent_before_a_place_and_a_unit():
    assert placed_parent("南开大学深圳研究院") == "南开大学"
    assert placed_parent("北京大学深圳医院") == "北京大学"
    assert placed_parent("中国科学院深圳先进技术研究院") == "中国科学院"


def test_campus_in_brackets_is_part_of_its_university():
    assert placed_parent("香港中文大学（深圳）") == "香港中文大学"
    assert placed_parent("哈尔滨工业大学（深圳）") == "哈尔滨工业大学"


def test_no_place_no_parent():
    assert placed_parent("深圳技术大学（筹）") is None      # a university being founded, not a campus
    assert placed_parent("南方科技大学半导体学院") is None   # no place: structure._PARENT_SUFFIX reads it
    assert placed_parent("深圳大学") is None


def test_unit_between_parent_and_its_own_unit():
    assert middle_unit("上海交通大学深圳研究院技术转移中心", "上海交通大学") == "上海交通大学深圳研究院"
    assert middle_unit("南开大学深圳研究院", "南开大学") is None
