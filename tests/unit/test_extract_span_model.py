"""The boundary classifier (span_features.py, span_model.py) and the tagger's veto (crf_veto.py)."""
import importlib.util
from pathlib import Path

import pytest

from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, crf_veto, find_mentions, span_model
from govgraph.ingest.extract.span_features import candidates, features

CLAUSE = "加快推进小坑工业区改造"


def _ctx(text):
    return build_context(ReportInfo("r", "t", "f.txt", "x", 2023, "深圳市罗湖区人民政府"), text)


def test_candidates_are_word_edges_before_a_head():
    cands, words, starts = candidates(CLAUSE)
    zone = [c for c in cands if CLAUSE[c.head_start:c.end] == "工业区"]
    assert zone and all(c.label == "Place" and c.end == CLAUSE.index("改造") for c in zone)
    edges = {CLAUSE[c.start:c.end] for c in zone}
    assert "小坑工业区" in edges
    assert all(c.start in starts for c in zone)  # never inside a jieba word


def test_candidates_never_cross_an_enumeration_comma():
    clause = "全面提升海景公园、深盐路等重点区域"
    cands, _, _ = candidates(clause)
    road = [c for c in cands if clause[c.head_start:c.end] == "路"]
    assert road and all(c.start > clause.index("、") for c in road)


def test_features_name_the_edge_words():
    cands, words, starts = candidates(CLAUSE)
    c = next(c for c in cands if CLAUSE[c.start:c.end] == "小坑工业区")
    f = features(CLAUSE, c, words, starts)
    assert f["lab=Place"] == 1 and f["head=工业区"] == 1
    assert "wp=推进" in f and "wpt=v" in f  # the verb before the left edge


def test_switches_are_off_by_default(monkeypatch):
    monkeypatch.delenv(span_model.ENV_SWITCH, raising=False)
    monkeypatch.delenv(crf_veto.ENV_SWITCH, raising=False)
    assert span_model.DEFAULT_ON is False and crf_veto.DEFAULT_ON is False
    assert span_model.propose_spans(CLAUSE, 0, None, []) == []
    rules = find_mentions(CLAUSE, 0, _ctx(CLAUSE))
    assert crf_veto.veto_mentions(CLAUSE, 0, rules) is rules


def test_shipped_model_prefers_the_name_to_its_fragments():
    assert span_model.MODEL_PATH.is_file()
    best = {CLAUSE[c.head_start:c.end]: (CLAUSE[c.start:c.end], p)
            for c, p in span_model.best_per_head(span_model.scored_candidates(CLAUSE))}
    name, p = best["工业区"]
    assert name == "小坑工业区" and 0.5 < p <= 1.0, best


def test_proposals_carry_offsets_and_leave_rule_mentions_alone(monkeypatch):
    monkeypatch.setenv(span_model.ENV_SWITCH, "1")
    text = "推进小坑工业区和大望水库片区改造"
    ctx = _ctx(text)
    rules = find_mentions(text, 100, ctx)
    found = span_model.propose_spans(text, 100, ctx, rules)
    taken = [(m.start, m.end) for m in rules if m.label in ("Organization", "Place")]
    assert all(not (m.start < e and s < m.end) for m in found for s, e in taken)
    assert all(m.surface == text[m.start - 100:m.end - 100] and "span_model" in m.props for m in found)


def test_missing_model_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv(span_model.ENV_SWITCH, "1")
    span_model.configure(model=tmp_path / "none.json")
    try:
        with pytest.raises(FileNotFoundError, match="none.json"):
            span_model.propose_spans(CLAUSE, 0, None, [])
    finally:
        span_model.configure(model=span_model.MODEL_PATH)


def test_veto_drops_only_what_the_tagger_calls_no_name(monkeypatch):
    monkeypatch.setenv(crf_veto.ENV_SWITCH, "1")
    text = "支持深圳技术大学建设"
    rules = find_mentions(text, 0, _ctx(text))
    assert any(m.name == "深圳技术大学" for m in rules)
    try:
        crf_veto.configure(floor=1.01)  # no probability reaches it: nothing is dropped
        assert crf_veto.veto_mentions(text, 0, list(rules)) == rules
        crf_veto.configure(floor=0.0)   # every closed-label rule mention is dropped, the rest kept
        kept = crf_veto.veto_mentions(text, 0, list(rules))
        assert [m for m in kept if m.label in crf_veto.VETOED_LABELS] == []
        assert [m for m in kept] == [m for m in rules if m.label not in crf_veto.VETOED_LABELS]
    finally:
        crf_veto.configure(floor=crf_veto.VETO_FLOOR)


def test_tagger_reads_a_known_university_as_a_name():
    text = "支持深圳技术大学建设"
    p_o = crf_veto.o_marginals(text)
    s = text.index("深圳技术大学")
    assert len(p_o) == len(text) and max(p_o[s:s + 6]) < 0.5


def _trainer():
    path = Path(__file__).resolve().parents[2] / "tools" / "train_span_model.py"
    spec = importlib.util.spec_from_file_location("train_span_model", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_examples_are_positive_only_at_gold_edges():
    text = "前言。" + CLAUSE
    lo = 3
    s = text.index("小坑工业区")
    xs, ys = _trainer().examples([(text, lo, len(text), [(s, s + 5, "Place")])])
    assert sum(ys) == 1 and len(xs) == len(ys) > 1
    positive = xs[ys.index(1)]
    assert positive["head=工业区"] == 1 and positive["wp=推进"] == 1
