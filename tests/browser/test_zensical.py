"""The site as Zensical builds it works in a browser, as the MkDocs build does.

``tests/site/test_zensical.py`` holds the two builds' pages equal; this opens Zensical's in
Chromium: every page loads with no request to another host, no failed request and no console
error, the "Copy as Markdown" button copies a page's Markdown and its link opens it, and the
search, which is Zensical's own, finds an error message the examples print. The checks are the
MkDocs build's (``checks/``), run on the other site. As there, the page loads are given an empty
search index (``without_search_index``); the search test loads the real one, and holds that load
to the same clean and private standard.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from siteparts.error_messages import printed_messages
from tests.browser.checks import loading, markdown
from tests.browser.chromium import fresh_context
from tests.browser.pages import open_page
from tests.browser.server import SiteServer
from tests.browser.traffic import Traffic
from tests.browser.visit import Check, Visit, run_checks
from tests.support.pages import page_paths_from_docs
from tests.support.paths import ROOT

PAGES = page_paths_from_docs()
SEARCH_INDEX = "/search.json"  # Zensical's search index
CHECKS: tuple[tuple[str, Check], ...] = (("clean and private load", loading.loads_cleanly),)
# The Markdown controls come from one template on every page, and tests/site/test_zensical.py
# holds every page's controls and Markdown equal to the MkDocs build's, whose browser checks
# press them on every page: here they are pressed on the home page and on a guide, after the
# clean-load check on the same load (it reads the first load before anything is pressed).
MARKDOWN_PAGES = ("/", "/guides/tool-use/")
MARKDOWN_CHECKS: tuple[tuple[str, Check], ...] = (
    ("copy as Markdown", markdown.copies_the_page_as_markdown),
)
# What a reader pastes into the search box: part of an error message an example prints.
ERROR_MESSAGE = "peer closed connection without sending complete message body"


@pytest.fixture(scope="session")
def zensical_site(zensical_site_dir: Path) -> Iterator[SiteServer]:
    with SiteServer(zensical_site_dir) as server:
        yield server


@pytest.fixture(scope="session")
def _zensical_traffic(zensical_site: SiteServer) -> Traffic:
    return Traffic(zensical_site.origin)


@pytest.fixture(scope="session")
def zensical_context(
    browser: Browser, zensical_site: SiteServer, _zensical_traffic: Traffic
) -> Iterator[BrowserContext]:
    """One context and one tab for the whole run, unlike the MkDocs checks' fresh context per
    page: the theme's scripts and styles stay cached and no renderer starts per page, which
    took these checks from about 20 to about 10 CPU-seconds (measured on 2 CPUs). Each page's
    own requests, failures and console errors are still recorded on their own
    (``zensical_traffic``)."""
    context = fresh_context(browser, zensical_site.origin, _zensical_traffic)
    yield context
    context.close()


@pytest.fixture
def zensical_traffic(_zensical_traffic: Traffic) -> Traffic:
    """The shared context's record, emptied for this test."""
    _zensical_traffic.clear()
    return _zensical_traffic


@pytest.fixture(scope="session")
def _zensical_tab(zensical_context: BrowserContext) -> Page:
    return zensical_context.new_page()


@pytest.fixture
def zensical_page(_zensical_tab: Page, zensical_traffic: Traffic) -> Iterator[Page]:
    """The one tab, which each test sends to a page of its own (no new renderer per page), and
    leaves blank after it, with no route a test gave it: a request the page makes late (its
    search worker) ends with it, not in the next test's record."""
    yield _zensical_tab
    _zensical_tab.unroute_all(behavior="ignoreErrors")
    _zensical_tab.goto("about:blank")


@pytest.fixture(scope="session")
def empty_search_index(zensical_site_dir: Path) -> str:
    """The build's search index with no items: its own settings, nothing to index."""
    index = json.loads((zensical_site_dir / SEARCH_INDEX.lstrip("/")).read_text(encoding="utf-8"))
    return json.dumps({**index, "items": []})


def without_search_index(page: Page, origin: str, body: str) -> None:
    """Give ``page`` an empty search index (``empty_search_index``) in place of the site's.

    Only the index's own address is answered, so a page that asks for it elsewhere still fails
    (its load never fetches ``SEARCH_INDEX``). The theme asks for it and hands it to its search
    worker as usual, but the worker has nothing to index, where indexing the site's cost every
    page load CPU for nothing it checks; the search test below loads the real one.
    """
    page.route(
        f"{origin}{SEARCH_INDEX}",
        lambda route: route.fulfill(body=body, content_type="application/json"),
    )


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_zensical_page(
    zensical_page: Page,
    zensical_traffic: Traffic,
    zensical_site_dir: Path,
    empty_search_index: str,
    path: str,
) -> None:
    without_search_index(zensical_page, zensical_traffic.origin, empty_search_index)
    open_page(zensical_page, path)
    visit = Visit(path, zensical_page, zensical_traffic, zensical_site_dir, SEARCH_INDEX)
    checks = CHECKS + (MARKDOWN_CHECKS if path in MARKDOWN_PAGES else ())
    failures = run_checks(visit, checks)
    assert not failures, "\n\n".join(failures)


def test_the_markdown_controls_are_pressed_on_pages_of_the_site() -> None:
    missing = [path for path in MARKDOWN_PAGES if path not in PAGES]
    assert not missing, f"no such page, so nothing presses its Markdown controls: {missing}"


def test_the_searched_message_is_printed_by_an_example() -> None:
    printed = [p.message for p in printed_messages(ROOT) if ERROR_MESSAGE in p.message]
    assert printed, f"no example prints {ERROR_MESSAGE!r}: search for another message"


@pytest.mark.browser
def test_zensical_search_finds_an_error_message(
    zensical_page: Page, zensical_traffic: Traffic, zensical_site_dir: Path, empty_search_index: str
) -> None:
    """Typed key by key into Zensical's search dialog (in an open shadow root, which the
    locators pierce), the message leads, by its first result, to a page that shows it. That
    page, which nothing searches from, is given the empty index."""
    page = zensical_page
    open_page(page, "/")
    visit = Visit("/", page, zensical_traffic, zensical_site_dir, SEARCH_INDEX)
    loading.loads_cleanly(visit)  # the real index, which the page checks do without
    page.locator(".md-search__button").click()
    page.locator("dialog[open] input[role=combobox]").press_sequentially(ERROR_MESSAGE, delay=10)
    first = page.locator("dialog[open] a[role=option]").first
    first.wait_for(timeout=30_000)
    href = first.get_attribute("href")
    without_search_index(page, zensical_traffic.origin, empty_search_index)
    first.click()
    page.wait_for_load_state("load")
    # The page may show it in an output tab not selected on arrival: read hidden text too.
    text = page.locator("article").text_content() or ""
    assert ERROR_MESSAGE in text, f"the first result, {href}, does not show the message"
