"""The learned name tagger (ingest/extract/crf_spans.py): its features, vetoes, switch and shipped model."""
import pytest

from govgraph.ingest.batch import ReportInfo
from govgraph.ingest.extract import build_context, crf_spans, find_mentions
from govgraph.ingest.extract.crf_features import clause_features, has_head

# a clause of the issue's own examples: a school below a district, no lexicon entry
SCHOOL = "推进坪山实验学校南校区建设"


def test_features_one_item_per_character_with_head_classes():
    feats = [[f.decode("utf-8") if isinstance(f, bytes) else f for f in row] for row in clause_features(SCHOOL)]
    assert len(feats) == len(SCHOOL)
    school_end = SCHOOL.index("学校") + 1
    assert "hE=Organization" in feats[school_end]
    assert any(f.startswith("nh=Organization:") for f in feats[2])  # a head to the right of 坪
    assert "wt=v" in feats[0]  # 推进 is a verb in jieba's dictionary
    assert "c=坪" in feats[2] and "c-1c=山实" in feats[4]
    assert has_head(SCHOOL) and not has_head("全面深化改革")


def test_features_place_each_character_in_its_list_item():
    clause = "推进深圳湾科技生态园、天安云谷等建设"
    feats = [[f.decode("utf-8") if isinstance(f, bytes) else f for f in row] for row in clause_features(clause)]
    first, second = clause.index("深"), clause.index("天")
    assert "li=^2" in feats[first] and "ri=、0" in feats[clause.index("、") - 1]
    assert "ie=Place" in feats[first]  # the item ends in the place head 园
    assert "li=、0" in feats[second] and "ri=$0" in feats[-1]
    assert not any(f.startswith("ie=") for f in feats[second])  # 天安云谷等建设 ends in no head
    assert not any(f.startswith(("li=", "ri=")) for f in feats[clause.index("、")])  # the mark itself


@pytest.mark.parametrize("text,vetoed", [
    ("老旧工业区", True),      # a kind of zone: its modifier names no one
    ("口岸经济带", True),      # a modifier that is itself a head names a kind
    ("行业协会", True),
    ("坪山实验学校", False),
    ("小坑工业区", False),
    ("龙岗天安数码打造创业大道", True),       # a clause opener (打造) inside: the left edge ran over a verb
    ("广州南沙进口贸易促进创新示范区", False),  # 促进 is a verb names hold (name_verbs.txt)
    ("广州人工智能与数字经济试验区", False),    # a single-character opener (与) stays
    ("中国自贸区", True),                    # the nation alone before a zone's head: the class of zones
    ("国家基因库", False),                   # …but not before an organisation's
    ("新桥东3个片区", True),                  # a count names several places
    ("石岩浪心四大片区", True),
    ("澳科10号工业区", False),                # a number that is a name's part
    ("东莞）产业园", True),                   # an edge inside a parenthesis
    ("粤港澳大湾区科技创新的核心走廊", True),    # 的 makes a phrase
    ("数控机床产业基地", True),               # a base a sector opens is a kind (cluster_names.py)
    ("布心生命健康产业基地", False),
    ("国家生物产业基地", False),              # a national designation is one base
    ("中国（南方）知识产权运营中心", False),
])
def test_rule_side_vetoes(text, vetoed):
    assert crf_spans._vetoed(text, 0, len(text)) is vetoed


@pytest.mark.parametrize("name,vetoed", [
    ("光明新材料基地", True),        # no organisation head: the tagger's label is a guess
    ("数字经济产业基金", True),      # the rules' kind test: common words before 基金
    ("海洋产业投资基金", True),      # a fund whose modifier names no owner
    ("前海海洋产业投资基金", False),  # a place owns it (jieba cuts 前|海 here)
    ("招商银行", False),            # jieba holds the bank's name whole
    ("地方商业银行", True),
    ("南山科技创新中心", False),
])
def test_organization_proposals_are_built_as_the_rules_build_them(name, vetoed):
    assert crf_spans._organization_vetoed(name, None) is vetoed


def test_headless_span_may_not_cut_a_dictionary_word():
    text = "深南大道"
    assert crf_spans._vetoed(text, 0, 2)  # 深南 of 深南大道: 南大 is a word


def test_switch_is_on_by_default_and_the_environment_turns_it_off(monkeypatch):
    monkeypatch.delenv(crf_spans.ENV_SWITCH, raising=False)
    assert crf_spans.DEFAULT_ON is True and crf_spans.enabled()
    monkeypatch.setenv(crf_spans.ENV_SWITCH, "0")
    assert not crf_spans.enabled()
    assert crf_spans.propose_names(SCHOOL, 0, None, []) == []


def test_shipped_model_tags_places_of_a_list_with_offsets(monkeypatch):
    # a dev window's clause (w01, 盐田区 2022): three places below the district, one by a short head
    clause = "全面提升海景公园、深盐路、明珠道等重点区域消费业态"
    monkeypatch.setenv(crf_spans.ENV_SWITCH, "1")
    assert crf_spans.MODEL_PATH.is_file()
    spans = crf_spans.tagged_spans(clause)
    places = {clause[s:e]: c for s, e, label, c in spans if label == "Place"}
    assert {"海景公园", "深盐路", "明珠道"} <= set(places), spans
    assert places["深盐路"] >= crf_spans.MIN_MARGINAL
    assert all(0 <= s < e <= len(clause) and 0.0 <= c <= 1.0 for s, e, _, c in spans)


