"""The 404 page helps a reader who followed a broken link: home, search, and troubleshooting.

Hosts serve ``404.html`` for any missing address, at any depth, so its links must work from
anywhere; the page is opened here from a deep address to prove it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page

from tests.browser.axe import axe_violations
from tests.browser.traffic import Traffic
from tests.browser.visit import SEARCH_INDEX, Visit, run_checks, without_search_index
from tests.support.navigation import nav_sources
from tests.support.pages import url_path

TROUBLESHOOTING = "troubleshooting.md"
MISSING = "/no/such-page/"


def open_not_found(page: Page, site_dir: Path) -> None:
    """Show the 404 page as a host shows it for a missing address two levels deep, with an
    empty search index (``visit.without_search_index``): the search this test makes is on the
    page its Search link leads to, which gets the site's (``follow_with_the_real_index``)."""
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    page.route(
        f"**{MISSING}",
        lambda route: route.fulfill(status=404, body=html, content_type="text/html"),
    )
    without_search_index(page)
    page.goto(MISSING, wait_until="load")


def follow_with_the_real_index(page: Page, link: Locator) -> None:
    """Click ``link``; the page it opens loads the site's search index, to search it."""
    page.unroute(f"**{SEARCH_INDEX}")
    link.click()
    page.wait_for_load_state("load")


def is_accessible(visit: Visit) -> None:
    blocking = [v for v in axe_violations(visit.page) if v.blocking]
    assert not blocking, "\n".join(str(v) for v in blocking)


def links_home_search_and_troubleshooting(visit: Visit) -> None:
    page = visit.page
    assert page.locator("h1").inner_text() == "Page not found", (
        "the heading is not 'Page not found'"
    )
    links = {a.inner_text(): a.get_attribute("href") for a in page.locator("article a").all()}
    home = next(href for text, href in links.items() if "home page" in text)
    search = next(href for text, href in links.items() if "Search" in text)
    home_path = urlsplit(page.evaluate("(h) => new URL(h, location.href).href", home)).path
    assert home_path == "/", f"the home page link {home} leads to {home_path}"
    troubleshooting = [href for text, href in links.items() if "Troubleshooting" in text]
    if TROUBLESHOOTING in nav_sources():
        resolved = page.evaluate("(h) => new URL(h, location.href).pathname", troubleshooting[0])
        assert resolved == url_path(TROUBLESHOOTING), f"troubleshooting link leads to {resolved}"
    else:
        assert not troubleshooting, "links to a troubleshooting page the nav does not have"

    follow_with_the_real_index(page, page.locator("article a", has_text="Search"))
    assert urlsplit(page.url).path == "/", f"search link {search} led to {page.url}"
    assert page.evaluate("() => document.getElementById('__search').checked"), "search not open"
    page.keyboard.type("stop_reason", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    # The one expected failure is the missing page itself (and the console line about it).
    problems = [p for p in visit.traffic.problems() if MISSING not in p]
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_not_found_page(page: Page, traffic: Traffic, site_dir: Path) -> None:
    """One load of the 404 page: axe first, on the page as shown, then its links are followed."""
    open_not_found(page, site_dir)
    failures = run_checks(
        Visit(MISSING, page, traffic, site_dir),
        (
            ("accessibility", is_accessible),
            ("links home, to search and to troubleshooting", links_home_search_and_troubleshooting),
        ),
    )
    assert not failures, "\n\n".join(failures)
