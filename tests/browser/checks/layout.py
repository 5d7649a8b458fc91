"""The page reads on a phone: nothing makes it scroll sideways.

At a phone's width the page never scrolls sideways (wide tables and code scroll inside
themselves). Everything that could be shown is measured: blocks in tabs not picked and notes not opened are shown for the measurement and put
back (``fitting.with_everything_shown``).
"""

from __future__ import annotations

from tests.browser.checks.fitting import with_everything_shown
from tests.browser.visit import Visit

# How far the page scrolls sideways, what pokes out (not counting what scrolls inside code
# blocks and table wrappers).
SIDEWAYS = with_everything_shown("""
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
""")


def fits_a_phone(visit: Visit) -> None:
    """At a phone's width the page does not scroll sideways; the window is put back after."""
    with visit.on_a_phone():
        found = visit.page.evaluate(SIDEWAYS)
    assert found["scrollWidth"] <= found["viewport"], (
        f"on a phone, the page scrolls sideways: {found['scrollWidth']} px in a "
        f"{found['viewport']} px window, poking out: {found['culprits']}"
    )
