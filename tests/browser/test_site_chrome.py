"""The chrome every page shares (header, search dialog, nav, footer) passes axe, checked once.

It comes from one template, so one page shows it all: a page in the middle of the nav, with a
table of contents, a previous and a next page. Each page's own visit (``test_every_page.py``)
checks the rest of the page. This visit loads the site's real search index, to show results.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.checks import accessibility
from tests.browser.pages import open_page
from tests.browser.traffic import Traffic
from tests.browser.visit import Visit, run_checks
from tests.support.navigation import nav_sources
from tests.support.pages import url_path


def a_page_with_neighbours() -> str:
    """The nav's second page: it has a previous and a next page."""
    sources = nav_sources()
    assert len(sources) >= 3, "fewer than three pages in the nav"
    return url_path(sources[1])


@pytest.mark.browser
def test_the_shared_chrome_is_accessible(page: Page, traffic: Traffic, site_dir: Path) -> None:
    path = a_page_with_neighbours()
    open_page(page, path)
    visit = Visit(path, page, traffic, site_dir)
    visit.first_load()  # the search index is in: the dialog can show results
    failures = run_checks(
        visit, (("accessibility of the chrome", accessibility.chrome_is_accessible),)
    )
    assert not failures, "\n\n".join(failures)
