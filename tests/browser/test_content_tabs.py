"""The language a reader picks in one set of tabs is picked in every set, on every page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.pages import open_page
from tests.browser.site import page_paths_from_docs, page_paths_from_site

LANGUAGES = ("Python", "Async Python", "curl")

# The selected label of every tab set offering all three languages, in page order.
CHOSEN_LANGUAGES = """
(languages) => [...document.querySelectorAll(".tabbed-set")].flatMap((set) => {
  const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")];
  const names = labels.map((label) => label.textContent.trim());
  if (!languages.every((name) => names.includes(name))) return [];
  const inputs = [...set.querySelectorAll(":scope > input")];
  return [names[inputs.findIndex((input) => input.checked)]];
})
"""


def pages_with_language_tabs(site_dir: Path) -> list[str]:
    found = []
    for path in page_paths_from_site(site_dir):
        html = (site_dir / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        if all(f">{name}</label>" in html for name in LANGUAGES):
            found.append(path)
    return found


def test_page_list_is_the_site(site_dir: Path) -> None:
    assert page_paths_from_site(site_dir) == page_paths_from_docs()


@pytest.mark.browser
@pytest.mark.parametrize("language", ["Async Python", "curl"])
def test_choosing_a_language_chooses_it_everywhere(
    page: Page, site_dir: Path, language: str
) -> None:
    pages = pages_with_language_tabs(site_dir)
    assert len(pages) >= 2, f"language tabs on fewer than two pages: {pages}"
    first, *others = pages
    open_page(page, first, site_dir)
    assert set(page.evaluate(CHOSEN_LANGUAGES, list(LANGUAGES))) == {"Python"}
    page.locator(".tabbed-labels > label", has_text=language).first.click()
    assert set(page.evaluate(CHOSEN_LANGUAGES, list(LANGUAGES))) == {language}, first
    for path in others:
        open_page(page, path, site_dir)
        chosen = page.evaluate(CHOSEN_LANGUAGES, list(LANGUAGES))
        assert chosen and set(chosen) == {language}, f"{path} shows {chosen} after {language}"
