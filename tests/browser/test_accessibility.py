"""Every page passes axe in the light and the dark scheme, and fits a phone screen.

Each page is checked as first shown (the light scheme, the browser's default preference),
then again after the reader switches to the dark scheme with the palette toggle. Minor and
moderate findings are listed in the failure message of a blocking one, not failed on. Then
the window is narrowed to a phone's width: nothing but code blocks may scroll sideways.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.accessibility import BLOCKING_IMPACTS, axe_violations
from tests.browser.pages import open_page
from tests.browser.site import page_paths_from_docs

PAGES = page_paths_from_docs()
# Scheme -> the palette toggle a reader clicks to reach it (the first is the one shown).
SCHEMES = {"default": "", "slate": "Switch to dark mode"}
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


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_accessible_in_both_schemes_and_on_a_phone(page: Page, site_dir: Path, path: str) -> None:
    open_page(page, path, site_dir)
    found = {}
    for scheme, toggle in SCHEMES.items():
        if toggle:
            page.locator(f"label[title='{toggle}']").click()
        shown = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        assert shown == scheme, f"{path} shows the {shown} scheme, not {scheme}"
        found[scheme] = axe_violations(page)
    blocking = [v for vs in found.values() for v in vs if v.impact in BLOCKING_IMPACTS]
    assert not blocking, f"{path}:\n" + "\n".join(
        f"{scheme}: {v}" for scheme, vs in found.items() for v in vs
    )

    page.set_viewport_size(PHONE)
    width = page.evaluate(OVERFLOW)
    assert width["scrollWidth"] <= width["viewport"], f"{path} scrolls sideways on a phone: {width}"
