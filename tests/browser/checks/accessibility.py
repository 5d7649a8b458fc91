"""The page passes axe in the light and the dark scheme.

Every page shares its chrome (the skip link, the header with its search dialog, the site's nav,
the footer, the back-to-top button): it comes from one template, so axe checks it once, on one
page, in both schemes (``chrome_is_accessible``, run by ``test_site_chrome.py``), and each page's
own run leaves it out and checks everything else: the document itself (its language, title,
landmarks, heading), the page's text and its table of contents. Every rule axe runs by default
runs on every part; only where it runs changed.

Each part is checked with every axe rule as first shown (the light scheme, the browser's
default preference), then again after the reader switches to the dark scheme with the palette
toggle, with the rules whose outcome depends on colour: the toggle changes the palette's CSS
variables and nothing else, so the other rules would see the same page twice. Minor and moderate
findings are listed in the failure message of a blocking one, not failed on.
"""

from __future__ import annotations

from tests.browser.axe import Part, Violation, axe_violations
from tests.browser.visit import Visit

DARK_TOGGLE = "label[title='Switch to dark mode']"

# The parts of every page that come from the theme's template, not from the page's source.
CHROME = (
    ".md-overlay",
    ".md-skip",
    ".md-header",
    ".md-sidebar--primary",
    ".md-top",
    ".md-footer",
    ".md-dialog",
)
PAGE_OWN = Part(exclude=CHROME)
SHARED_CHROME = Part(include=CHROME)
# Rules that only run on a whole document (axe's page-level rules): the chrome's run checks them.
WHOLE_DOCUMENT_RULES = ("bypass",)

SEARCH_DIALOG = Part(include=(".md-search",))
SEARCHED = "stop_reason"  # a word many pages hold: the dialog shows a list of results

# The axe rules that read colours: text contrast, and links told apart from text by colour.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def _assert_accessible_in(
    visit: Visit, scheme: str, part: Part, rules: tuple[str, ...] | None = None
) -> None:
    shown = visit.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert shown == scheme, f"the page shows the {shown} scheme, not {scheme}"
    found = axe_violations(visit.page, rules, part)
    assert not any(v.blocking for v in found), f"{scheme} scheme:\n" + _listed(found)


def _listed(violations: list[Violation]) -> str:
    return "\n".join(str(v) for v in violations)


def _pick_the_dark_scheme(visit: Visit) -> None:
    visit.page.locator(DARK_TOGGLE).click()


def accessible_in_the_light_scheme(visit: Visit) -> None:
    """The page's own parts as first shown: the light scheme is the browser's default."""
    _assert_accessible_in(visit, "default", PAGE_OWN)


def accessible_in_the_dark_scheme(visit: Visit) -> None:
    """The page's own parts after the reader picks the dark scheme with the palette toggle."""
    _pick_the_dark_scheme(visit)
    _assert_accessible_in(visit, "slate", PAGE_OWN, COLOUR_RULES)


def chrome_is_accessible(visit: Visit) -> None:
    """The shared chrome, in the light scheme with every rule (and the whole-document rules on
    the document), then in the dark scheme with the colour rules; each time also with the search
    dialog open and showing results for ``SEARCHED``."""
    _assert_accessible_in(visit, "default", SHARED_CHROME)
    _assert_accessible_in(visit, "default", Part(), WHOLE_DOCUMENT_RULES)
    _with_search_results(visit)
    _assert_accessible_in(visit, "default", SEARCH_DIALOG)
    visit.page.keyboard.press("Escape")
    _pick_the_dark_scheme(visit)
    _assert_accessible_in(visit, "slate", SHARED_CHROME, COLOUR_RULES)
    _with_search_results(visit)
    _assert_accessible_in(visit, "slate", SEARCH_DIALOG, COLOUR_RULES)
    visit.page.keyboard.press("Escape")


def _with_search_results(visit: Visit) -> None:
    page = visit.page
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.clear()  # what the search before left
    box.press_sequentially(SEARCHED, delay=10)
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
