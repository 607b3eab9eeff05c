"""The author read from the signature under a report when its opening names no issuer."""
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED
from pathlib import Path

import pytest

from govgraph.ingest.structure.meta import read_meta

GUANGMING = _CORPUS / "001_fzzf-szgm-2021.txt"


def test_signature_and_date_lines_give_the_author():
    text = "2021年法治政府建设情况报告\n现将有关情况报告如下：\n一、主要工作\n推进依法行政。\n特此报告。\n深圳市光明区人民政府\n2022年1月5日\n"
    assert read_meta(text, "report.txt").author == "深圳市光明区人民政府"


def test_a_closing_line_without_a_date_is_no_signature():
    text = "2021年工作总结\n一、主要工作\n推进依法行政。\n深圳市光明区人民政府\n"
    assert read_meta(text, "report.txt").author is None


def test_a_date_next_to_a_sentence_is_no_signature():
    text = "2021年工作总结\n一、主要工作\n会同区司法局推进依法行政，成效明显。\n2022年1月5日\n"
    assert read_meta(text, "report.txt").author is None


@pytest.mark.skipif(not GUANGMING.exists(), reason="shared corpus not present")
def test_guangming_report_is_signed_by_the_district_government():
    text = GUANGMING.read_text(encoding="utf-8")
    assert read_meta(text, GUANGMING.name).author == "深圳市光明区人民政府"
