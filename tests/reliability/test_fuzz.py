"""Property-based tests (Hypothesis) on the readers, the segmenter and the whole file -> batch step,
with random and adversarial Unicode: nothing escapes but IngestError, and every offset points
inside the text and slices exactly to the passage or evidence text it claims.
"""
from __future__ import annotations

import unicodedata

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph.ingest.batch import ROLES
from govgraph.ingest.document import Document
from govgraph.ingest.errors import IngestError
from govgraph.ingest.pipeline import build_batch
from govgraph.ingest.readers import read_document
from govgraph.ingest.readers.lines import normalise_newlines
from govgraph.ingest.structure import parse_structure
from govgraph.ingest.tokenize import tokenize, tokenize_query
from tests.conftest import CORPUS, SEED

from .helpers import record_figures

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REAL_LINES = [line for f in (SEED, CORPUS / "001_fzzf-szgm-2021.txt")
              for line in f.read_text("utf-8").splitlines() if line.strip()]
NUMBERING = ["一、", "二、", "十一、", "一百、", "（一）", "（二）", "(三)", "一是", "二是", "十是", "1.", "1、",
             "（1）", "①", "⑩", "第一，", "第二章", "首先，", "一、二、三、", "（一）（二）", "一是一是"]
ADVERSARIAL = [
    "\u0301", "e\u0301\u0302\u0303", "\u202e", "\u202d\u202c", "\u200f", "\u200e", "\u200b", "\u200d",
    "\ufeff", "\u2066\u2069", "שלום עולם", "مرحبا بالعالم", "😀", "👨\u200d👩\u200d👧", "𠀀𪚥𫝀",
    "\U0010ffff", "１２３４", "２０２１年", "２０２１", "\u3000", "\u2028", "\u2029", "\x85", "\x0b",
    "\x0c", "\x1c", "\x1e", "\t", "\x00", "\x7f", "\ufffd", "\uffff", "Ａｇｅｎｃｙ", "ﬁ", "ß", "İ", "ẞ",
    "ǅ", "Ⅻ", "㈠", "〇", "零", "《", "》", "“", "”", "【", "】", "……", "——", "\r", "\r\n",
]
# Case mapping that changes length (İ -> i̇, ß -> SS) is a classic way for offsets to drift.


def _repeat(line: str, n: int) -> str:
    return line * n


pieces = st.one_of(
    st.sampled_from(REAL_LINES),
    st.sampled_from(NUMBERING),
    st.sampled_from(ADVERSARIAL),
    st.text(max_size=30),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=40),
    st.builds(_repeat, st.sampled_from(REAL_LINES), st.integers(1, 60)),   # very long lines
)
separators = st.sampled_from(["", "\n", "\n\n", "。", "，", "；", " ", "\n\u3000\u3000"])
texts = st.builds(lambda ps, seps: "".join(p + seps[i % len(seps)] for i, p in enumerate(ps)),
                  st.lists(pieces, max_size=40), st.lists(separators, min_size=1, max_size=5))

errors_seen: Counter[str] = Counter()
examples_run: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _record():
    yield
    record_figures("fuzzing", {"examples": dict(examples_run), "total_examples": sum(examples_run.values()),
                               "ingest_errors_by_reason": dict(errors_seen.most_common(25))})


def _check_ingest_error(e: IngestError, path: Path) -> None:
    message = str(e)
    assert path.name in message and "\n" not in message, message
    assert "Traceback" not in message
    errors_seen[e.reason.split(" (")[0][:60]] += 1


# -- readers -----------------------------------------------------------------------------------------

MAGIC = [b"", b"%PDF-1.7\n", b"%PDF-", b"PK\x03\x04", b"PK\x03\x04\x14\x00\x00\x00word/document.xml",
         b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"<!DOCTYPE html><html><body>",
         b"<html><head><meta charset=\"gbk\"></head><body><p>", b"<meta charset=\"utf-7\">",
         b"<meta charset=\"no-such-codec\">", b"\x89PNG\r\n\x1a\n", b"# \xe6\xa0\x87\xe9\xa2\x98\n", b"\x1f\x8b"]