def test_proposals_leave_rule_mentions_alone(monkeypatch):
    monkeypatch.setenv(crf_spans.ENV_SWITCH, "1")
    text = "支持深圳技术大学建设"
    ctx = build_context(ReportInfo("r", "t", "f.txt", "x", 2023, "深圳市人民政府"), text)
    rules = find_mentions(text, 100, ctx)
    found = crf_spans.propose_names(text, 100, ctx, rules)
    taken = [(m.start, m.end) for m in rules if m.label in ("Organization", "Place")]
    assert all(not (m.start < e and s < m.end) for m in found for s, e in taken)
    assert all(m.surface == text[m.start - 100:m.end - 100] for m in found)


def test_missing_model_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv(crf_spans.ENV_SWITCH, "1")
    crf_spans.configure(model=tmp_path / "none.crfsuite")
    try:
        with pytest.raises(FileNotFoundError, match="none.crfsuite"):
            crf_spans.propose_names(SCHOOL, 0, None, [])
    finally:
        crf_spans.configure(model=crf_spans.MODEL_PATH)


def _trainer():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "tools" / "train_crf.py"
    spec = importlib.util.spec_from_file_location("train_crf", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_training_tags_each_clause_bio_with_the_longest_span():
    text = "前言。支持坪山实验学校建设，推进深盐路改造"
    lo = text.index("支")
    school, road = text.index("坪山实验学校"), text.index("深盐路")
    spans = [(school, school + 6, "Organization"), (school, school + 2, "Place"), (road, road + 3, "Place")]
    examples = _trainer().clause_examples(text, lo, len(text), spans)
    assert [len(x) for x, _ in examples] == [len("支持坪山实验学校建设"), len("推进深盐路改造")]
    assert examples[0][1] == ["O", "O", "B-Organization"] + ["I-Organization"] * 5 + ["O", "O"]
    assert examples[1][1] == ["O", "O", "B-Place", "I-Place", "I-Place", "O", "O"]
    assert all(len(x) == len(y) for x, y in examples)


def test_training_leaves_out_clauses_written_in_a_test_window():
    text = "全面贯彻落实党的二十大和二十届二中全会精神，支持坪山实验学校建设"
    school = text.index("坪山实验学校")
    spans = [(school, school + 6, "Organization")]
    trainer = _trainer()
    test_text = "坚持稳中求进工作总基调，全面贯彻落实党的二十大和二十届二中全会精神，完整准确全面贯彻新发展理念"
    kept = trainer.clause_examples(text, 0, len(text), spans, leave_out=[test_text])
    assert [len(x) for x, _ in kept] == [len("支持坪山实验学校建设")]
    assert len(trainer.clause_examples(text, 0, len(text), spans)) == 2
    # the shipped training reads the real test windows: every one of them, each a stretch of its report
    texts = trainer.test_window_texts()
    assert len(texts) == len(list((trainer.WINDOWS_DIR / "test").glob("*.json"))) > 20
    assert all(len(t) > 300 for t in texts)


def test_silver_keeps_only_clauses_whose_every_head_is_labelled():
    text = "支持坪山实验学校建设，推进深盐路和明珠道改造"
    school, road = text.index("坪山实验学校"), text.index("深盐路")
    spans = [(school, school + 6, "Organization"), (road, road + 3, "Place")]
    trainer = _trainer()
    assert len(trainer.clause_examples(text, 0, len(text), spans, heads_only=True)) == 2
    kept = trainer.clause_examples(text, 0, len(text), spans, heads_only=True, complete_only=True)
    assert [len(x) for x, _ in kept] == [len("支持坪山实验学校建设")]  # 明珠道's head 道 has no label


def test_a_proposal_may_hold_a_rule_place_and_wins_the_overlap(monkeypatch):
    # a dev window's clause (w60, 南山区): the rules read only 深圳 of the mall's name
    text = "推动深圳湾万象城开业，建设消费新地标"
    ctx = build_context(ReportInfo("r", "t", "f.txt", "x", 2023, "深圳市南山区人民政府"), text)
    monkeypatch.setenv(crf_spans.ENV_SWITCH, "0")
    rules = find_mentions(text, 100, ctx)
    assert [(m.label, m.surface) for m in rules if m.label == "Place"] == [("Place", "深圳")]
    monkeypatch.setenv(crf_spans.ENV_SWITCH, "1")
    found = crf_spans.propose_names(text, 100, ctx, rules)
    assert [(m.label, m.surface, m.start) for m in found] == [("Place", "深圳湾万象城", 102)]
    places = [m.surface for m in find_mentions(text, 100, ctx) if m.label == "Place"]
    assert places == ["深圳湾万象城"]  # the longer name wins the overlap settling; 深圳 inside it is no mention
    crf_spans.configure(contained=())
    try:
        assert crf_spans.propose_names(text, 100, ctx, rules) == []  # without it the rule's 深圳 blocks the name
    finally:
        crf_spans.configure(contained=crf_spans.CONTAINED_LABELS)


def test_rule_places_inside_a_proposal_must_lead_it():
    assert crf_spans._leading_places(10, 20, [(10, 12), (12, 14)])  # 广州|南沙|进口贸易促进创新示范区
    assert crf_spans._leading_places(10, 20, [])
    assert not crf_spans._leading_places(10, 20, [(10, 12), (13, 17)])  # 龙岗|与|市中心区: two names
    assert not crf_spans._leading_places(10, 20, [(11, 13)])  # 环|大鹏|湾…
    assert crf_spans._leading_places(10, 20, [(10, 12), (25, 27)])  # a place outside the span is no matter
