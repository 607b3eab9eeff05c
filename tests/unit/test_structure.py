"""Document structure on the real corpus: offsets, sections, roles and years."""
from __future__ import annotations
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED

import re
import time
from pathlib import Path

import pytest

from govgraph.ingest.batch import ROLES, report_id_for
from govgraph.ingest.document import Document
from govgraph.ingest.readers import read_document
from govgraph.ingest.structure import Structure, parse_structure
from govgraph.ingest.structure.meta import JUNK

SHARED = _SHARED
CORPUS = SHARED / "corpus"
CORPUS_EXTRA = SHARED / "corpus-extra"
ALL_FILES = sorted(CORPUS.glob("*.txt")) + sorted(CORPUS_EXTRA.glob("*.txt"))
SEED = CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt"


def structure_of(path: Path) -> tuple[Document, Structure]:
    doc = read_document(path)
    return doc, parse_structure(doc, report_id_for(doc.file))


def doc_of(text: str, file: str = "sample.txt") -> Document:
    return Document(path=Path(file), file=file, text=text, encoding="utf-8", format="txt", sha256="0" * 64)


def top_sections(s: Structure) -> list[tuple[str, str]]:
    """(top-level heading, role) in order of appearance."""
    seen: dict[str, str] = {}
    for p in s.passages:
        top = p.section.split(" > ")[0]
        if top and top not in seen:
            seen[top] = p.role
    return list(seen.items())


# --- every corpus file -------------------------------------------------------------------------

def test_corpus_is_there():
    assert len(ALL_FILES) == 155


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.name[:40] for p in ALL_FILES])
def test_passages_slice_the_text_exactly(path):
    doc, s = structure_of(path)
    rid = report_id_for(doc.file)
    assert s.passages, "no passages"
    assert s.title and s.genre in ("fzzf", "gzbg", "other")
    previous_end = 0
    for i, p in enumerate(s.passages):
        assert p.index == i and p.id == f"{rid}#p{i:04d}" and p.report == rid
        assert 0 <= p.start < p.end <= len(doc.text)
        assert doc.text[p.start:p.end] == p.text
        assert p.text == p.text.strip(" \t\n\u3000\xa0"), "surrounding whitespace must be trimmed by offsets"
        assert p.start >= previous_end, "passages overlap or go backwards"
        previous_end = p.end
        assert p.role in ROLES
        assert p.year is None or 1949 < p.year < 2100
        assert all(len(part) <= 31 for part in p.section.split(" > ")), p.section
    # Nothing but whitespace and word-processor junk falls between passages.
    covered = bytearray(len(doc.text))
    for p in s.passages:
        covered[p.start:p.end] = b"\x01" * (p.end - p.start)
    gaps = "".join(ch for ch, c in zip(doc.text, covered) if not c)
    assert not JUNK.sub("", gaps).strip(" \t\n\r\u3000\xa0\u200b\ufeff"), gaps[:80]


def test_whole_corpus_is_fast():
    t0 = time.perf_counter()
    chars = passages = 0
    for path in ALL_FILES:
        doc, s = structure_of(path)
        chars += len(doc.text)
        passages += len(s.passages)
    elapsed = time.perf_counter() - t0
    print(f"\nread+structured {len(ALL_FILES)} files, {chars} chars, {passages} passages in {elapsed:.2f}s")
    assert elapsed < 15


def test_work_reports_mostly_review_and_plan():
    """Across the work reports, reviews and plans are found in nearly every file that has them."""
    with_both = 0
    gzbg = 0
    for path in ALL_FILES:
        doc, s = structure_of(path)
        if s.genre != "gzbg":
            continue
        gzbg += 1
        roles = {p.role for p in s.passages}
        with_both += {"achievement", "plan"} <= roles
    assert gzbg >= 140
    assert with_both / gzbg > 0.95


# --- the seed report ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> tuple[Document, Structure]:
    return structure_of(SEED)


def test_seed_title_author_year(seed):
    doc, s = seed
    assert s.title == "东城区人民政府外事办公室2021年法治政府建设年度情况报告"
    assert s.author == "东城区人民政府外事办公室"
    assert s.year == 2021
    assert s.genre == "fzzf"
    assert "[bookmark: _GoBack]" in doc.text  # junk is dropped from passages, never from the text
    assert not any("[bookmark" in p.text for p in s.passages)


