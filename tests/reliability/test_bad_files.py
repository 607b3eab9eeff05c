"""A folder of bad and awkward files goes through `govgraph ingest` end to end.

Each bad file gets one clear stderr line naming it, the good ones (odd encodings, line endings,
names, script-stuffed HTML) go in whole, and the store opens and answers afterwards.

The 50 MB text: repeated real report text is a valid file, but no report is anywhere near that size
(the largest of 155 corpus reports is 109 KB) and ingesting it costs minutes of CPU (measured about
3 s of CPU per MB, three quarters of it jieba segmentation), so the suite ingests with
`--max-bytes 16 MiB` and expects a clear "over the limit" refusal, quickly, without reading the file.
"""
from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path

import pytest

from govgraph.graph.store.embedded import EmbeddedStore
from tests.conftest import CORPUS, SEED, govgraph
from tests.fixtures.make_files import make_docx, make_pdf

from .helpers import assert_no_stack_trace, check_store_consistent, record_figures

LIMIT = 16 * 1024 * 1024
HUGE = 50 * 1024 * 1024

# Big5 cannot hold simplified characters, so its report is written in traditional ones.
TRADITIONAL = (
    "臺北市政府2021年施政報告\n"
    "各位議員女士、先生：\n"
    "一、過去一年工作回顧\n"
    "一是堅持依法行政，推動市政建設取得新進展，完成都市更新計畫三項。\n"
    "二是深化國際交流與合作，與東京都、首爾市舉辦城市論壇，簽署友好交流備忘錄。\n"
    "三是強化防疫工作，市立醫院完成疫苗接種服務一百二十萬人次。\n"
    "二、今年的主要任務\n"
    "我們將繼續推進智慧城市建設，為市民提供更便捷的公共服務。\n"
)

SCRIPT_MARK = "脚本里的字不应进入图谱"
PAGE_TITLE = "网页标题"


def _corpus(name: str) -> str:
    return (CORPUS / name).read_text("utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _mixed_line_endings(text: str) -> str:
    endings = ["\r\n", "\r", "\n"]
    parts = text.split("\n")
    return "".join(p + (endings[i % 3] if i < len(parts) - 1 else "") for i, p in enumerate(parts))


def _html_full_of_scripts(text: str) -> str:
    script = ("<script>var s = '" + SCRIPT_MARK + "'; document.cookie = 'x=1'; "
              "for (var i = 0; i < 10; i++) { console.log('<p>' + s + '</p>'); }</script>")
    body = "".join(f"<p>{line}</p>{script}\n" for line in _lines(text))
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{PAGE_TITLE}</title>{script * 20}"
            f"<style>p {{ color: red }}</style></head><body>{script * 20}<article>{body}</article>"
            f"<noscript>{SCRIPT_MARK}</noscript>{script * 20}</body></html>")


