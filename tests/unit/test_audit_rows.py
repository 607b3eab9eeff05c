"""tools/audit_rows.py: what the five corpus audits share (dump, a seeded sample by group, the diff of two dumps)."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import audit_rows  # noqa: E402


def _rows(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _row(start: int, places: list[str], genre: str = "district") -> dict:
    return {"file": "a.txt", "genre": genre, "start": start, "text": f"句{start}", "places": places, "others": []}


def test_diff_prints_what_each_sentence_gained_and_lost(tmp_path, capsys):
    a = _rows(tmp_path / "a.jsonl", [_row(1, ["龙华区"]), _row(2, ["坪山"]), _row(3, [])])
    b = _rows(tmp_path / "b.jsonl", [_row(1, ["龙华区"]), _row(2, ["坪山区"]), _row(4, ["深圳湾"])])
    audit_rows.diff_rows(a, b, {"P": "places"})
    out = capsys.readouterr().out
    assert "a.txt@2\n  句2\n  +P 坪山区\n  -P 坪山" in out
    assert "+P 深圳湾" in out and "a.txt@1" not in out and "a.txt@3" not in out  # unchanged / nothing either side
    assert out.rstrip().endswith("2 sentences changed")


def test_sample_is_seeded_and_spread_over_groups(tmp_path, capsys):
    rows = [_row(i, [f"p{i}"], "city" if i % 2 else "district") for i in range(20)]
    groups = audit_rows.by_genre(rows)
    audit_rows.sample_rows(groups, 4, 13, {"P": "places"})
    first = capsys.readouterr().out
    audit_rows.sample_rows(groups, 4, 13, {"P": "places"})
    assert capsys.readouterr().out == first
    assert first.count("[city ") == 2 and first.count("[district ") == 2 and "  P: p" in first


def test_dump_writes_a_row_per_sentence(tmp_path, capsys):
    out = tmp_path / "d.jsonl"
    audit_rows.dump_rows(out, [Path("x.txt"), Path("y.txt")], lambda p: [_row(len(p.name), [p.stem])])
    assert [r["places"] for r in audit_rows.load_rows(out)] == [["x"], ["y"]]
