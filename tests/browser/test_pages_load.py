"""Every page loads cleanly, privately and at a sensible weight, and draws its diagrams.

Private means the page asks for nothing from any host but the site's own: no fonts, scripts,
images or analytics from elsewhere. Requests to other hosts are blocked and reported, so a
page that tries one fails here without reaching the network.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.pages import DIAGRAMS_DRAWN, diagram_count, open_page
from tests.browser.site import SiteServer, page_paths_from_docs, page_paths_from_site
from tests.browser.traffic import Traffic

PAGES = page_paths_from_docs()
MERMAID = "/assets/vendor/mermaid.min.js"
SEARCH_INDEX = "/search/search_index.json"
# First-load budgets (headers and bodies, uncompressed as this server sends them). The search
# index is loaded by every page and grows with the site, so it has a budget of its own.
# Mermaid is about 5.5 MB, so a page with a diagram gets that much more.
PAGE_BUDGET = 1_000_000
DIAGRAM_BUDGET = 6_000_000
SEARCH_INDEX_BUDGET = 2_000_000


def test_every_built_page_is_tested(site_dir: Path) -> None:
    assert page_paths_from_site(site_dir) == PAGES


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_privately_and_light(
    page: Page, traffic: Traffic, site_dir: Path, site: SiteServer, path: str
) -> None:
    open_page(page, path, site_dir)
    traffic.wait_until_finished(page, SEARCH_INDEX)
    assert traffic.problems() == [], f"{path}:\n" + "\n".join(traffic.problems())
    assert f"{site.origin}{path}" in traffic.requests

    loads_mermaid = f"{site.origin}{MERMAID}" in traffic.requests
    has_diagrams = diagram_count(site_dir, path) > 0
    assert loads_mermaid == has_diagrams, (
        f"{path}: mermaid {'loaded' if loads_mermaid else 'not loaded'} on a page "
        f"{'with' if has_diagrams else 'without'} diagrams"
    )
    sizes = traffic.bytes_by_url
    index = sizes.get(f"{site.origin}{SEARCH_INDEX}", 0)
    assert 0 < index <= SEARCH_INDEX_BUDGET, f"{path}: search index took {index} bytes"
    page_bytes = sum(sizes.values()) - index
    budget = DIAGRAM_BUDGET if has_diagrams else PAGE_BUDGET
    assert 0 < page_bytes <= budget, (
        f"{path}: first load took {page_bytes} bytes besides the search index (budget "
        f"{budget}): " + ", ".join(f"{u} {n}" for u, n in sorted(sizes.items()))
    )


@pytest.mark.browser
def test_diagrams_are_drawn_from_the_site(
    page: Page, traffic: Traffic, site_dir: Path, site: SiteServer
) -> None:
    drawn = [p for p in PAGES if diagram_count(site_dir, p)]
    assert drawn, "no page has a diagram: this test (and the mermaid set-up) can go"
    for path in drawn:
        open_page(page, path, site_dir, quiet=True)
        assert page.evaluate(DIAGRAMS_DRAWN, diagram_count(site_dir, path)), path
    assert traffic.foreign == []
