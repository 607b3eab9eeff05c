"""tools/name_changes.py: the names one batch dump adds and removes against another."""
import importlib.util
import json
from pathlib import Path


def _tool():
    path = Path(__file__).resolve().parents[2] / "tools" / "name_changes.py"
    spec = importlib.util.spec_from_file_location("name_changes", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _dump(path: Path, reports: dict[str, list[tuple[str, str]]]) -> Path:
    lines = [json.dumps({"file": f, "nodes": [{"label": label, "name": name, "evidence": []} for label, name in nodes]},
                        ensure_ascii=False) for f, nodes in reports.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_names_added_and_removed_once_per_report(tmp_path, capsys):
    tool = _tool()
    a = _dump(tmp_path / "a.jsonl", {"r1": [("Place", "深圳"), ("Measure", "推进建设")],
                                      "r2": [("Place", "深圳"), ("Organization", "北京大学")]})
    b = _dump(tmp_path / "b.jsonl", {"r1": [("Place", "深圳湾万象城"), ("Measure", "推进")],
                                      "r2": [("Place", "深圳"), ("Place", "深圳湾万象城"), ("Place", "深圳湾万象城")]})
    added, removed = tool.name_changes(tool.report_names(a), tool.report_names(b))
    assert added == {("Place", "深圳湾万象城"): 2}  # measures are no closed label; a name counts once a report
    assert removed == {("Place", "深圳"): 1, ("Organization", "北京大学"): 1}
    assert tool.main([str(a), str(b), "--label", "Organization"]) == 0
    out = capsys.readouterr().out
    assert "added: 0 (0 distinct)" in out and "removed: 1 (1 distinct)" in out and "北京大学" in out
