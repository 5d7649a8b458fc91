"""Every page, opened once, keeps every promise a single page makes.

The checks run in the order listed on one load of the page (see ``visit.py`` for why the order
matters); a failure names the page and the check, and all of a page's failures are reported
together. The page is given an empty search index (``visit.without_search_index``): no check
here searches, and ``test_search.py`` loads the real one. The chrome every page shares is
checked once, by ``test_site_chrome.py``. The site-wide tests below make sure the per-page
checks have something to check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.checks import (
    accessibility,
    copying,
    fitting,
    layout,
    loading,
    markdown,
    metadata,
    phone,
    tabs,
)
from tests.browser.figures import RecordProperty
from tests.browser.pages import diagram_count, open_page
from tests.browser.traffic import Traffic
from tests.browser.visit import Check, Visit, run_checks, without_search_index
from tests.support.pages import page_paths_from_docs, page_paths_from_site, source_of

PAGES = page_paths_from_docs()
CHECKS: tuple[tuple[str, Check], ...] = (
    # The page as first shown, before anything is clicked.
    ("meta description", metadata.describes_itself),
    ("accessibility, light scheme", accessibility.accessible_in_the_light_scheme),
    ("first tab shown", tabs.first_tab_selected),
    ("no tabs inside tabs", tabs.no_tabs_inside_tabs),
    # The first load, once the network is quiet.
    ("clean and private load", loading.loads_cleanly),
    ("no diagram library", loading.loads_no_diagram_library),
    ("byte budget", loading.stays_within_budget),
    ("diagrams shown", loading.shows_its_diagrams),
    ("programs fit at 1280 px", fitting.programs_fit_their_column),
    ("code names in tables on one line", layout.table_code_names_on_one_line),
    ("short title on one line", layout.short_title_on_one_line),
    # What the reader changes: the scheme, the window, then every copy button (which opens
    # notes and picks tabs of its own), then the page's Markdown.
    ("accessibility, dark scheme", accessibility.accessible_in_the_dark_scheme),
    ("phone width", phone.fits_a_phone),
    ("copy buttons on a phone", phone.copy_buttons_in_reach_on_a_phone),
    ("copy buttons", copying.copies_the_tested_files),
    ("copy as Markdown", markdown.copies_the_page_as_markdown),
)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page(
    page: Page, traffic: Traffic, site_dir: Path, path: str, record_property: RecordProperty
) -> None:
    without_search_index(page)
    open_page(page, path)
    visit = Visit(path, page, traffic, site_dir)
    failures = run_checks(visit, CHECKS)
    for name, value in visit.figures.items():
        record_property(name, value)  # summed up at the end of the run (conftest.py)
    assert not failures, "\n\n".join(failures)


def test_every_built_page_is_tested(site_dir: Path) -> None:
    assert page_paths_from_site(site_dir) == PAGES


def test_some_page_draws_a_diagram(site_dir: Path) -> None:
    drawn = [p for p in PAGES if diagram_count(site_dir, p)]
    assert drawn, "no page has a diagram: its checks (and siteparts/diagrams.py) can go"


def test_some_page_has_tabs(site_dir: Path) -> None:
    assert tabs.pages_with_tabs(site_dir), "no page has tabs: the tab checks can go"


def test_pages_include_snippets() -> None:
    with_snippets = [p for p in PAGES if copying.included_files(source_of(p))]
    assert with_snippets, "no page includes a file from snippets/"
