"""One answer under its fullest name (graph/search/answer_names.py)."""
from govgraph.graph.search.answer_names import fold_short_names
from govgraph.graph.search.results import Answer
from govgraph.ingest.batch import Evidence


def _answer(id_: str, name: str, score: float, label: str = "Policy", start: int = 0) -> Answer:
    ev = Evidence(report="r", file="r.txt", passage=f"r#{id_}", start=start, end=start + len(name), text=name)
    return Answer(id=id_, label=label, name=name, score=score, evidence=[ev], via=["MENTIONED_IN"])


def test_a_short_name_folds_into_the_full_name_with_a_place_in_front():
    short = _answer("a", "重大行政决策程序规定", 2.0)
    full = _answer("b", "深圳市光明区重大行政决策程序规定", 1.8, start=50)
    other = _answer("c", "听证事项目录", 1.8)
    out = {a.id: a for a in fold_short_names([short, full, other])}
    assert set(out) == {"b", "c"}
    assert abs(out["b"].score - 3.8) < 1e-9
    assert "重大行政决策程序规定" in out["b"].aliases
    assert {e.passage for e in out["b"].evidence} == {"r#a", "r#b"}


def test_no_fold_across_labels_without_a_place_prefix_or_with_two_full_names():
    assert len(fold_short_names([_answer("a", "改革论坛", 1.0, "Event"), _answer("b", "接诉即办改革论坛", 1.0, "Event")])) == 2
    assert len(fold_short_names([_answer("a", "行政决策程序规定", 1.0), _answer("b", "光明区行政决策程序规定", 1.0, "Agency")])) == 2
    two = [_answer("a", "行政决策程序规定", 1.0), _answer("b", "光明区行政决策程序规定", 1.0),
           _answer("c", "南山区行政决策程序规定", 1.0)]
    assert len(fold_short_names(two)) == 3
    assert len(fold_short_names([_answer("a", "方案", 1.0), _answer("b", "深圳市方案", 1.0)])) == 2
