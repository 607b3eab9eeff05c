"""Real-browser fixtures: Debian's Chromium driven by Playwright against `govgraph serve`.

The app under test is the shared `served_app` fixture (tests/conftest.py): the real API on
the sample store. Playwright's own browser download is unreachable here, so the tests drive
/usr/bin/chromium, which tools/install_chromium.sh installs. The `browser` fixture itself is in
tests/conftest.py: Playwright's sync API runs one instance per thread, which tests/packaging shares.
"""
from __future__ import annotations

import json
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
LAPTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class UI:
    """A page of the app plus everything it complained about."""
    page: object
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        # app.js sets data-ready once the first report's graph has been drawn.
        self.page.wait_for_selector("body[data-ready=true]", timeout=60_000)

    def tid(self, testid: str):
        return self.page.locator(f'[data-testid="{testid}"]')

    def graph_count(self, what: str = "nodes") -> int:
        return self.page.evaluate(f"window.govgraph.graph.{what}().length")

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path))
        return path

    def assert_no_console_errors(self, allow: tuple[str, ...] = ()) -> None:
        left = [e for e in self.errors if not any(a in e for a in allow)]
        assert not left, "browser console errors:\n" + "\n".join(left)


def api_get(base: str, path: str, **params) -> dict:
    """The same API the page calls, for choosing test inputs from the live data."""
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
    with urllib.request.urlopen(f"{base}{path}{'?' + query if query else ''}", timeout=60) as r:
        return json.loads(r.read().decode("utf-8"))


def _new_ui(browser, base: str, viewport: dict, locale: str) -> tuple[object, UI]:
    context = browser.new_context(viewport=viewport, locale=locale, accept_downloads=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    ui = UI(page=page, base=base)
    page.on("console", lambda m: ui.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: ui.errors.append(f"pageerror: {e}"))
    return context, ui


@pytest.fixture
def ui(browser, served_app):
    """A laptop-sized page with a Chinese browser locale (so the UI starts in Chinese)."""
    context, page_ui = _new_ui(browser, served_app, LAPTOP, "zh-CN")
    yield page_ui
    context.close()


@pytest.fixture
def phone_ui(browser, served_app):
    context, page_ui = _new_ui(browser, served_app, PHONE, "zh-CN")
    yield page_ui
    context.close()
