"""The language a reader picks in one set of tabs is picked in every set, on every page.

Each page with language tabs shows Python in every set when first opened; picking another
language in one set picks it in every set of the page, and a page opened next (in another tab
of the same browser, as a reader would) shows it too. Each page hands both other languages to
the next page with tabs, the last to the first, so every page receives each of them.
"""

from __future__ import annotations

import functools
from pathlib import Path

from tests.browser.pages import open_page
from tests.browser.visit import Visit
from tests.support.pages import built_file, page_paths_from_site

LANGUAGES = ("Python", "Async Python", "curl")
FIRST_SHOWN = LANGUAGES[0]

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


@functools.cache
def pages_with_language_tabs(site_dir: Path) -> list[str]:
    """Pages whose built HTML holds a tab label for each language, in site order."""
    found = []
    for path in page_paths_from_site(site_dir):
        html = built_file(site_dir, path).read_text(encoding="utf-8")
        if all(f">{name}</label>" in html for name in LANGUAGES):
            found.append(path)
    return found


def shows_python_first(visit: Visit) -> None:
    if visit.path not in pages_with_language_tabs(visit.site_dir):
        return
    chosen = visit.page.evaluate(CHOSEN_LANGUAGES, list(LANGUAGES))
    assert chosen and set(chosen) == {FIRST_SHOWN}, f"first shown with {chosen}"


def choice_is_picked_everywhere(visit: Visit) -> None:
    """Each language but Python in turn: picked in one set of this page, it is picked in every
    set here and in every set of the next page with tabs (opened in a second tab)."""
    pages = pages_with_language_tabs(visit.site_dir)
    if visit.path not in pages:
        return
    following = pages[(pages.index(visit.path) + 1) % len(pages)]
    other = visit.page.context.new_page() if following != visit.path else None
    try:
        for language in LANGUAGES[1:]:
            visit.page.locator(".tabbed-labels > label", has_text=language).first.click()
            chosen = visit.page.evaluate(CHOSEN_LANGUAGES, list(LANGUAGES))
            assert set(chosen) == {language}, f"picking {language} in one set left {chosen}"
            if other is not None:
                open_page(other, following)
                chosen = other.evaluate(CHOSEN_LANGUAGES, list(LANGUAGES))
                assert chosen and set(chosen) == {language}, (
                    f"{following} shows {chosen} after {language}"
                )
    finally:
        if other is not None:
            other.close()
            visit.page.bring_to_front()
