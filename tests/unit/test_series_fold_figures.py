"""A series fold says another year states the same fact (issue 15): passages whose figures differ stay apart."""
from govgraph.graph.search.collapse import collapse_series, figures, same_figures
from govgraph.graph.search.results import Hit

TARGETS_2014 = ("今年经济社会发展主要预期目标是：地区生产总值增长6.0%左右，固定资产投资完成410亿元左右，"
                "社会消费品零售总额增长7.0%左右，居民人均可支配收入增速与GDP增速基本同步。")


def _hit(pid, report, year, text):
    return Hit(pid, report, report + ".txt", "", "", "plan", year, text, 0, len(text), 1.0)


def test_figures_leave_out_a_leading_item_number():
    assert figures("11.“数治光明”品牌：指基于BIM技术的共用能力建设") == set()
    assert figures("（3）新增学位1050个，完成2.5万平方米") == {"1050", "2.5"}
    assert same_figures("35.两工互动：采用社工引领义工的机制", "13.两工互动：采用社工引领义工的机制，实现双赢")
    assert not same_figures("建成1家区级及4家社区长者食堂", "新建1家区级长者食堂和5家社区长者食堂")


def test_other_years_targets_do_not_fold_but_a_repeated_fact_does():
    other_targets = TARGETS_2014.replace("6.0%", "5.5%").replace("410", "380")
    same_fact = TARGETS_2014.replace("今年", "本年度")
    hits = [_hit("a", "r2014", 2014, TARGETS_2014), _hit("b", "r2015", 2015, other_targets),
            _hit("c", "r2016", 2016, same_fact)]
    out = collapse_series(hits, lambda rid: "福田区", lambda rid: int(rid[1:]))
    assert [h.passage for h in out] == ["a", "b"]
    assert out[0].also_in == [2016] and out[1].also_in == []
