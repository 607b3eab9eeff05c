"""tools/english_coverage.py: which terms of government English the English reading offers none of the reports'
words for, read from the real analyzer and dictionary."""
import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "english_coverage.py"


def _tool():
    spec = importlib.util.spec_from_file_location("english_coverage", TOOL)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_covered_term_passes_and_a_gap_is_named():
    tool = _tool()
    gaps = tool.missing([("intellectual property", ["知识产权"]), ("greenways", ["绿道"])])
    assert [g[0] for g in gaps] == ["greenways"]  # the glossary covers the first; nothing offers 绿道
    assert gaps[0][1] == ["绿道"]


def test_the_shipped_table_reads_and_most_terms_are_covered():
    tool = _tool()
    rows = tool.read(tool.DEFAULT)
    assert len(rows) >= 300 and all(english and wanted for english, wanted in rows)
    assert len(tool.missing(rows)) < len(rows) // 4
