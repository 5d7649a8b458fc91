"""The page on a phone: nothing scrolls sideways, and every program's copy button is in reach.

At a phone's width the page never scrolls sideways (wide tables and code scroll inside
themselves) and no row of tab labels scrolls sideways either: its labels wrap. Programs may
scroll inside their block there, so what must stay in reach is each block's copy button, which
gives the whole file (``copying.py`` checks what it copies). Everything that could be shown is
measured: blocks in tabs not picked and notes not opened are shown for the measurement and put
back (``fitting.with_everything_shown``).

Narrowing the window lays the whole page out again, and widening it back does so once more, so
the window is narrowed once, and every tab and note shown once, for all that these checks
measure (``seen_on_a_phone``); each check then judges its own part of that one measurement.
"""

from __future__ import annotations

from typing import Any

from tests.browser.checks.fitting import with_everything_shown
from tests.browser.visit import Visit

# How far the page scrolls sideways, what pokes out (not counting what scrolls inside code
# blocks and table wrappers), and each row of tab labels that scrolls sideways.
SIDEWAYS = """
() => {
  const limit = document.documentElement.clientWidth;
  const culprits = [...document.querySelectorAll("body *")]
    .filter((el) => !el.closest("pre, code, .highlight, .md-typeset__scrollwrap"))
    .filter((el) => el.getBoundingClientRect().right > limit + 1)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
  const rows = [...document.querySelectorAll(".tabbed-labels")]
    .filter((row) => row.scrollWidth > row.clientWidth + 1)
    .map((row) => [...row.children].map((label) => label.textContent.trim()).join(" | "));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    culprits: culprits.slice(0, 5),
    rows,
  };
}
"""

# Each program block whose copy button is not wholly on screen and on the block (a button
# scrolled away with the code, or pushed off the side).
COPY_BUTTONS_OUT_OF_REACH = """
() => {
  const limit = document.documentElement.clientWidth;
  const blocks = [...document.querySelectorAll("div.highlight:not(.language-text)")]
    .filter((block) => block.querySelector("pre > code"));
  const away = blocks.filter((block) => {
    const button = block.querySelector("button.md-code__button[data-md-type=copy]");
    if (!button) return true;
    const b = button.getBoundingClientRect();
    const area = block.getBoundingClientRect();
    return !(b.width > 0 && b.left >= 0 && b.right <= limit
      && b.left >= area.left - 1 && b.right <= area.right + 1);
  }).map((block) => {
    const title = block.querySelector(".filename");
    return title ? title.textContent : block.querySelector("code").textContent.slice(0, 40);
  });
  return { blocks: blocks.length, away };
}
"""

# Both measurements, taken on one showing of every tab and note.
ON_A_PHONE = with_everything_shown(f"""
() => ({{ sideways: ({SIDEWAYS.strip()})(), copyButtons: ({COPY_BUTTONS_OUT_OF_REACH.strip()})() }})
""")


def seen_on_a_phone(visit: Visit) -> dict[str, Any]:
    """What ``ON_A_PHONE`` measures at a phone's width, taken on the first call and kept for
    the visit's other phone checks; the window is put back after, even when it fails."""
    if "on a phone" not in visit.measured:
        with visit.on_a_phone():
            visit.measured["on a phone"] = visit.page.evaluate(ON_A_PHONE)
    return visit.measured["on a phone"]


def fits_a_phone(visit: Visit) -> None:
    """At a phone's width the page does not scroll sideways, and no row of tab labels does."""
    found = seen_on_a_phone(visit)["sideways"]
    visit.figures["tab rows scrolling on a phone"] = len(found["rows"])
    problems = []
    if found["scrollWidth"] > found["viewport"]:
        problems.append(
            f"the page scrolls sideways: {found['scrollWidth']} px in a {found['viewport']} px "
            f"window, poking out: {found['culprits']}"
        )
    if found["rows"]:
        problems.append("rows of tab labels scroll sideways: " + "; ".join(found["rows"]))
    assert not problems, "on a phone, " + "\n".join(problems)


def copy_buttons_in_reach_on_a_phone(visit: Visit) -> None:
    """At a phone's width each program's copy button is on screen, on its block."""
    found = seen_on_a_phone(visit)["copyButtons"]
    assert not found["away"], "copy buttons out of reach on a phone: " + ", ".join(found["away"])
