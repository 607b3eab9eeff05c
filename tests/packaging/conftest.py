"""The packaging test drives the same Chromium as tests/browser, through the same fixtures."""
from tests.browser.conftest import browser, chromium_path  # noqa: F401 - fixtures, registered by import
