"""A passage repeated in another year of its series is shown once, with the other year beside it (issue 15).
The years shown are read from the live API, never hard-coded."""
from __future__ import annotations

import pytest

from tests.cli.test_series_fold_cli import FUTIAN, QUERY
from tests.conftest import govgraph
from tools.serve_process import serve

from .conftest import LAPTOP, _new_ui, api_get
from .test_ui import ask

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def futian_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fold-ui")
    govgraph("ingest", *map(str, FUTIAN), "--store", str(folder / "store"), "--no-embed")
    with serve(["--store", str(folder / "store")], log=folder / "serve.log") as app:
        yield app.base


def test_folded_years_are_shown_with_the_passage(browser, futian_app):
    context, ui = _new_ui(browser, futian_app, LAPTOP, "zh-CN")
    try:
        ui.open()
        ask(ui, QUERY)
        data = api_get(ui.base, "/ask", q=QUERY, k=10)
        folded = [h for h in data["passages"] if h["also_in"]]
        assert folded, "the two years' glossary notes were not folded"
        shown = ui.tid("passage-also-in").all_inner_texts()
        assert len(shown) == len(folded)
        for text, hit in zip(shown, folded):
            assert text == "同见于 " + ", ".join(map(str, hit["also_in"]))
        ui.assert_no_console_errors()
    finally:
        context.close()
