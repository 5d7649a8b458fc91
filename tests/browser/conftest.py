"""Fixtures for the site as readers use it: served locally and opened in Chromium.

Each xdist worker serves the site it built (``site_dir``, from ``tests/conftest.py``) on a
random port, and opens it in one browser context with one tab for all its tests: a context or a
tab per test starts a renderer each time, which cost more CPU than many of the checks. Each test
still starts from a clean slate: its own record of requests (``traffic``), no storage (the
colour scheme and tab choices a page stores are wiped), no routes left by the test before, and
the window at its usual size. The HTTP cache plays no part: routing every request (``Traffic``)
turns it off, so each page's first load is measured in full.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.chromium import WINDOW, fresh_context, launch
from tests.browser.figures import landing_distances, summary
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


@pytest.fixture(scope="session")
def _site_traffic(site: SiteServer) -> Traffic:
    return Traffic(site.origin)


@pytest.fixture(scope="session")
def _site_context(
    browser: Browser, site: SiteServer, _site_traffic: Traffic
) -> Iterator[BrowserContext]:
    context = fresh_context(browser, site.origin, _site_traffic)
    yield context
    context.close()


@pytest.fixture(scope="session")
def _site_tab(_site_context: BrowserContext) -> Page:
    return _site_context.new_page()


@pytest.fixture
def traffic(_site_traffic: Traffic) -> Traffic:
    """The worker's record of requests, emptied for this test."""
    _site_traffic.clear()
    return _site_traffic


@pytest.fixture
def context(_site_context: BrowserContext, traffic: Traffic) -> BrowserContext:
    return _site_context


@pytest.fixture
def page(_site_tab: Page, traffic: Traffic) -> Iterator[Page]:
    """The worker's one tab, blank, for this test; put back after it as the next test needs it."""
    yield _site_tab
    forget(_site_tab)


def forget(page: Page) -> None:
    """Wipe what a test left: the page's storage, its routes, other tabs, the window's size, and
    the page itself (so no late request of it lands in the next test's record)."""
    if page.url.startswith("http"):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.unroute_all(behavior="ignoreErrors")
    for other in page.context.pages:
        if other is not page:
            other.close()
    page.set_viewport_size(WINDOW)
    page.goto("about:blank")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The figures the per-page checks and the home-page tasks measured (``figures.py``)."""
    reports = [
        r
        for r in terminalreporter.getreports("passed") + terminalreporter.getreports("failed")
        if r.when == "call"
    ]
    for title, lines in (
        ("every page, as measured in Chromium", summary(reports)),
        ("from the home page's tasks to their programs", landing_distances(reports)),
    ):
        if lines:
            terminalreporter.write_sep("-", title)
            for line in lines:
                terminalreporter.write_line(line)