EXTENSIONS = [".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".markdown", ".text"]


@FUZZ
@given(data=st.binary(max_size=4096), magic=st.sampled_from(MAGIC), ext=st.sampled_from(EXTENSIONS))
def test_read_document_on_random_bytes_raises_only_ingest_error(data, magic, ext):
    examples_run["read_document_on_random_bytes_raises_only_ingest_error"] += 1
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"fuzz 报告{ext}"
        path.write_bytes(magic + data)
        try:
            doc = read_document(path)
        except IngestError as e:
            _check_ingest_error(e, path)
            return
        assert doc.text.strip() and "\r" not in doc.text
        assert doc.file == path.name and len(doc.sha256) == 64


@FUZZ
@given(text=texts, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
       ext=st.sampled_from([".txt", ".md", ".html"]))
def test_read_document_on_adversarial_text_raises_only_ingest_error(text, encoding, ext):
    examples_run["read_document_on_adversarial_text_raises_only_ingest_error"] += 1
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"adversarial{ext}"
        path.write_bytes(raw)
        try:
            doc = read_document(path)
        except IngestError as e:
            _check_ingest_error(e, path)
            return
        assert doc.text.strip() and "\r" not in doc.text


# -- the tokenizer -------------------------------------------------------------------------------------

@FUZZ
@given(text=st.one_of(texts, st.text(max_size=500)))
def test_tokenize_never_fails_and_gives_clean_tokens(text):
    examples_run["tokenize_never_fails_and_gives_clean_tokens"] += 1
    for tokens in (tokenize(text), list(tokenize_query(text))):
        assert isinstance(tokens, list)
        for t in tokens:
            assert isinstance(t, str) and t and t == t.strip(), repr(t)


# -- the structure parser ------------------------------------------------------------------------------

def _doc(text: str) -> Document:
    return Document(path=Path("fuzz.txt"), file="fuzz.txt", text=normalise_newlines(text), encoding="utf-8",
                    format="txt", sha256="0" * 64)


@FUZZ
@given(text=texts)
def test_parse_structure_offsets_slice_the_text(text):
    examples_run["parse_structure_offsets_slice_the_text"] += 1
    doc = _doc(text)
    try:
        s = parse_structure(doc, "report-fuzz")
    except IngestError as e:
        _check_ingest_error(e, doc.path)
        return
    ids = set()
    for p in s.passages:
        assert 0 <= p.start < p.end <= len(doc.text), (p.start, p.end, len(doc.text))
        assert doc.text[p.start:p.end] == p.text, (p.text, doc.text[p.start:p.end])
        assert p.text, "an empty passage"
        assert p.role in ROLES and p.report == "report-fuzz"
        assert p.id not in ids
        ids.add(p.id)
    assert isinstance(s.title, str)
    if any(_visible(ch) for ch in doc.text):
        assert s.passages, "text with content gave no passages"


# -- file -> batch, the whole way ----------------------------------------------------------------------

@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_build_batch_offsets_and_evidence_slice_the_text(text, encoding):
    examples_run["build_batch_offsets_and_evidence_slice_the_text"] += 1
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "fuzz batch.txt"
        path.write_bytes(raw)
        try:
            batch = build_batch(path)
        except IngestError as e:
            _check_ingest_error(e, path)
            assert "internal extraction error" not in e.reason, f"extraction bug on {text!r}: {e}"
            return
    batch.validate()
    # The file's own text, decoded right: every offset is into exactly what the user wrote. (Text with
    # a NUL byte is left out: a few dozen bytes of it can pass for UTF-16, reported to the readers.)
    expected = normalise_newlines(text)
    # Exact decoding is owed to text-like input; a file of unassigned or noncharacter code points
    # (U+10FFFF in GB18030, say) is a few bytes that another encoding reads just as well.
    if "\x00" not in text and all(ch.isprintable() or ch.isspace() for ch in text):
        assert batch.text in (expected, expected.removeprefix("\ufeff")), (encoding, text[:200], batch.text[:200])
    n = len(batch.text)
    for p in batch.passages:
        assert 0 <= p.start < p.end <= n and batch.text[p.start:p.end] == p.text
        assert p.id in batch.tokens
    for item in [*batch.nodes, *batch.edges]:
        assert item.evidence
        for ev in item.evidence:
            assert 0 <= ev.start < ev.end <= n and batch.text[ev.start:ev.end] == ev.text
            assert ev.report == batch.report.id and ev.file == path.name
    assert batch.report.chars == n


def _visible(ch: str) -> bool:
    """A character a reader would call content: not space, not a format or control character."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp")
