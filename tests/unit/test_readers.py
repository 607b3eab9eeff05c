"""Reading files: encodings detected from content, every format, and one clear IngestError per bad file."""
from __future__ import annotations
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED

import os
import random
import zipfile
from pathlib import Path

import pytest

from govgraph.ingest.document import Document
from govgraph.ingest.errors import IngestError
from govgraph.ingest.readers import MAX_BYTES, iter_input_files, read_document
from tests.fixtures.make_files import make_docx, make_pdf

CORPUS = _CORPUS
SEED = CORPUS / "000_seed-dongcheng-waiban-fzzf-2021.txt"

SIMPLIFIED = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
# Big5 has no simplified characters, so its round trip uses traditional text.
TRADITIONAL = (
    "臺北市政府2021年工作報告\n各位代表：\n一、過去一年工作回顧\n"
    "一是堅持黨的領導，推動經濟社會發展取得新進展。二是深化改革開放，國際交流與合作不斷擴大。\n"
    "二、今年的主要任務\n我們將繼續推進法治政府建設，為市民提供更好的服務。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def expect_error(path: Path, **kwargs) -> IngestError:
    with pytest.raises(IngestError) as info:
        read_document(path, **kwargs)
    err = info.value
    message = str(err)
    assert path.name in message, message
    assert "\n" not in message
    assert message == f"{err.file}: {err.reason}"
    return err


# --- encodings ---------------------------------------------------------------------------------

ENCODINGS = [
    ("utf-8", SIMPLIFIED, lambda t: t.encode("utf-8")),
    ("utf-8 with BOM", SIMPLIFIED, lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
    ("gb18030", SIMPLIFIED, lambda t: t.encode("gb18030")),
    ("gbk", SIMPLIFIED, lambda t: t.encode("gbk")),
    ("big5", TRADITIONAL, lambda t: t.encode("big5")),
    ("utf-16-le with BOM", SIMPLIFIED, lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
    ("utf-16-be with BOM", SIMPLIFIED, lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("utf-16-le without BOM", SIMPLIFIED, lambda t: t.encode("utf-16-le")),
    ("utf-16-be without BOM", SIMPLIFIED, lambda t: t.encode("utf-16-be")),
    ("utf-16-le without BOM, traditional", TRADITIONAL, lambda t: t.encode("utf-16-le")),
]


@pytest.mark.parametrize("label,text,encode", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_every_encoding_round_trips(tmp_path, label, text, encode):
    assert text, "seed report missing"
    # Same neutral name for every encoding: detection must come from the bytes.
    doc = read_document(write(tmp_path, "report.txt", encode(text)))
    assert doc.text == text
    assert doc.format == "txt"
    assert doc.encoding
    assert not doc.text.startswith("\ufeff")


def test_gbk_is_not_mistaken_for_big5_and_back(tmp_path):
    gbk = read_document(write(tmp_path, "a.txt", SIMPLIFIED.encode("gbk")))
    big5 = read_document(write(tmp_path, "b.txt", TRADITIONAL.encode("big5")))
    assert gbk.encoding == "gb18030"
    assert big5.encoding == "big5"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_normalised_before_offsets(tmp_path, newline):
    raw = SIMPLIFIED.replace("\n", newline).encode("utf-8")
    doc = read_document(write(tmp_path, "crlf.txt", raw))
    assert "\r" not in doc.text
    assert doc.text == SIMPLIFIED


def test_seed_reads_with_hash_of_raw_bytes():
    import hashlib

    doc = read_document(SEED)
    assert isinstance(doc, Document)
    assert doc.file == SEED.name and doc.path == SEED
    assert doc.encoding == "utf-8"
    assert doc.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert doc.text == SIMPLIFIED


def test_encoding_is_detected_even_when_the_name_says_otherwise(tmp_path):
    doc = read_document(write(tmp_path, "report-utf8.txt", SIMPLIFIED.encode("gb18030")))
    assert doc.text == SIMPLIFIED


# --- formats -----------------------------------------------------------------------------------

def test_markdown_strips_markup_and_keeps_headings_as_lines(tmp_path):
    md = (
        "# 东城区人民政府外事办公室2021年工作报告\n\n"
        "## 一、主要举措和成效\n\n"
        "一是**坚持党的领导**，加强[统筹协调](http://example.org)。\n"
        "二是推动国际交流，\n举办儿童画互展。\n\n"
        "- 完成`疫苗`接种\n- 组织培训\n\n"
        "| 项目 | 数量 |\n|---|---|\n| 培训 | 7 |\n"
    )
    doc = read_document(write(tmp_path, "r.md", md.encode("utf-8")))
    lines = doc.text.split("\n")
    assert doc.format == "md"
    assert lines[0] == "东城区人民政府外事办公室2021年工作报告"
    assert lines[1] == "一、主要举措和成效"
    # A soft line break inside Chinese prose is wrapping, not a new paragraph.
    assert "一是坚持党的领导，加强统筹协调。二是推动国际交流，举办儿童画互展。" in lines
    assert "完成疫苗接种" in lines and "组织培训" in lines
    assert "培训 7" in lines
    assert not any(ch in doc.text for ch in "#*[]`|")


def test_html_keeps_article_text_and_drops_furniture(tmp_path):
    html = """<!DOCTYPE html><html><head><meta charset="gbk"><title>站点标题</title>
    <style>p{color:red}</style><script>var x = "脚本";</script></head>
    <body><header>网站页眉</header><nav><a href="/">首页</a> 导航</nav>
    <main><article><h1>2021年法治政府建设年度情况报告</h1>
    <p>一、主要举措和成效</p><p>一是坚持<b>党的</b>领导。<br>二是推动交流。</p>
    <ul><li>完成接种</li><li>组织培训</li></ul>
    <table><tr><td>项目</td><td>数量</td></tr></table></article>
    <aside>相关链接</aside></main><footer>版权所有</footer></body></html>"""
    doc = read_document(write(tmp_path, "r.html", html.encode("gbk")))
    lines = doc.text.split("\n")
    assert doc.format == "html"
    assert lines[0] == "2021年法治政府建设年度情况报告"
    assert "一、主要举措和成效" in lines
    assert "一是坚持党的领导。" in lines and "二是推动交流。" in lines
    assert "完成接种" in lines and "组织培训" in lines
    for furniture in ("站点标题", "脚本", "网站页眉", "导航", "相关链接", "版权所有", "color"):
        assert furniture not in doc.text


def test_html_without_article_uses_body_and_title(tmp_path):
    html = "<html><head><title>报告标题</title></head><body><div>第一段。</div><div>第二段。</div></body></html>"
    doc = read_document(write(tmp_path, "r.htm", html.encode("utf-8")))
    assert doc.text.split("\n") == ["报告标题", "第一段。", "第二段。"]


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    path = make_docx(tmp_path / "r.docx", ["2021年工作报告", "一、主要举措", "一是加强领导。"],
                     table=[["项目", "数量"], ["培训", "7"]], after_table=["二、下一步安排"])
    doc = read_document(path)
    assert doc.format == "docx" and doc.encoding is None
    assert doc.text.split("\n") == ["2021年工作报告", "一、主要举措", "一是加强领导。", "项目", "数量", "培训", "7", "二、下一步安排"]


def test_pdf_with_text_layer(tmp_path):
    pages = [["东城区人民政府外事办公室", "2021年法治政府建设年度情况报告"], ["一、主要举措和成效", "一是加强领导。"]]
    doc = read_document(make_pdf(tmp_path / "r.pdf", pages))
    assert doc.format == "pdf"
    assert doc.text.split("\n") == [line for page in pages for line in page]


def test_content_wins_over_extension(tmp_path):
    pdf = make_pdf(tmp_path / "x.pdf", [["报告正文"]])
    renamed = tmp_path / "actually-a-pdf.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert read_document(renamed).format == "pdf"


# --- errors ------------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    assert "empty" in expect_error(write(tmp_path, "empty.txt", b"")).reason


def test_whitespace_only_file(tmp_path):
    assert "empty" in expect_error(write(tmp_path, "blank.txt", " \n\r\n\t　\n".encode("utf-8"))).reason


def test_nul_bytes_are_binary(tmp_path):
    data = b"\x00\x01\x02\x03" * 300 + b"ELF\x00\x00data"
    assert "binary" in expect_error(write(tmp_path, "blob.txt", data)).reason


def test_png_named_txt_is_binary(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    assert "PNG" in expect_error(write(tmp_path, "image.txt", data)).reason


def test_random_bytes_are_rejected(tmp_path):
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(4096))
    expect_error(write(tmp_path, "noise.txt", data))


def test_truncated_docx(tmp_path):
    good = make_docx(tmp_path / "good.docx", ["标题", "正文。"]).read_bytes()
    err = expect_error(write(tmp_path, "cut.docx", good[: len(good) // 2]))
    assert "docx" in err.reason


def test_docx_that_is_a_zip_of_something_else(tmp_path):
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a word document")
    assert "docx" in expect_error(path).reason


def test_docx_that_is_not_a_zip(tmp_path):
    assert "docx" in expect_error(write(tmp_path, "fake.docx", "纯文本".encode("utf-8"))).reason


def test_truncated_pdf(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", [["报告正文"]]).read_bytes()
    expect_error(write(tmp_path, "cut.pdf", good[:60]))


def test_pdf_without_text_layer(tmp_path):
    err = expect_error(make_pdf(tmp_path / "scan.pdf", None))
    assert "no text layer" in err.reason


def test_pdf_extension_without_pdf_content(tmp_path):
    assert "PDF" in expect_error(write(tmp_path, "fake.pdf", b"hello")).reason


def test_over_the_size_limit(tmp_path):
    err = expect_error(write(tmp_path, "big.txt", "报告".encode("utf-8") * 100), max_bytes=64)
    assert "limit" in err.reason
    assert MAX_BYTES == 64 * 1024 * 1024


def test_directory(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    assert "directory" in expect_error(d).reason


def test_missing_file(tmp_path):
    assert "no such file" in expect_error(tmp_path / "missing.txt").reason


def test_fifo_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "regular file" in expect_error(fifo).reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "secret.txt", "内容".encode("utf-8"))
    p.chmod(0)
    try:
        assert "permission" in expect_error(p).reason
    finally:
        p.chmod(0o644)


def test_mangled_files_raise_only_ingest_error(tmp_path):
    """Whatever the damage, read_document answers with a Document or an IngestError, never a traceback."""
    sources = {
        "docx": make_docx(tmp_path / "s.docx", ["标题", "正文。"], table=[["a", "b"]]).read_bytes(),
        "pdf": make_pdf(tmp_path / "s.pdf", [["报告正文", "第二行"]]).read_bytes(),
    }
    rng = random.Random(3)
    outcomes = 0
    for ext, raw in sources.items():
        for i in range(12):
            data = bytearray(raw)
            if i % 2:
                data = data[: rng.randrange(1, len(data))]
            else:
                for _ in range(20):
                    data[rng.randrange(len(data))] = rng.randrange(256)
            path = write(tmp_path, f"m{i}.{ext}", bytes(data))
            try:
                doc = read_document(path)
                assert doc.text
            except IngestError as e:
                assert path.name in str(e)
            outcomes += 1
    assert outcomes == 24


# --- expanding input paths ---------------------------------------------------------------------

def test_folders_expand_recursively_sorted_skipping_hidden_and_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.md", "a/deep/x.pdf", "a/1.txt", "z.html", "a/notes.xlsx", ".dot.txt", ".hidden/h.txt", "c.docx", "d.HTM"]:
        (tmp_path / rel).write_bytes(b"x")
    found = list(iter_input_files([tmp_path]))
    assert all(isinstance(f, Path) for f in found)
    assert [f.relative_to(tmp_path).as_posix() for f in found] == ["a/1.txt", "a/deep/x.pdf", "b/2.md", "c.docx", "d.HTM", "z.html"]


def test_missing_path_and_broken_link_become_errors(tmp_path):
    (tmp_path / "ok.txt").write_bytes(b"x")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    out = list(iter_input_files([tmp_path / "absent", tmp_path]))
    errors = [o for o in out if isinstance(o, IngestError)]
    files = [o for o in out if isinstance(o, Path)]
    assert files == [tmp_path / "ok.txt"]
    assert {Path(e.file).name for e in errors} == {"absent", "dangling.txt"}
    assert all("\n" not in str(e) for e in errors)


def test_symlink_loop_is_reported_not_followed_forever(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "r.txt").write_bytes(b"x")
    (root / "sub" / "back").symlink_to(root)  # a folder that contains itself
    a, b = tmp_path / "la", tmp_path / "lb"
    a.symlink_to(b)
    b.symlink_to(a)  # a link cycle that never reaches a file
    out = list(iter_input_files([root, a]))
    files = [o for o in out if isinstance(o, Path)]
    errors = [o for o in out if isinstance(o, IngestError)]
    assert files == [root / "sub" / "r.txt"]
    assert len(errors) == 2
    assert all("loop" in e.reason for e in errors)


def test_the_same_file_reached_twice_is_given_once(tmp_path):
    (tmp_path / "r.txt").write_bytes(b"x")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "r.txt")
    out = list(iter_input_files([tmp_path, tmp_path / "r.txt"]))
    assert out == [tmp_path / "alias.txt"]


def test_an_explicit_file_is_given_whatever_its_extension(tmp_path):
    p = tmp_path / "report.text"
    p.write_bytes(b"x")
    assert list(iter_input_files([str(p)])) == [p]


def test_pdf_wrapped_lines_join_into_paragraphs(tmp_path):
    # Printed lines of one width: a paragraph wraps mid-sentence, headings and items start new lines.
    page = [
        "一、主要举措和成效",
        "一是坚持党对外事工作的集中统一领导，加速构建大外事格",
        "局，发挥区委外事工作委员会办公室职能，召开区委外事工",
        "作委员会会议。",
        "二是统筹完成北京人艺扩建北京国际戏剧中心工程项目竣工",
        "验收。",
        "二、存在的不足和原因",
    ]
    doc = read_document(make_pdf(tmp_path / "wrapped.pdf", [page]))
    assert doc.text.split("\n") == [
        "一、主要举措和成效",
        "一是坚持党对外事工作的集中统一领导，加速构建大外事格局，发挥区委外事工作委员会办公室职能，召开区委外事工作委员会会议。",
        "二是统筹完成北京人艺扩建北京国际戏剧中心工程项目竣工验收。",
        "二、存在的不足和原因",
    ]
