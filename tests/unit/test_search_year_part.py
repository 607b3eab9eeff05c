"""A named year's two reports (issue 15): the question's words say whether it asks for the report
planning the year, the one reviewing it, or the one dated it; the other is graded lower, never out."""
from govgraph.graph.search.collection_rank import report_grades
from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.question import analyze_question
from govgraph.ingest.vocabulary import YearPart
from govgraph.ingest.year_part import year_part


def _report(rid, place, year, genre="gzbg"):
    # a work report dated Y reviews Y-1 and plans Y; a 法治政府 annual report reviews Y and plans Y+1
    reviews, plans = (year - 1, year) if genre == "gzbg" else (year, year + 1)
    return ReportInfo(id=rid, title=f"{year}年{place}政府工作报告", file=f"{rid}.txt", sha256=rid, year=year,
                      author=f"{place}人民政府", place=place, genre=genre, reviews=reviews, plans=plans)


# other places' older reports, so that neither the place nor the year names half the collection
_OTHERS = [_report(f"x{y}{i}", place, y) for i, place in enumerate(("福田区", "南山区")) for y in range(2014, 2020)]
REPORTS = {r.id: r for r in (_report("ba2022", "宝安区", 2022), _report("ba2023", "宝安区", 2023),
                              _report("ba2021", "宝安区", 2021), _report("gm2021", "光明区", 2021, "fzzf"),
                              _report("gm2022", "光明区", 2022), *_OTHERS)}


def test_the_words_of_a_question_say_which_part_of_the_year_it_asks_for():
    assert year_part("2022年东城区要加快落实哪项规定？", "zh") == YearPart.PLANS
    assert year_part("宝安2022年地区生产总值增长目标", "zh") == YearPart.PLANS
    assert year_part("深圳2024年新增了哪些国际友城？", "zh", "achievement") == YearPart.REVIEWS
    assert year_part("Bao'an 2022 GDP growth target", "en") == YearPart.PLANS
    assert year_part("Which new sister cities did Shenzhen add in 2024?", "en") == YearPart.REVIEWS
    assert year_part("What shortcomings did Nanshan acknowledge in its 2023 work report?", "en") == YearPart.DATED
    assert year_part("南山区2023年政府工作报告提出了哪些不足？", "zh") == YearPart.DATED
    # nothing said: both reports of the year alike
    assert year_part("2025年上海合作组织峰会在哪里举办？", "zh") is None
    # 要求 is no plan
    assert year_part("2021年有哪些要求？", "zh") is None


def test_the_analyzer_reads_the_part_only_when_a_year_is_named():
    assert analyze_question("Bao'an 2022 GDP growth target").year_part == YearPart.PLANS
    assert analyze_question("Bao'an GDP growth target").year_part is None


def test_the_report_of_the_asked_part_grades_first_and_the_other_lower():
    plans = report_grades(REPORTS, [], ["宝安区"], [2022], year_part=YearPart.PLANS, other_part=0.5)
    assert plans == {"ba2022": 1.0, "ba2023": 0.5}
    reviews = report_grades(REPORTS, [], ["宝安区"], [2022], year_part=YearPart.REVIEWS, other_part=0.5)
    assert reviews == {"ba2023": 1.0, "ba2022": 0.5}
    # nothing said: the report planning 2022 and the one reviewing it alike, as before
    assert report_grades(REPORTS, [], ["宝安区"], [2022]) == {"ba2022": 1.0, "ba2023": 1.0}
    # an annual report of the rule of law reviews its own year, as the next year's work report does
    gm = report_grades(REPORTS, [], ["光明区"], [2021], year_part=YearPart.REVIEWS, other_part=0.5)
    assert gm == {"gm2021": 1.0, "gm2022": 1.0}
    gm = report_grades(REPORTS, [], ["光明区"], [2022], year_part=YearPart.PLANS, other_part=0.5)
    assert gm == {"gm2021": 1.0, "gm2022": 1.0}
    dated = report_grades(REPORTS, [], ["宝安区"], [2022], year_part=YearPart.DATED, other_part=0.25)
    assert dated == {"ba2022": 1.0, "ba2023": 0.25}


def test_a_part_no_report_is_of_leaves_the_year_alike():
    # without Bao'an's 2021 report, no report plans 2021: the one reviewing it stays graded 1
    only = {rid: r for rid, r in REPORTS.items() if rid != "ba2021"}
    grades = report_grades(only, [], ["宝安区"], [2021], year_part=YearPart.PLANS, other_part=0.5)
    assert grades == {"ba2022": 1.0}


def test_words_of_a_level_imply_its_reports_when_no_place_is_named():
    from govgraph.ingest.level import implied_levels, level_of_place
    from govgraph.ingest.vocabulary import Level
    assert implied_levels("全国双创活动周", "zh") == [Level.NATIONAL]
    assert implied_levels("second round of the provincial plan for high-level vocational colleges", "en") == [
        Level.PROVINCE]
    assert implied_levels("深圳新增了哪些国际友城？", "zh") == []
    assert [level_of_place(p) for p in ("国务院", "广西壮族自治区", "深圳市", "大鹏新区", "东城区人民政府外事办公室")] == [
        Level.NATIONAL, Level.PROVINCE, Level.CITY, Level.DISTRICT, Level.DISTRICT]
    reports = {**REPORTS, "gwy2023": _report("gwy2023", "国务院", 2023), "gd2024": _report("gd2024", "广东省", 2024)}
    national = report_grades(reports, [], [], (), levels=[Level.NATIONAL], level=0.5)
    assert national == {"gwy2023": 0.5}
    # a named place decides alone; a level that half the collection is of (the districts) names none
    assert report_grades(reports, [], ["宝安区"], (), levels=[Level.NATIONAL], level=0.5) == dict.fromkeys(
        ("ba2021", "ba2022", "ba2023"), 1.0)
    assert report_grades(reports, [], [], (), levels=[Level.DISTRICT], level=0.5) == {}
    # without a level grade nothing is implied
    assert report_grades(reports, [], [], (), levels=[Level.NATIONAL]) == {}
