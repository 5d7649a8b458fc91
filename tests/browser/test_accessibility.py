"""Every page passes axe in the light and the dark scheme, and fits a phone screen.

The scheme comes from the reader's system preference (Material's palette follows
``prefers-color-scheme`` until the reader picks one), so each scheme gets a fresh context.
Minor and moderate findings are reported in the failure message of a blocking one, not failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.accessibility import BLOCKING_IMPACTS, axe_violations
from tests.browser.chromium import Traffic, fresh_context
from tests.browser.pages import open_page
from tests.browser.site import SiteServer, page_paths_from_docs

PAGES = page_paths_from_docs()
SCHEMES = {"light": "default", "dark": "slate"}
PHONE = {"width": 375, "height": 812}

# Widest element that pokes out of the viewport, not counting what scrolls inside code blocks.
OVERFLOW = """
() => {
  const limit = document.documentElement.clientWidth;
  const culprits = [...document.querySelectorAll("body *")]
    .filter((el) => !el.closest("pre, code, .highlight, .md-typeset__scrollwrap"))
    .filter((el) => el.getBoundingClientRect().right > limit + 1)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    culprits: culprits.slice(0, 5),
  };
}
"""


@pytest.fixture(params=sorted(SCHEMES))
def scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def schemed_page(browser: Browser, site: SiteServer, scheme: str) -> Iterator[Page]:
    context = fresh_context(browser, site.origin, Traffic(site.origin), color_scheme=scheme)
    yield context.new_page()
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(
    schemed_page: Page, site_dir: Path, scheme: str, path: str
) -> None:
    page = schemed_page
    open_page(page, path, site_dir)
    shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[scheme], f"{path} shows the {shown} scheme, not {scheme}"
    violations = axe_violations(page)
    blocking = [v for v in violations if v.impact in BLOCKING_IMPACTS]
    assert not blocking, f"{path} ({scheme}):\n" + "\n".join(str(v) for v in violations)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_fits_a_phone_screen(page: Page, site_dir: Path, path: str) -> None:
    page.set_viewport_size(PHONE)
    open_page(page, path, site_dir)
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["viewport"], f"{path} scrolls sideways on a phone: {found}"
