"""Search finds what readers type, and its first hit is a page that uses the term.

Terms are typed key by key into the search box, as a reader does, and the first result is
followed. The expected page is not hard-coded: the first result must be a page whose text
contains the term, and every term here must appear on some page (otherwise the term list is
stale, not the search). The search starts from the home page; each later term is searched from
the page the one before led to, so one browser session serves them all. This is the one test
that loads the site's real search index (the page visits are given an empty one), so the
index's byte budget is checked here, on the home page's first load.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.checks import loading
from tests.browser.pages import open_page
from tests.browser.traffic import Traffic
from tests.browser.visit import Visit, run_checks, without_search_index
from tests.support.paths import DOCS

TERMS = ("input_json_delta", "overloaded_error", "stop_reason", "text_stream", "message_delta")


def pages_mentioning(term: str) -> list[Path]:
    return [md for md in DOCS.rglob("*.md") if term in md.read_text(encoding="utf-8")]


def leads_to_a_page_about(term: str, searched_from: bool) -> Callable[[Visit], None]:
    """Search ``term`` and follow the first result. The page it leads to is given the site's
    index only if the next term is searched from it (``searched_from``); otherwise the empty
    one, as the page checks are: indexing the site's costs a page load CPU, and nothing would
    use it there."""

    def check(visit: Visit) -> None:
        page = visit.page
        start = page.url
        page.locator("label.md-search__icon, .md-search__input").first.click()
        box = page.locator("input.md-search__input")
        box.clear()  # what an earlier term left, had it failed before leaving the page
        box.press_sequentially(term, delay=20)
        first = page.locator(".md-search-result__item a").first
        first.wait_for(timeout=30_000)
        href = first.get_attribute("href")
        assert href, f"from {start}, the first search result has no link"
        if not searched_from:
            without_search_index(page)
        first.click()
        page.wait_for_load_state("load")
        text = page.locator("article").inner_text()
        assert term in text, f"searching from {start} led to {page.url}, which does not mention it"

    return check


@pytest.mark.parametrize("term", TERMS)
def test_search_terms_are_on_the_site(term: str) -> None:
    assert pages_mentioning(term), f"no page mentions {term}: choose another search term"


@pytest.mark.browser
def test_search_leads_to_a_page_about_each_term(
    page: Page, traffic: Traffic, site_dir: Path
) -> None:
    open_page(page, "/")
    checks = [("search index budget", loading.search_index_within_budget)]
    checks += [
        (f"search {term!r}", leads_to_a_page_about(term, searched_from=term != TERMS[-1]))
        for term in TERMS
    ]
    failures = run_checks(Visit("/", page, traffic, site_dir), checks)
    assert not failures, "\n\n".join(failures)
