"""Programs fit their column: at 1280 px no program block scrolls sideways.

A line that runs past the code column hides its end (often a comment that explains it) until
the reader scrolls. Every block of a program (any language but ``text``) is measured, including
those in tabs not shown and notes not opened: those are shown for the measurement and put back.
Outputs (``text`` blocks) may scroll, as the style in README says: they are what the program
printed, not wrapped by hand. On a phone, programs scroll too; what must stay in reach there is
each block's copy button (``phone.py``).
"""

from __future__ import annotations

from tests.browser.visit import Visit

WIDTH = 1280

# Shows every tab's block and opens every closed note, runs MEASURE, then puts both back.
EVERYTHING_SHOWN = """
() => {
  const style = document.createElement("style");
  style.textContent =
    ".tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }";
  document.head.append(style);
  const closed = [...document.querySelectorAll("details:not([open])")];
  closed.forEach((details) => { details.open = true; });
  try {
    return (MEASURE)();
  } finally {
    closed.forEach((details) => { details.open = false; });
    style.remove();
  }
}
"""


def with_everything_shown(measure: str) -> str:
    """``measure`` (a JavaScript function of no arguments) run with every tab and note shown.

    A block in a tab not picked or a note not opened has no size, so it would pass any
    measurement unseen; the page is put back after, because the checks that follow on the same
    load expect it as the reader first sees it.
    """
    return EVERYTHING_SHOWN.replace("MEASURE", measure.strip())


# Every program block, and each one wider than its column (by its longest line).
PROGRAMS_WIDER_THAN_THEIR_COLUMN = with_everything_shown("""
() => {
  const programs = [...document.querySelectorAll("div.highlight:not(.language-text) pre > code")];
  const wide = programs.filter((code) => code.scrollWidth > code.clientWidth + 1).map((code) => {
    const block = code.closest("div.highlight");
    const title = block.querySelector(".filename");
    const lines = code.textContent.split("\\n");
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a), "");
    return `${title ? title.textContent : "a block"} (${longest.length} columns: ${longest.trim()})`;
  });
  return { programs: programs.length, wide };
}
""")


def programs_fit_their_column(visit: Visit) -> None:
    width = visit.page.viewport_size
    assert width is not None and width["width"] == WIDTH, f"measured at {width}, not {WIDTH} px"
    found = visit.page.evaluate(PROGRAMS_WIDER_THAN_THEIR_COLUMN)
    visit.figures["program blocks"] = found["programs"]
    visit.figures["program blocks scrolling sideways"] = len(found["wide"])
    assert not found["wide"], "program blocks that scroll sideways at 1280 px:\n" + "\n".join(
        found["wide"]
    )
