"""The section/line state machine on passages shaped like the corpus's 法治政府 reports."""
from govgraph.ingest.batch import Passage
from govgraph.ingest.extract.mentions import Mention
from govgraph.ingest.extract.work_lines import WorkLines, is_heading_sentence


def line(name: str, start: int) -> Mention:
    return Mention("Measure", start, start + len(name), name, name, set(), {"line": True})


def passage(i: int, text: str, section: str = "s1", role: str = "achievement") -> Passage:
    return Passage(f"r#p{i}", "r", i, section, 0, len(text), section, role, 2021)


def test_item_line_under_a_heading_is_part_of_the_section_line():
    w = WorkLines()
    head = line("加强统筹协调", 3)
    ms = w.enter(passage(0, "（一）加强统筹协调"), [head], "（一）加强统筹协调")
    assert w.see(ms[0]) is None and w.is_heading
    w.leave(passage(0, ""), "（一）加强统筹协调")
    item = line("完善工作机制", 2)
    w.enter(passage(1, "一是完善工作机制。"), [item], "一是完善工作机制。")
    assert w.see(item) is head
    assert w.line is item


def test_paragraph_under_the_same_section_keeps_its_line_until_a_top_heading():
    w = WorkLines()
    item = line("完善工作机制", 2)
    w.enter(passage(0, "一是完善工作机制。"), [item], "一是完善工作机制。")
    w.see(item)
    w.leave(passage(0, ""), "一是完善工作机制。")
    w.enter(passage(1, "继续推进。"), [], "继续推进。")
    assert w.line is item
    w.leave(passage(1, ""), "继续推进。")
    w.enter(passage(2, "新段落。", section="s2"), [], "新段落。")
    assert w.line is None


def test_a_top_heading_closes_the_section_line():
    w = WorkLines()
    head = line("加强统筹协调", 3)
    w.enter(passage(0, "（一）加强统筹协调"), [head], "（一）加强统筹协调")
    w.leave(passage(0, ""), "（一）加强统筹协调")
    assert w.section_line is head
    w.enter(passage(1, "二、下一步工作"), [], "二、下一步工作")
    w.leave(passage(1, ""), "二、下一步工作")
    assert w.section_line is None


def test_problems_section_lists_shortcomings_not_lines():
    w = WorkLines()
    shortfall = line("基层法治建设不够均衡", 2)
    ms = w.enter(passage(0, "一是基层法治建设不够均衡。", role="problem"), [shortfall], "一是基层法治建设不够均衡。")
    assert ms == [] and w.line is None


def test_a_short_topic_sentence_heads_the_run_that_follows():
    w = WorkLines()
    w.enter(passage(0, "强化政策支持。"), [], "强化政策支持。")
    topic = Mention("Measure", 0, 6, "强化政策支持", "强化政策支持", set(), {"clause": True})
    w.end_sentence([topic], "强化政策支持。")
    assert w.item is topic
    assert is_heading_sentence("落实上级要求，持续优化防控措施。")
    assert not is_heading_sentence("全年新增就业岗位12万个，城镇调查失业率5%。")