def _write_huge(path: Path, size: int) -> None:
    """Repeated real report text, exactly `size` bytes of valid UTF-8 at most."""
    chunk = "".join(_corpus(n) for n in ("001_fzzf-szgm-2021.txt", "017_gzbg-guangdong-2024.txt")).encode()
    with open(path, "wb") as f:
        written = 0
        while written + len(chunk) <= size:
            f.write(chunk)
            written += len(chunk)


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-files")
    inbox = root / "收件箱 in"
    inbox.mkdir()
    good: dict[str, str] = {}   # file name -> the text the store must hold
    bad: list[str] = []

    def put_good(name: str, data: bytes, text: str) -> None:
        (inbox / name).write_bytes(data)
        good[name] = text

    def put_bad(name: str, data: bytes) -> None:
        (inbox / name).write_bytes(data)
        bad.append(name)

    gb = _corpus("001_fzzf-szgm-2021.txt")
    put_good("gb18030.txt", gb.encode("gb18030"), gb)
    put_good("big5.txt", TRADITIONAL.encode("big5"), TRADITIONAL)
    bom = _corpus("030_gzbg-xizang-2026.txt")
    put_good("utf16-bom.txt", b"\xff\xfe" + bom.encode("utf-16-le"), bom)
    nobom = _corpus("007_gzbg-szba-2022.txt")
    put_good("utf16-nobom.txt", nobom.encode("utf-16-le"), nobom)
    mixed = _corpus("019_gzbg-beijing-2026.txt")
    put_good("mixed-line-endings.txt", _mixed_line_endings(mixed).encode("utf-8"), mixed)
    html_src = _corpus("021_gzbg-tianjin-2026.txt")
    put_good("scripts.html", _html_full_of_scripts(html_src).encode("utf-8"), html_src)
    seed = SEED.read_text("utf-8")
    put_good("东城区 外事办 2021 年度 报告.txt", seed.encode("utf-8"), seed)
    plain = _corpus("015_gzbg-shenzhen-2015.txt")
    put_good("good-report.txt", plain.encode("utf-8"), plain)

    put_bad("empty.txt", b"")
    put_bad("[草稿] 空白 draft.txt", b"")  # rich-markup look-alike in a name must print as it is
    rng = random.Random(11)
    put_bad("binary.txt", bytes(rng.randrange(256) for _ in range(8192)) + b"\x00" * 64)
    put_bad("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096)))
    docx = make_docx(root / "whole.docx", ["年度报告", "一、主要工作", "一是加强领导。"]).read_bytes()
    put_bad("truncated.docx", docx[: len(docx) // 2])
    bad.append(make_pdf(inbox / "scan-no-text.pdf", None).name)
    _write_huge(inbox / "huge-50mb.txt", HUGE)
    bad.append("huge-50mb.txt")
    (inbox / "cycle").symlink_to(inbox, target_is_directory=True)
    bad.append("cycle")
    (inbox / "self-loop.txt").symlink_to(inbox / "self-loop.txt")
    bad.append("self-loop.txt")

    store = root / "store"
    t0 = time.perf_counter()
    res = govgraph("ingest", str(inbox), "--store", str(store), "--no-embed", "--max-bytes", str(LIMIT),
                   check=False, timeout=600)
    seconds = time.perf_counter() - t0
    record_figures("bad_files", {"bad_inputs": len(bad), "good_inputs": len(good),
                                 "bad_names": sorted(bad), "ingest_seconds": round(seconds, 1),
                                 "huge_text_bytes": (inbox / "huge-50mb.txt").stat().st_size,
                                 "max_bytes": LIMIT})
    return {"inbox": inbox, "store": store, "res": res, "good": good, "bad": bad}


def test_exit_status_and_one_clear_line_per_bad_file(bad_batch):
    res = bad_batch["res"]
    assert res.returncode == 1, res.stderr
    assert_no_stack_trace(res.stderr, "in ingest stderr")
    lines = res.stderr.splitlines()
    failed = [line for line in lines if line.startswith("failed")]
    for name in bad_batch["bad"]:
        naming = [line for line in lines if name in line]
        assert len(naming) == 1, f"{name!r} should be named on exactly one line:\n{res.stderr}"
        assert naming[0].startswith("failed"), naming[0]
    assert len(failed) == len(bad_batch["bad"]), res.stderr
    reasons = {name: next(line for line in lines if name in line) for name in bad_batch["bad"]}
    assert "empty" in reasons["empty.txt"]
    assert "empty" in reasons["[草稿] 空白 draft.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "PNG" in reasons["photo.txt"]
    assert "docx" in reasons["truncated.docx"]
    assert "text layer" in reasons["scan-no-text.pdf"]
    assert "limit" in reasons["huge-50mb.txt"] and str(LIMIT) in reasons["huge-50mb.txt"]
    assert "loop" in reasons["cycle"] and "loop" in reasons["self-loop.txt"]
    for name in bad_batch["good"]:
        added = [line for line in lines if name in line]
        assert len(added) == 1 and added[0].startswith("added"), f"{name}:\n{res.stderr}"


def test_good_files_are_in_the_store_whole(bad_batch):
    st = json.loads(govgraph("stats", "--store", str(bad_batch["store"]), "--json").stdout)
    assert st["reports"] == len(bad_batch["good"])
    counts = check_store_consistent(bad_batch["store"])
    assert set(counts) == set(bad_batch["good"])
    assert sum(counts.values()) == st["passages"]
    store = EmbeddedStore(bad_batch["store"])
    try:
        for r in store.reports():
            text = store.report_text(r.id)
            assert "\r" not in text and "\ufeff" not in text, r.file
            expected = bad_batch["good"][r.file]
            # Mixed line endings may merge a blank line; every line of text must be there, in order
            # (the HTML reader may put the page title first).
            got = [line for line in _lines(text) if not (r.format == "html" and line == PAGE_TITLE)]
            assert got == _lines(expected), f"{r.file} did not round-trip"
            for p in store.passages_of(r.id):
                assert SCRIPT_MARK not in p.text and "document.cookie" not in p.text, r.file
        formats = {r.file: (r.format, r.encoding) for r in store.reports()}
        assert formats["scripts.html"][0] == "html"
        assert formats["gb18030.txt"][1] == "gb18030"
        assert formats["big5.txt"][1] == "big5"
        assert formats["utf16-bom.txt"][1].replace("_", "-").lower().startswith("utf-16")
        assert formats["utf16-nobom.txt"][1].replace("_", "-").lower().startswith("utf-16")
    finally:
        store.close()


def test_store_opens_and_answers_afterwards(bad_batch):
    store = str(bad_batch["store"])
    reports = json.loads(govgraph("reports", "--store", store, "--json").stdout)["items"]
    assert {r["file"] for r in reports} == set(bad_batch["good"])
    # A phrase only the Big5 report holds is found in it, decoded.
    hits = json.loads(govgraph("search", "友好交流備忘錄", "--store", store, "--json", "-k", "3").stdout)["hits"]
    assert hits and hits[0]["file"] == "big5.txt"
    assert hits[0]["text"] == TRADITIONAL[hits[0]["start"]:hits[0]["end"]]
    # A line of the Chinese-named seed report is found in it, offsets and all.
    seed_line = max(_lines(SEED.read_text("utf-8")), key=len)
    hits = json.loads(govgraph("search", seed_line[:40], "--store", store, "--json").stdout)["hits"]
    assert any(h["file"] == "东城区 外事办 2021 年度 报告.txt" for h in hits)
    # Re-running the same folder changes nothing: the good files are unchanged, the bad still fail.
    again = govgraph("ingest", str(bad_batch["inbox"]), "--store", store, "--no-embed",
                     "--max-bytes", str(LIMIT), "--json", check=False, timeout=600)
    assert again.returncode == 1
    counts = json.loads(again.stdout)["counts"]
    assert counts == {"unchanged": len(bad_batch["good"]), "failed": len(bad_batch["bad"])}


def test_the_huge_text_is_refused_by_size_not_by_reading(bad_batch, tmp_path):
    """Refusal happens before the 50 MB are read, so it costs no time."""
    huge = bad_batch["inbox"] / "huge-50mb.txt"
    assert os.path.getsize(huge) > LIMIT
    t0 = time.perf_counter()
    res = govgraph("ingest", str(huge), "--store", str(tmp_path / "s"), "--no-embed",
                   "--max-bytes", str(LIMIT), check=False)
    assert res.returncode == 1
    assert re.search(r"huge-50mb\.txt: file is \d+ bytes, over the \d+-byte limit", res.stderr), res.stderr
    assert time.perf_counter() - t0 < 60
