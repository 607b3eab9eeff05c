"""tools/alias_merges.py: the nodes one batch dump folds into others as aliases, against another."""
import importlib.util
import json
from pathlib import Path


def _tool():
    path = Path(__file__).resolve().parents[2] / "tools" / "alias_merges.py"
    spec = importlib.util.spec_from_file_location("alias_merges", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _node(label, name, aliases=(), spans=()):
    return {"label": label, "name": name, "aliases": list(aliases),
            "evidence": [{"start": s, "end": e, "text": t} for s, e, t in spans]}


def _dump(path: Path, reports: dict[str, list[dict]]) -> Path:
    path.write_text("\n".join(json.dumps({"file": f, "nodes": ns}, ensure_ascii=False) for f, ns in reports.items())
                    + "\n", encoding="utf-8")
    return path


def test_folds_renames_and_gained_sentences(tmp_path, capsys):
    tool = _tool()
    a = _dump(tmp_path / "a.jsonl", {
        "r1": [_node("Organization", "南科大", spans=[(0, 9, "南科大获批新增博士点。")]),
               _node("Organization", "南方科技大学", spans=[(20, 30, "支持南方科技大学建设。")])],
        "r2": [_node("Organization", "北大", spans=[(0, 5, "北大合作。")]), _node("Measure", "推进合作")]})
    b = _dump(tmp_path / "b.jsonl", {
        "r1": [_node("Organization", "南方科技大学", ["南科大"],
                     [(0, 9, "南科大获批新增博士点。"), (20, 30, "支持南方科技大学建设。"), (40, 50, "与南科大合作。")])],
        "r2": [_node("Organization", "北京大学", ["北大"], [(0, 5, "北大合作。")])]})
    found = tool.folds(tool.load(a), tool.load(b))
    assert ("r1", ("Organization", "南科大"), ("Organization", "南方科技大学"), True) in found   # two nodes -> one
    assert ("r2", ("Organization", "北大"), ("Organization", "北京大学"), False) in found       # a rename
    assert len(found) == 2
    # only the sentence no form of the node held before is new
    assert tool.gained_contexts(tool.load(a), tool.load(b)) == ["r1\t南方科技大学\t与南科大合作。"]
    assert tool.main([str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "over a store (label, name): 3 -> 2" in out and "folded into another node: 2 (1 where both were nodes)" in out
