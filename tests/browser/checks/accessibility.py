"""The page passes axe in the light and the dark scheme, and fits a phone screen.

The page is checked with every axe rule as first shown (the light scheme, the browser's
default preference), then again after the reader switches to the dark scheme with the palette
toggle, with the rules whose outcome depends on colour: the toggle changes the palette's CSS
variables and nothing else, so the other rules would see the same page twice. Minor and moderate
findings are listed in the failure message of a blocking one, not failed on. Then the window is
narrowed to a phone's width: nothing but code blocks may scroll sideways.
"""

from __future__ import annotations

from tests.browser.axe import Violation, axe_violations
from tests.browser.visit import Visit

DARK_TOGGLE = "label[title='Switch to dark mode']"

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


# The axe rules that read colours: text contrast, and links told apart from text by colour.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def _assert_accessible_in(visit: Visit, scheme: str, rules: tuple[str, ...] | None = None) -> None:
    shown = visit.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert shown == scheme, f"the page shows the {shown} scheme, not {scheme}"
    found = axe_violations(visit.page, rules)
    assert not any(v.blocking for v in found), f"{scheme} scheme:\n" + _listed(found)


def _listed(violations: list[Violation]) -> str:
    return "\n".join(str(v) for v in violations)


def accessible_in_the_light_scheme(visit: Visit) -> None:
    """As first shown: the light scheme is the browser's default preference."""
    _assert_accessible_in(visit, "default")


def accessible_in_the_dark_scheme(visit: Visit) -> None:
    """After the reader picks the dark scheme with the palette toggle."""
    visit.page.locator(DARK_TOGGLE).click()
    _assert_accessible_in(visit, "slate", COLOUR_RULES)


def fits_a_phone(visit: Visit) -> None:
    """At a phone's width nothing but code scrolls sideways; the window is put back after."""
    with visit.on_a_phone():
        width = visit.page.evaluate(OVERFLOW)
    assert width["scrollWidth"] <= width["viewport"], f"scrolls sideways on a phone: {width}"
