"""Fixtures for the site as readers use it: served locally and opened in Chromium.

Each xdist worker serves the site it built (``site_dir``, from ``tests/conftest.py``) on a
random port; each test gets a fresh browser context (no cookies, no storage, no cache) whose
every request is recorded in ``traffic``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.chromium import fresh_context, launch
from tests.browser.figures import summary
from tests.browser.server import SiteServer
from tests.browser.traffic import Traffic


@pytest.fixture(scope="session")
def site(site_dir: Path) -> Iterator[SiteServer]:
    with SiteServer(site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def traffic(site: SiteServer) -> Traffic:
    return Traffic(site.origin)


@pytest.fixture
def context(browser: Browser, site: SiteServer, traffic: Traffic) -> Iterator[BrowserContext]:
    context = fresh_context(browser, site.origin, traffic)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The figures the per-page checks measured (``tests/browser/figures.py``)."""
    reports = [
        r
        for r in terminalreporter.getreports("passed") + terminalreporter.getreports("failed")
        if r.when == "call"
    ]
    lines = summary(reports)
    if lines:
        terminalreporter.write_sep("-", "every page, as measured in Chromium")
        for line in lines:
            terminalreporter.write_line(line)