def test_seed_has_four_sections_with_their_roles(seed):
    _, s = seed
    tops = top_sections(s)
    assert [role for _, role in tops] == ["achievement", "problem", "other", "plan"]
    assert tops[0][0].startswith("一、2021年推进法治政府建设的主要举措和成效")
    assert tops[1][0].startswith("2、") and tops[2][0].startswith("3、") and tops[3][0].startswith("四、")


def test_seed_nine_achievement_items_and_plan_items(seed):
    _, s = seed
    numerals = "一二三四五六七八九"
    items = [p for p in s.passages if re.match(r"[一二三四五六七八九十]+是", p.text)]
    achievements = [p for p in items if p.role == "achievement"]
    plans = [p for p in items if p.role == "plan"]
    assert [p.text[:2] for p in achievements] == [f"{n}是" for n in numerals]
    assert all(p.year == 2021 for p in achievements)
    assert all(p.section.startswith("一、2021年") and " > " + p.text[:2] in p.section for p in achievements)
    assert [p.text[:2] for p in plans] == [f"{n}是" for n in numerals[:5]]
    assert all(p.year == 2022 for p in plans)
    problem = [p for p in s.passages if p.role == "problem"]
    assert problem and all(p.year == 2021 for p in problem)


# --- work reports ------------------------------------------------------------------------------

def test_work_report_review_and_plan_years():
    doc, s = structure_of(CORPUS / "006_gzbg-szns-2023.txt")
    assert s.genre == "gzbg" and s.year == 2023 and s.author == "南山区人民政府"
    tops = dict(top_sections(s))
    assert tops["2022年工作回顾"] == "achievement"
    assert tops["2023年主要工作"] == "plan"
    assert tops["有关名词解释"] == "other"
    review = [p for p in s.passages if p.section.startswith("2022年工作回顾")]
    plan = [p for p in s.passages if p.section.startswith("2023年主要工作")]
    assert review and plan
    assert all(p.year == 2022 for p in review)
    assert all(p.year == 2023 and p.role == "plan" for p in plan)
    # Numbered sections sit under the unnumbered part heading.
    assert any(p.section.startswith("2022年工作回顾 > 一、") for p in review)
    # The review's closing paragraph on shortcomings, and its 一是…六是 items, are problems.
    problems = [p for p in review if p.role == "problem"]
    assert len(problems) >= 5
    assert all(p.year == 2022 for p in problems)


def test_untitled_work_report_takes_title_and_year_from_file_name():
    _, s = structure_of(CORPUS_EXTRA / "2014年南山区政府工作报告_2014.txt")
    assert s.title == "2014年南山区政府工作报告"
    assert s.year == 2014
    assert s.author == "南山区人民政府"
    assert s.genre == "gzbg"
    years = {p.role: p.year for p in s.passages if p.role in ("achievement", "plan")}
    assert years == {"achievement": 2013, "plan": 2014}


def test_state_council_sections_without_cue_words_follow_the_plan():
    _, s = structure_of(CORPUS_EXTRA / "国务院政府工作报告_2015年.txt")
    assert s.author == "国务院"
    tops = dict(top_sections(s))
    assert tops["一、2014年工作回顾"] == "achievement"
    assert tops["二、2015年工作总体部署"] == "plan"
    assert tops["三、把改革开放扎实推向纵深"] == "plan"
    assert tops["六、切实加强政府自身建设"] == "plan"


def test_inline_items_are_split_inside_a_paragraph():
    doc, s = structure_of(CORPUS / "001_fzzf-szgm-2021.txt")
    inline = [p for p in s.passages if p.text.startswith("二是") and doc.text[p.start - 1] != "\n"]
    assert inline, "二是 inside a paragraph should open its own passage"
    for p in inline:
        assert " > 二是" in p.section
        assert p.role == "achievement" or p.role == "plan" or p.role == "problem"


# --- constructed cases -------------------------------------------------------------------------

def test_misnumbered_top_level_sections_stay_top_level():
    text = ("一、2020年主要工作成效\n甲。\n（一）子项\n乙。\n2、存在的问题和不足\n丙。\n"
            "3、其他情况\n丁。\n四、2021年工作安排\n戊。\n")
    s = parse_structure(doc_of(text, "x_2020.txt"), "r")
    tops = top_sections(s)
    assert [t for t, _ in tops] == ["一、2020年主要工作成效", "2、存在的问题和不足", "3、其他情况", "四、2021年工作安排"]
    assert [r for _, r in tops] == ["achievement", "problem", "other", "plan"]
    assert next(p for p in s.passages if p.text == "乙。").section == "一、2020年主要工作成效 > （一）子项"


def test_indented_lines_offsets_skip_fullwidth_spaces():
    text = "　　一、工作回顾\r\n\n　　一是完成任务。二是推进改革；三是加强建设。　　\n"
    s = parse_structure(doc_of(text.replace("\r\n", "\n")), "r")
    texts = [p.text for p in s.passages]
    assert texts == ["一、工作回顾", "一是完成任务。", "二是推进改革；", "三是加强建设。"]


def test_items_must_run_in_sequence_and_numerals_in_prose_are_not_headings():
    text = ("一、二季度经济增长较快，增长1.5%。\n"
            "这是一个好消息，统一是前提。\n"
            "一是开展调研。三是加强宣传。二是完善机制。\n")
    s = parse_structure(doc_of(text), "r")
    assert not any(p.section.startswith("一、") for p in s.passages)
    texts = [p.text for p in s.passages]
    assert "一、二季度经济增长较快，增长1.5%。" in texts
    assert "这是一个好消息，统一是前提。" in texts
    # 一是 then 二是 split; 三是 out of order stays inside 一是's passage.
    assert "一是开展调研。三是加强宣传。" in texts and "二是完善机制。" in texts


def test_heading_labels_are_short():
    long_heading = "一、" + "坚持创新驱动发展战略加快构建现代化产业体系推动经济高质量发展迈上新台阶" * 2
    s = parse_structure(doc_of(long_heading + "\n正文。\n"), "r")
    assert len(s.passages[1].section) <= 30
    assert s.passages[1].section.endswith("…")


# --- every format reaches the same structure ---------------------------------------------------

def _seed_lines() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf", "utf16"])
def test_seed_structure_survives_every_format(tmp_path, fmt):
    from html import escape

    from tests.fixtures.make_files import make_docx, make_pdf

    lines = _seed_lines()
    if fmt == "md":
        path = tmp_path / "seed.md"
        path.write_text("# " + lines[0] + "\n\n" + "\n\n".join(lines[1:]) + "\n", encoding="utf-8")
    elif fmt == "html":
        path = tmp_path / "seed.html"
        body = "".join(f"<p>{escape(line)}</p>" for line in lines[1:])
        path.write_text(f"<html><body><nav>首页</nav><article><h1>{escape(lines[0])}</h1>{body}</article></body></html>",
                        encoding="utf-8")
    elif fmt == "docx":
        path = make_docx(tmp_path / "seed.docx", lines)
    elif fmt == "pdf":
        half = len(lines) // 2
        path = make_pdf(tmp_path / "seed.pdf", [lines[:half], lines[half:]])
    else:
        path = tmp_path / "seed.txt"
        path.write_bytes(SEED.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-16"))
    doc = read_document(path)
    s = parse_structure(doc, "report-x")
    for p in s.passages:
        assert doc.text[p.start:p.end] == p.text
    assert s.year == 2021 and s.genre == "fzzf"
    assert s.author == "东城区人民政府外事办公室"
    assert [role for _, role in top_sections(s)] == ["achievement", "problem", "other", "plan"]
    assert sum(1 for p in s.passages if p.role == "achievement" and re.match("[一二三四五六七八九]是", p.text)) == 9


def test_long_paragraph_is_cut_at_sentence_ends_into_passages_of_one_section():
    from govgraph.ingest.structure.outline import CHUNK_CHARS, MAX_PASSAGE_CHARS
    sentence = "持续推进政务服务标准化规范化便利化，全面推行审批服务马上办网上办就近办。"
    text = "一、2023年工作回顾\n（一）深化改革。" + sentence * 20 + "\n（二）扩大开放。" + sentence + "\n"
    s = parse_structure(doc_of(text), "r")
    long_ones = [p for p in s.passages if p.section.endswith("（一）深化改革")]
    assert len(long_ones) >= 3
    for p in long_ones:
        assert text[p.start:p.end] == p.text
        assert len(p.text) <= max(MAX_PASSAGE_CHARS, CHUNK_CHARS * 2)
        assert p.text.endswith("。")
    assert [p.index for p in s.passages] == list(range(len(s.passages)))
    short = [p for p in s.passages if p.section.endswith("（二）扩大开放")]
    assert len(short) == 1
